"""What a registered extraction rule is: a name, a summary, what it handles, its examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from quotebank.extract._base import Candidate, DocIndex

__all__ = ["Example", "Family", "Finder", "Rule"]

_NAME = r"[a-z][a-z0-9_]*"


@attrs.frozen(kw_only=True)
class Example:
    """A sentence a rule must (or must not) find a quote in.

    Attributes:
        text: the sentence or short text.
        quote: the content the rule finds (``Quote.text``), or ``None`` when the rule must find
            nothing in the text (a negative example).
    """

    text: str = attrs.field(
        validator=attrs.validators.and_(attrs.validators.instance_of(str), attrs.validators.min_len(1))
    )
    quote: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )

    @property
    def positive(self) -> bool:
        """Whether the rule finds a quote in this example."""
        return self.quote is not None


def _examples(value: Iterable[Example]) -> tuple[Example, ...]:
    return tuple(value)


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Rule:
    """One named way of finding a quote (its code lives with its family in
    :mod:`quotebank.extract`; this object names it, documents it and carries its examples).

    Attributes:
        name: the name a :class:`~quotebank.Quote` carries in ``rule`` and that
            ``disabled_rules`` switches off.
        family: the family of rules it belongs to (one module of this package).
        summary: one line saying what it finds.
        handles: the frames or mark styles it reads.
        examples: sentences it finds (with the expected content) and sentences it must not.
    """

    name: str = attrs.field(validator=attrs.validators.matches_re(_NAME))
    family: str = attrs.field(validator=attrs.validators.matches_re(_NAME))
    summary: str = attrs.field(
        validator=attrs.validators.and_(attrs.validators.instance_of(str), attrs.validators.min_len(1))
    )
    handles: tuple[str, ...] = attrs.field(
        converter=_strings, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)), default=()
    )
    examples: tuple[Example, ...] = attrs.field(
        converter=_examples,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Example)),
        default=(),
    )

    @property
    def positives(self) -> tuple[Example, ...]:
        """The examples the rule finds a quote in."""
        return tuple(e for e in self.examples if e.positive)

    @property
    def negatives(self) -> tuple[Example, ...]:
        """The examples the rule must find nothing in."""
        return tuple(e for e in self.examples if not e.positive)


Finder = Callable[["DocIndex"], Sequence["Candidate"]]
"""A family's code: the candidates it finds in a document (rules switched off find none)."""


@attrs.frozen(kw_only=True)
class Family:
    """A family of rules and the code that runs them (one module of this package).

    Attributes:
        name: the family's name.
        rules: its rules, in order of precedence.
        find: its finder, or ``None`` for the passages in quotation marks, which are
            attributed after the other families' quotes are settled
            (:func:`quotebank.extract.rules.direct.attribute_passages`).
    """

    name: str = attrs.field(validator=attrs.validators.matches_re(_NAME))
    rules: tuple[Rule, ...] = attrs.field(
        converter=_rules, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Rule))
    )
    find: Finder | None = None
