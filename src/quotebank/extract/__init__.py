"""Quote extraction on a parsed spaCy ``Doc``, one module per kind of quote.

* :mod:`quotebank.extract.direct` attributes passages in quotation marks;
* :mod:`quotebank.extract.reported` finds indirect and mixed quotes through
  reporting cues.

:func:`find_quotes` runs both and settles overlaps, so that every quote of a
document comes out once, in text order, with no two quotes overlapping.
Speakers are resolved afterwards by :mod:`quotebank.speakers`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quotebank.extract._base import Candidate, DocIndex, merge_pieces
from quotebank.extract._marks import QuotedPassage, find_quoted
from quotebank.extract.direct import attribute_passages
from quotebank.extract.reported import find_reported
from quotebank.lexicons import Lexicons

__all__ = ["Candidate", "QuotedPassage", "find_quoted", "find_quotes"]


def _overlap(a: Candidate, b: Candidate) -> int:
    """Characters shared by the two quotes' extents (first to last content character)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _size(c: Candidate) -> int:
    return sum(e - s for s, e in c.pieces)


def _settle(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one quote per stretch of text: nested reports fold into the outer one."""
    kept: list[Candidate] = []
    # bigger, earlier first: an outer report claims the reports nested in it
    for c in sorted(candidates, key=lambda c: (-_size(c), c.start)):
        if any(_overlap(c, k) > 0 for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def find_quotes(doc: Doc, lexicons: Lexicons, *, min_strength: float = 0.5) -> list[Candidate]:
    """Find every quote of a parsed document.

    Args:
        doc: a document parsed with a tagger, dependency parser, lemmatizer
            and entity recognizer.
        lexicons: the loaded lexicons.
        min_strength: reporting verbs weaker than this (``strength`` in
            ``reporting.toml``) are ignored.

    Returns:
        Quote candidates in text order, not overlapping.
    """
    text = doc.text
    passages = find_quoted(text)
    index = DocIndex(doc, passages, lexicons, min_strength, text=text)
    reported = _settle(find_reported(index))
    used = {k for c in reported for k in c.passages}
    # a reported quote whose passages were claimed twice keeps them once
    direct = attribute_passages(index, used, reported)
    for c in (*reported, *direct):
        c.pieces = merge_pieces(c.pieces)
    return _settle([c for c in (*reported, *direct) if c.pieces])
