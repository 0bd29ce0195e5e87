"""The tokens one quote's stance is read from: its content, read with the sentence it stands in."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from quotebank.stance.view import DocView

__all__ = ["Ranges", "Scope"]


@attrs.frozen
class Ranges:
    """Character ranges sorted by start, asked for those overlapping a window in O(log n + k)
    (the other quotes of a document: each quote's scope hides the few in its sentences).

    Examples:
        >>> Ranges.of([(30, 40), (0, 10), (12, 20)]).overlapping(9, 15)
        [(0, 10), (12, 20)]
    """

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    longest: int

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> Ranges:
        """The non-empty ranges of ``spans``, sorted."""
        ordered = tuple(sorted((a, b) for a, b in spans if b > a))
        return cls(ordered, tuple(a for a, _ in ordered), max((b - a for a, b in ordered), default=0))

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The ranges that share a character with ``[lo, hi)``."""
        first = bisect.bisect_left(self.starts, lo - self.longest)
        last = bisect.bisect_left(self.starts, hi)
        return [(a, b) for a, b in self.spans[first:last] if b > lo]


@attrs.define(kw_only=True, eq=False)
class Scope:
    """One quote in its document.

    Attributes:
        view: the document.
        start: first token of the sentence(s) around the quote.
        end: one past their last token.
        content: the quote's content tokens.
        hidden: tokens of other quotes' content in the same sentences (never read).
    """

    view: DocView
    start: int
    end: int
    content: frozenset[int]
    hidden: frozenset[int]

    @classmethod
    def of(
        cls,
        view: DocView,
        pieces: Sequence[tuple[int, int]],
        *,
        context: bool,
        exclude: Sequence[tuple[int, int]] | Ranges,
    ) -> Scope:
        """The scope of a quote whose content is the character ranges ``pieces``.

        Args:
            view: the document.
            pieces: the content's character ranges.
            context: read the whole sentence(s) the content stands in, not only the content.
            exclude: character ranges of other quotes' content (one that overlaps this
                quote, such as an enclosing report or the quote itself, is read as context);
                only those inside the scope are looked at.
        """
        content: set[int] = set()
        for a, b in pieces:
            if b > a:
                content.update(view.tokens(a, b))
        if not content or not len(view):
            return cls(view=view, start=0, end=0, content=frozenset(), hidden=frozenset())
        first, last = min(content), max(content)
        if context:
            start, end = view.sent_bounds[view.sent[first]][0], view.sent_bounds[view.sent[last]][1]
        else:
            start, end = first, last + 1
        hidden: set[int] = set()
        ranges = exclude if isinstance(exclude, Ranges) else Ranges.of(exclude)
        for a, b in ranges.overlapping(view.idx[start], view.end(end - 1)):
            # a quote that encloses this one is its context, not another quote ("a resolution calling for [a pause]")
            if b > a and not any(a < pb and pa < b for pa, pb in pieces):
                hidden.update(k for k in view.tokens(a, b) if k not in content)
        return cls(view=view, start=start, end=end, content=frozenset(content), hidden=frozenset(hidden))

    @property
    def empty(self) -> bool:
        """Whether there is nothing to read."""
        return self.end <= self.start or not self.content

    def readable(self, i: int) -> bool:
        """Whether token ``i`` is in the scope and not another quote's."""
        return self.start <= i < self.end and i not in self.hidden

    def skip(self, i: int) -> bool:
        """Whether token ``i`` is not readable (for matchers)."""
        return not self.readable(i)
