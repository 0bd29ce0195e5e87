"""Pairing quotation marks into quoted passages, on plain text.

Marks are paired by type, so an apostrophe (``Hamas’``, ``don’t``) never
breaks the pairing of double marks. The news convention of a quotation that
runs over several paragraphs (each paragraph opens with a mark and only the
last closes) gives one passage with one piece per paragraph. An unmatched
mark never stops the scan: the broken passage is dropped, or, for a closing
mark with no opener at the start of its paragraph, opened at the paragraph's
start.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import attrs

__all__ = ["QuotedPassage", "find_quoted"]

# opening mark -> the closing marks that end it
_DOUBLE_PAIRS: dict[str, str] = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ (German) and „ ” (Polish, Romanian)
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (Danish)
    "\u201f": "\u201d",  # ‟ ”
    "\u300c": "\u300d",  # 「 」
    "\u300e": "\u300f",  # 『 』
    "\uff02": "\uff02",  # ＂ ＂
}
_DOUBLE_CLOSERS = "\u201d\u00bb\u300d\u300f"
_SINGLE_OPENERS = "\u2018\u201a\u2039'"
_SINGLE_CLOSERS = "\u2019\u203a'"
_SINGLE_OPENER_MARKS = re.compile("[" + re.escape(_SINGLE_OPENERS) + "]")
"""The characters that can open a single-quoted passage."""
_SINGLE_CLOSER_MARKS = re.compile("[" + re.escape(_SINGLE_CLOSERS) + "]")
_LEADING_MARKS = _SINGLE_OPENERS + '\u201d\u201c"'
_OPEN_CONTEXT = " \t\n\r([{\u2014\u2013-/\u00a0"
_PUNCT_AFTER = ' \t\n\r.,;:!?)]}\u2014\u2013-\u2026\u00a0"\u201d'
# a transcript turn: "PENCE: Well, look, ..." (a speaker's name in capitals and a colon)
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}:\s")


@attrs.frozen(kw_only=True)
class QuotedPassage:
    """Text inside a pair of quotation marks.

    Attributes:
        open: offset of the opening mark (or of the paragraph start when the
            opening mark is missing).
        close: offset of the closing mark.
        pieces: ``(start, end)`` of the text inside the marks, one per
            paragraph the passage runs over.
        single: whether single marks were used.
    """

    open: int
    close: int
    pieces: tuple[tuple[int, int], ...]
    single: bool = False

    @property
    def start(self) -> int:
        """Offset of the first character inside the marks."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset one past the last character inside the marks."""
        return self.pieces[-1][1]


def _is_straight_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in _DOUBLE_PAIRS) and not after.isspace()


_SOLID = re.compile(r"\S")
_NOT_LEAD = re.compile(r"[^\s" + re.escape(_LEADING_MARKS) + "]")


class _Lines:
    """Line starts of a text, asked in O(log n), with what each line opens with computed once:
    the scan over marks stays linear however many marks a line holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        self._solid: dict[int, int] = {}
        self._lead: dict[int, int] = {}

    def start(self, i: int) -> int:
        """Offset of the start of the line holding ``i``."""
        k = bisect.bisect_left(self._breaks, i)
        return self._breaks[k - 1] + 1 if k else 0

    def _first(self, pattern: re.Pattern[str], start: int) -> int:
        found = pattern.search(self.text, start)
        return found.start() if found is not None else len(self.text)

    def solid(self, start: int) -> int:
        """The first non-blank character at or after the line start ``start``."""
        if start not in self._solid:
            self._solid[start] = self._first(_SOLID, start)
        return self._solid[start]

    def lead(self, start: int) -> int:
        """The first character after the blanks and marks that open the line at ``start``."""
        if start not in self._lead:
            self._lead[start] = self._first(_NOT_LEAD, start)
        return self._lead[start]

    def at_paragraph_start(self, i: int) -> bool:
        """Whether only blanks stand between the line start and ``i``."""
        return self.solid(self.start(i)) >= i


def _opens_turn(text: str, i: int, lines: _Lines) -> bool:
    """Whether the mark at ``i`` opens a paragraph that is a transcript turn.

    Transcripts in quotation marks (``"WALLACE: ...`` / ``"PENCE: ...``) open every
    turn with a mark and rarely close one; each turn is its own speech, found by the
    speaker label, not one long passage.
    """
    return (
        (text[i] == '"' or text[i] in _DOUBLE_PAIRS)
        and _TURN_LABEL.match(text, i + 1) is not None
        and lines.at_paragraph_start(i)
    )


def _pieces(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Split ``text[start:end]`` at line breaks into trimmed, non-empty pieces."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        # a continued paragraph opens with its own mark: leave it out of the piece
        if out and a < b and (text[a] in _DOUBLE_PAIRS or text[a] == '"'):
            a += 1
        if a < b:
            out.append((a, b))
        pos = stop + 1
    return tuple(out)


class _DoubleMarks:
    """One left-to-right pass pairing double quotation marks; the state is the open mark (if
    any) and the marks that can close it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.passages: list[QuotedPassage] = []
        self.open_at: int | None = None
        self.closers = ""

    def run(self) -> list[QuotedPassage]:
        # only line breaks and marks change the state: the search jumps from one to the next
        i, text, search = 0, self.text, _DOUBLE_EVENTS.search
        while (found := search(text, i)) is not None:
            i = self._step(found.start())
        return self.passages

    def _closes(self, ch: str) -> bool:
        return self.open_at is not None and (ch in self.closers or (ch == '"' and self.closers == '"'))

    def _step(self, i: int) -> int:
        """Read the character at ``i``; return where to read next."""
        text, ch = self.text, self.text[i]
        if ch == "\n" and self.open_at is not None:
            return self._line_break(i)
        if self._closes(ch):
            self._close(i)
        elif self.open_at is None and (ch in _DOUBLE_PAIRS or ch == '"') and _opens_turn(text, i, self.lines):
            pass  # a transcript turn's mark: the turn is found by its label
        elif ch in _DOUBLE_PAIRS or (ch == '"' and _is_straight_open(text, i)):
            self.open_at, self.closers = i, _DOUBLE_PAIRS.get(ch, '"')
        elif ch in _DOUBLE_CLOSERS or ch == '"':
            self._stray_closer(i)
        return i + 1

    def _line_break(self, i: int) -> int:
        """A passage running past its paragraph continues only if the next non-blank line opens
        with a mark of the same kind (and is not a transcript turn)."""
        text, n = self.text, len(self.text)
        assert self.open_at is not None
        opener = text[self.open_at]
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j >= n or (text[j] != opener and not (opener == '"' and text[j] == '"')):
            self.open_at = None
            return i + 1
        if _opens_turn(text, j, self.lines):
            self.open_at = None
        return j + 1

    def _close(self, i: int) -> None:
        assert self.open_at is not None
        text = self.text
        if text[i] == '"' and _is_straight_open(text, i) and i - self.open_at > 1 and text[i - 1] in " \t":
            # a straight mark that can only open: the earlier one was unmatched
            self.open_at, self.closers = i, '"'
            return
        pieces = _pieces(text, self.open_at + 1, i)
        if pieces:
            self.passages.append(QuotedPassage(open=self.open_at, close=i, pieces=pieces))
        self.open_at = None

    def _stray_closer(self, i: int) -> None:
        """A closing mark with no opener: open it at its paragraph's start when the text before
        it there is a passage of its own."""
        lines = self.lines
        start = lines.start(i)
        previous = self.passages[-1].close if self.passages else -1
        turn = lines.solid(start)
        if previous < start and turn < i and not _opens_turn(self.text, turn, lines):
            lead = min(lines.lead(start), i)
            pieces = _pieces(self.text, lead, i) if lead < i else ()
            if pieces:
                self.passages.append(QuotedPassage(open=start, close=i, pieces=pieces))


