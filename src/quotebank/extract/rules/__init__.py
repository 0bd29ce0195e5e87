"""The extraction rules, named, documented and registered in order of precedence.

Each rule is a :class:`Rule` with a name (carried by every :class:`~quotebank.Quote` it
finds, in ``Quote.rule``), a one-line summary, the frames or mark styles it handles and its
own examples; :data:`REGISTRY` lists them in order of precedence, one module per family
(the module holds the family's code and its rules: :mod:`~quotebank.extract.rules.verb_cues`,
:mod:`~quotebank.extract.rules.noun_cues`, :mod:`~quotebank.extract.rules.according_to`,
:mod:`~quotebank.extract.rules.headlines`, :mod:`~quotebank.extract.rules.direct`), and what
they share in building a quote is :mod:`quotebank.extract.content`.
"""

from quotebank.extract.rules._rule import Example, Family, Rule
from quotebank.extract.rules.registry import FAMILIES, REGISTRY, check_names, family, markdown, rule_named

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Example",
    "Family",
    "Rule",
    "check_names",
    "family",
    "markdown",
    "rule_named",
]
