"""Boilerplate lines of scraped news: links to other stories, credits, advertising notices.

A line such as ``Read more: Interview with Tom Baker on the border crisis``, ``(Reporting by
Dana Shapira; Editing by Clare Fenwick)``, ``Photo: Omar Zaqout/Reuters`` or ``Story continues
below advertisement`` is not part of the article: nobody in it speaks, and nobody in it is
the "he" of the next paragraph. :func:`boilerplate_spans` finds such lines (and credits in
parentheses inside a caption, ``(AP Photo/Stavros Manolakis)``) from the ``[boilerplate]``
table of ``references.toml``; the extractor drops quotes cued inside them and the speaker
resolver does not learn names from them.

Captions are not boilerplate: ``FILE PHOTO: Karim Haidar attends a session`` introduces the
Karim Haidar a later "Haidar said" refers to.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from quotebank.lexicons import References

__all__ = ["Boilerplate", "boilerplate_spans"]

_LINE = re.compile(r"[^\n]+")
_WORDS = re.compile(r"[\w'’©]+")
_PAREN = re.compile(r"\(([^()\n]{1,200})\)")
_MAX_CREDIT_WORDS = 16  # a credit line is short; a longer line opening "Photo:" is a caption


@functools.lru_cache(maxsize=32)
def _opener(phrases: frozenset[tuple[str, ...]], tail: str) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` at the start of a line (after an opening parenthesis),
    followed by ``tail``; longer phrases first."""
    alternatives = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p) for p in alternatives) or "(?!)"
    return re.compile(rf"^\W{{0,2}}(?:{body}){tail}", re.IGNORECASE)


def _is_link(line: str, refs: References) -> bool:
    """ "Read more: …", "RELATED: …", "See also": a pointer to another story (a colon, or the
    phrase alone on its line)."""
    return _opener(refs.boilerplate.links, r"\s*(?::|\||$)").match(line) is not None


def _is_credit(line: str, refs: References) -> bool:
    """ "(Reporting by …; Editing by …)", "Photo: Name/Agency", "Copyright 2024 …": a short
    line whose credit word is followed by a name ("… by", a colon or slash, a year)."""
    if len(_WORDS.findall(line)) > _MAX_CREDIT_WORDS:
        return False
    pattern = _opener(refs.boilerplate.credits, r"(?:\s*[:/|]|(?<=by)\s|\s+(?:\d|©)|\s*\)?$)")
    return pattern.match(line) is not None


def _is_notice(line: str, refs: References) -> bool:
    """ "Advertisement", "Story continues below advertisement", "Sign up for our newsletter"."""
    return _opener(refs.boilerplate.notices, r"\b").match(line) is not None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def boilerplate_spans(text: str, refs: References) -> list[tuple[int, int]]:
    """Character ranges of boilerplate lines and parenthesised credits, in text order, merged.

    Linear in the text: one pass over its lines and one over its parentheses.

    Examples:
        >>> from quotebank.lexicons import load_lexicons
        >>> refs = load_lexicons().references
        >>> text = "Ana Ruiz spoke.\\n\\nRead more: Tom Baker on the crisis\\n\\nShe said so."
        >>> [text[a:b] for a, b in boilerplate_spans(text, refs)]
        ['Read more: Tom Baker on the crisis']
        >>> boilerplate_spans("Photos of the rally spread online.", refs)
        []
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if line and (_is_link(line, refs) or _is_credit(line, refs) or _is_notice(line, refs)):
            spans.append((match.start(), match.end()))
    for match in _PAREN.finditer(text):
        if _is_credit(match.group(1).strip(), refs):
            spans.append((match.start(), match.end()))
    return _merged(spans)


@attrs.define
class Boilerplate:
    """A document's boilerplate ranges, asked by offset in O(log n).

    Examples:
        >>> from quotebank.lexicons import load_lexicons
        >>> text = "Advertisement\\nJo Lee said so."
        >>> marks = Boilerplate.of(text, load_lexicons().references)
        >>> marks.covers(3), marks.covers(20)
        (True, False)
    """

    spans: list[tuple[int, int]]
    _starts: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self._starts = [a for a, _ in self.spans]

    @classmethod
    def of(cls, text: str, refs: References) -> Boilerplate:
        """The boilerplate of ``text`` (see :func:`boilerplate_spans`)."""
        return cls(boilerplate_spans(text, refs))

    def covers(self, at: int) -> bool:
        """Whether character ``at`` lies in boilerplate."""
        i = bisect.bisect_right(self._starts, at) - 1
        return i >= 0 and self.spans[i][0] <= at < self.spans[i][1]
