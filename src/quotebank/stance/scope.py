"""The tokens one quote's stance is read from: its content, read with the sentence it stands in."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotebank.stance.view import DocView

__all__ = ["Scope"]


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
        cls, view: DocView, pieces: Sequence[tuple[int, int]], *, context: bool, exclude: Sequence[tuple[int, int]]
    ) -> Scope:
        """The scope of a quote whose content is the character ranges ``pieces``.

        Args:
            view: the document.
            pieces: the content's character ranges.
            context: read the whole sentence(s) the content stands in, not only the content.
            exclude: character ranges of other quotes' content (one that overlaps this
                quote, such as an enclosing report, is read as context).
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
        for a, b in exclude:
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
