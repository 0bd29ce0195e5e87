"""A parsed document as flat arrays: what every stance layer reads, taken once per document.

spaCy's ``Token`` objects are convenient but each attribute read builds one;
the scorer reads the same few attributes of the same tokens many times, so it
takes them all with a single :meth:`spacy.tokens.Doc.to_array` call and works
on plain lists of strings and integers.

Examples:
    >>> import spacy
    >>> from quotebank.stance.view import DocView
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> view = DocView(nlp("Stop the war. Now."))
    >>> view.lower[0], view.sent[3], view.sent_bounds[1]
    ('stop', 0, (4, 6))
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cached_property

import numpy
from spacy.attrs import DEP, IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc

from quotebank.extract._base import head_indices
from quotebank.stance import repairs

__all__ = ["DocView"]

_PARAGRAPH = re.compile(r"\n\s*\n|\n")


class DocView:
    """Per-document arrays of token attributes, children, sentences and paragraphs.

    Attributes:
        doc: the document.
        text: ``doc.text``.
        lower, lemma, pos, tag, dep: per-token strings (lemmas lower-cased).
        head: per-token head index (a root is its own head).
        idx: per-token character offset.
        sent: per-token sentence number.
        sent_bounds: per sentence, its token range ``(start, end)``.
        repairs: the parse repairs applied (:mod:`quotebank.stance.repairs`), as
            ``(repair name, token)``.
    """

    def __init__(self, doc: Doc, *, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.cache: dict[tuple[str, ...], object] = {}  # per-document facts the layers compute once
        n = len(doc)
        table = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, IDX, LENGTH]) if n else numpy.zeros((0, 7), numpy.uint64)
        strings = doc.vocab.strings

        def names(column: int, *, lower: bool = False) -> list[str]:
            # each distinct value is looked up once, then spread over the tokens
            values, where = numpy.unique(table[:, column], return_inverse=True)
            found = [strings[int(v)] for v in values.tolist()]
            if lower:
                found = [w.lower() for w in found]
            return [found[k] for k in where.tolist()]

        self.lower: list[str] = names(0)
        self.lemma: list[str] = names(1, lower=True)
        self.pos: list[str] = names(2)
        self.tag: list[str] = names(3)
        self.dep: list[str] = names(4)
        self.head: list[int] = head_indices(doc)
        self.idx: list[int] = table[:, 5].tolist()
        self.length: list[int] = table[:, 6].tolist()
        spans = [(s.start, s.end) for s in doc.sents] if n and doc.has_annotation("SENT_START") else [(0, n)]
        self.sent_bounds: list[tuple[int, int]] = spans
        self.sent: list[int] = [k for k, (start, end) in enumerate(spans) for _ in range(end - start)]
        self.repairs = repairs.apply(self)

    def __len__(self) -> int:
        return len(self.lower)

    @cached_property
    def children(self) -> list[list[int]]:
        """Per token, its children in text order."""
        n = len(self.head)
        heads = numpy.asarray(self.head, dtype=numpy.int64)
        tokens = numpy.arange(n)
        dependents = tokens[heads != tokens]
        # dependents grouped by head, text order kept inside a group (a stable sort)
        order = dependents[numpy.argsort(heads[dependents], kind="stable")]
        bounds = numpy.searchsorted(heads[order], numpy.arange(n + 1)).tolist()
        grouped = order.tolist()
        return [grouped[a:b] for a, b in itertools.pairwise(bounds)]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Per lower-cased form and per lemma, the tokens that have it, in text order."""
        out: dict[str, list[int]] = {}
        for i, (form, lemma) in enumerate(zip(self.lower, self.lemma, strict=True)):
            out.setdefault(form, []).append(i)
            if lemma != form:
                out.setdefault(lemma, []).append(i)
        return out

    @cached_property
    def lower_text(self) -> str:
        """The text, lower-cased (for whole-document word searches)."""
        return self.text.lower()

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Character offsets at which paragraphs (lines) start."""
        return [0, *(m.end() for m in _PARAGRAPH.finditer(self.text))]

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.idx[i] + self.length[i]

    def tokens(self, start: int, end: int) -> range:
        """Token indices overlapping characters ``[start, end)``."""
        first = max(bisect.bisect_right(self.idx, start) - 1, 0)
        last = max(bisect.bisect_left(self.idx, end) - 1, first)
        return range(first, last + 1)

    def is_(self, i: int, word: str) -> bool:
        """Whether token ``i`` is ``word`` as written (lower-cased) or as lemma."""
        return self.lower[i] == word or self.lemma[i] == word

    def paragraph_window(self, i: int, before: int = 1, after: int = 0) -> tuple[int, int]:
        """Character range of the paragraph holding token ``i`` (all of it), with ``before``
        paragraphs before it and ``after`` after it (empty lines not counted)."""
        starts = self.paragraph_starts
        k = bisect.bisect_right(starts, self.idx[i]) - 1
        last = k
        seen_after = 0
        while last + 1 < len(starts) and seen_after < after:
            last += 1
            nxt = starts[last + 1] if last + 1 < len(starts) else len(self.text)
            if self.text[starts[last] : nxt].strip():
                seen_after += 1
        end = starts[last + 1] if last + 1 < len(starts) else len(self.text)
        # skip empty lines: a window of `before` paragraphs that hold text
        first = k
        seen = 0
        while first > 0 and seen < before:
            first -= 1
            if self.text[starts[first] : starts[first + 1]].strip():
                seen += 1
        return starts[first], end

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and all its descendants."""
        out = [i]
        stack = [i]
        children = self.children
        while stack:
            for c in children[stack.pop()]:
                out.append(c)
                stack.append(c)
        return out