_DOUBLE_EVENTS = re.compile(
    "[" + re.escape('\n"' + "".join(_DOUBLE_PAIRS) + "".join(_DOUBLE_PAIRS.values()) + _DOUBLE_CLOSERS) + "]"
)
"""The characters the double-mark pass reads: line breaks and every double mark."""


def _find_double(text: str) -> list[QuotedPassage]:
    return _DoubleMarks(text).run()


def _single_closers(text: str) -> list[int]:
    """Offsets of every mark that can close a single-quoted passage: a closing mark after a
    non-blank character and before punctuation or a blank."""
    n = len(text)
    out = []
    for m in _SINGLE_CLOSER_MARKS.finditer(text, 1):
        j = m.start()
        if not text[j - 1].isspace() and (text[j + 1] if j + 1 < n else " ") in _PUNCT_AFTER:
            out.append(j)
    return out


def _find_single(text: str, taken: list[tuple[int, int]]) -> list[QuotedPassage]:
    """Single-quoted passages outside the double ones, each within its line. Each opener finds
    its closer by binary search over the closers, the line breaks and the double passages, so
    a line of thousands of unclosed marks stays linear."""
    passages: list[QuotedPassage] = []
    inside = _covered(taken)
    taken_starts = sorted(a for a, _ in taken)
    closers = _single_closers(text)
    breaks = [m.start() for m in re.finditer("\n", text)]
    n = len(text)
    resume = 0  # openers before this offset lie inside a passage already found
    for m in _SINGLE_OPENER_MARKS.finditer(text):
        i = m.start()
        if i < resume or inside(i) or not _is_straight_open(text, i):
            continue
        k = bisect.bisect_right(closers, i)
        close = closers[k] if k < len(closers) else -1
        line_end = breaks[b] if (b := bisect.bisect_right(breaks, i)) < len(breaks) else n
        t = bisect.bisect_right(taken_starts, i)
        blocked = taken_starts[t] if t < len(taken_starts) else n  # a double passage in the way
        if close > i + 1 and close < line_end and close < blocked:
            pieces = _pieces(text, i + 1, close)
            if pieces:
                passages.append(QuotedPassage(open=i, close=close, pieces=pieces, single=True))
            resume = close + 1
    return passages


def _covered(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    ordered = sorted(spans)

    def inside(i: int) -> bool:
        lo, hi = 0, len(ordered)
        while lo < hi:
            mid = (lo + hi) // 2
            if ordered[mid][1] < i:
                lo = mid + 1
            else:
                hi = mid
        return lo < len(ordered) and ordered[lo][0] <= i <= ordered[lo][1]

    return inside


def find_quoted(text: str) -> list[QuotedPassage]:
    """Find every quoted passage of ``text``, in text order.

    Args:
        text: the document.

    Returns:
        The passages in double marks, then those in single marks that are not
        inside a double-marked passage, merged in text order.

    Examples:
        >>> text = "“Hamas’ demands,” he said, ‘are absurd’."
        >>> [text[a:b] for p in find_quoted(text) for a, b in p.pieces]
        ['Hamas’ demands,', 'are absurd']
        >>> text = "''We pay taxes,'' he said."
        >>> [text[a:b] for p in find_quoted(text) for a, b in p.pieces]
        ['We pay taxes,']
    """
    # some outlets (and converted archives) write a double mark as two apostrophes: ''...''
    double = _find_double(text.replace("''", ' "') if "''" in text else text)
    single = _find_single(text, [(p.open, p.close) for p in double])
    return sorted(double + single, key=lambda p: p.open)
