"""Cutting a text longer than the pipeline's ``max_length`` without cutting a quotation.

spaCy refuses a text over ``nlp.max_length`` characters, so the extractor parses
such a text in pieces and shifts every offset back into the whole text. A cut
inside a quotation would split one quote into two wrong ones (or lose its
speaker), so :func:`chunks` cuts only where no quotation is open:

1. the last **paragraph end** before the soft limit after which no quotation
   continues (the paragraph closes every double mark it opens: an odd number of
   ``"`` or more ``“`` than ``”`` means the quote runs on, as in a multi-paragraph
   quote whose next paragraph reopens with ``“``);
2. else the last **sentence end** (``.``, ``?``, ``!`` and a space) outside marks;
3. else the first such paragraph or sentence end *after* the soft limit, up to the
   hard limit (``max_length``), or the end of the text if it is within the hard limit:
   a quotation longer than the soft limit stays whole;
4. else (one paragraph of open marks longer than ``max_length``) the last line break
   or space, as a last resort: a text that is one unbroken quotation cannot be parsed
   whole by any pipeline.

Finding the cut points is one pass over the text; choosing each cut is a binary
search, so chunking is linear.

Examples:
    >>> text = "“One,” she said.\\n“Two.\\n“Three,” he said.\\nFour.\\n"
    >>> [piece for _, piece in chunks(text, soft=24, hard=60)]
    ['“One,” she said.\\n', '“Two.\\n“Three,” he said.\\n', 'Four.\\n']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

__all__ = ["CutPoints", "chunks", "cut_points"]

_EVENTS = re.compile(r'[“”"]|\n|[.?!](?= )')


@attrs.frozen(kw_only=True)
class CutPoints:
    """Offsets where a text may be cut with no quotation open, best kind first.

    Attributes:
        paragraphs: offsets just after a line break that ends a closed paragraph.
        sentences: offsets just after a sentence end outside quotation marks.
    """

    paragraphs: list[int]
    sentences: list[int]


def cut_points(text: str) -> CutPoints:
    """Every safe cut of ``text``, in one pass.

    Examples:
        >>> cut_points('"A." B said. C\\n"D\\n').paragraphs
        [15]
    """
    paragraphs: list[int] = []
    sentences: list[int] = []
    curly = 0
    straight = False
    for match in _EVENTS.finditer(text):
        mark = match.group()
        if mark == "\n":
            if curly == 0 and not straight:
                paragraphs.append(match.end())
            curly, straight = 0, False
        elif mark == "“":
            curly += 1
        elif mark == "”":
            curly = max(curly - 1, 0)
        elif mark == '"':
            straight = not straight
        elif curly == 0 and not straight:
            sentences.append(match.end() + 1)
    return CutPoints(paragraphs=paragraphs, sentences=sentences)


def _last(points: list[int], low: int, high: int) -> int | None:
    """The last point in ``(low, high]``."""
    k = bisect.bisect_right(points, high)
    return points[k - 1] if k and points[k - 1] > low else None


def _first(points: list[int], low: int, high: int) -> int | None:
    """The first point in ``(low, high]``."""
    k = bisect.bisect_right(points, low)
    return points[k] if k < len(points) and points[k] <= high else None


def _fallback(text: str, start: int, stop: int) -> int:
    """Inside one over-long open quotation: the last line break, else space, else ``stop``."""
    for sep in ("\n", " "):
        cut = text.rfind(sep, start, stop)
        if cut > start:
            return cut + 1
    return stop


def _cut(text: str, points: CutPoints, start: int, soft: int, hard: int) -> int:
    soft_stop, hard_stop = start + soft, min(start + hard, len(text))
    for found in (
        _last(points.paragraphs, start, soft_stop),
        _last(points.sentences, start, soft_stop),
        _first(points.paragraphs, soft_stop, hard_stop),
        _first(points.sentences, soft_stop, hard_stop),
    ):
        if found is not None:
            return found
    if hard_stop == len(text):
        return hard_stop  # the rest fits: the end of the text is always a safe cut
    return _fallback(text, start, soft_stop)


def chunks(text: str, *, soft: int, hard: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pairs, each at most ``hard`` characters,
    cut where no quotation is open (see the module's rules).

    Args:
        text: the whole text.
        soft: the length a piece should not pass when a safe cut allows it.
        hard: the length no piece passes (the pipeline's ``max_length``).
    """
    if not 0 < soft <= hard:
        raise ValueError(f"chunks() needs 0 < soft <= hard, got soft={soft}, hard={hard}")
    points = cut_points(text)
    start, n = 0, len(text)
    while start < n:
        stop = n if n - start <= soft else _cut(text, points, start, soft, hard)
        yield start, text[start:stop]
        start = stop
