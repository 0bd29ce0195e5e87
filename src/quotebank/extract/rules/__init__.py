"""The extraction rules, named, documented and registered in order of precedence.

Each rule is a :class:`Rule` with a name (carried by every :class:`~quotebank.Quote` it
finds, in ``Quote.rule``), a one-line summary, the frames or mark styles it handles and its
own examples; :data:`REGISTRY` lists them in order of precedence, one module per family.
"""

from quotebank.extract.rules._rule import Example, Rule
from quotebank.extract.rules.registry import REGISTRY, check_names, families, family, markdown, rule_named

__all__ = ["REGISTRY", "Example", "Rule", "check_names", "families", "family", "markdown", "rule_named"]
