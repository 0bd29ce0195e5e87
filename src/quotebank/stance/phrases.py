"""Lexicon phrases matched on tokens: the one matcher every stance layer uses.

A phrase is a sequence of words, each matched on a token's lower-cased form or
its lemma. ``*`` stands for up to :data:`MAX_GAP` tokens (none included); with
``linked`` (predicates and terms), a gapped match must be one phrase in the
parse (every word but one hangs from another of its words), so "leave * to"
matches "leave Rafah to Hamas" but not "leave Israel exposed to attack".
Adverbs inside a phrase are skipped ("stands firmly behind"), and so are
punctuation marks ('"prepare to operate" in'). A two-word verb + particle
phrase ("call off") also matches when the particle comes later ("call the
offensive off"). Phrases are indexed by their first word, longest first, so
matching costs a dictionary look-up per token.

Examples:
    >>> import spacy
    >>> from quotebank.stance.phrases import PhraseIndex
    >>> from quotebank.stance.view import DocView
    >>> nlp = spacy.blank("en")  # no parse here, so the gap is not checked against one
    >>> index = PhraseIndex([(("tie", "*", "hands"), "obstruct"), (("tie",), "tie")], linked=False)
    >>> view = DocView(nlp("They tie our army's hands."))
    >>> found = index.match(view, 1, len(view))
    >>> found.value, found.tokens
    ('obstruct', (1, 5))
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

import attrs

from quotebank.stance.view import DocView

__all__ = ["MAX_GAP", "Match", "PhraseIndex", "split_phrase"]

MAX_GAP = 4
T = TypeVar("T")
Tokenize = Callable[[str], Sequence[str]]


def split_phrase(tokenize: Tokenize, phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase the way the pipeline's tokenizer splits text ("non-starter": 3 words)."""
    return tuple(w.lower() for w in tokenize(phrase) if w.strip())


@attrs.frozen
class Match(Generic[T]):
    """A phrase found in a document.

    Attributes:
        value: what the phrase maps to.
        start: its first token.
        stop: one past its last token.
        tokens: the tokens it matched (gaps excluded), in order.
    """

    value: T
    start: int
    stop: int
    tokens: tuple[int, ...]


class PhraseIndex(Generic[T]):
    """Phrases by first word, matched on lower-cased forms or lemmas.

    Args:
        items: (words, value) pairs; words may contain ``"*"``.
        max_gap: the most tokens a ``"*"`` stands for.
    """

    def __init__(
        self, items: Iterable[tuple[tuple[str, ...], T]], *, max_gap: int = MAX_GAP, linked: bool = True
    ) -> None:
        self.max_gap = max_gap
        self.linked = linked
        self.first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for words, value in items:
            if words and words[0] != "*":
                self.first.setdefault(words[0], []).append((words, value))
        for options in self.first.values():
            options.sort(key=lambda item: len(item[0]), reverse=True)

    def __bool__(self) -> bool:
        return bool(self.first)

    def match(
        self,
        view: DocView,
        i: int,
        stop: int,
        *,
        skip: Callable[[int], bool] | None = None,
        accept: Callable[[T, tuple[int, ...]], bool] | None = None,
    ) -> Match[T] | None:
        """The longest phrase starting at token ``i`` and ending before ``stop`` (that ``accept`` takes)."""
        options = self.first.get(view.lower[i])
        lemma = view.lemma[i]
        if lemma != view.lower[i]:
            more = self.first.get(lemma)
            if more:
                options = sorted([*(options or ()), *more], key=lambda item: len(item[0]), reverse=True)
        if not options:
            return None
        for words, value in options:
            tokens = self._contiguous(view, i, stop, words, skip) or self._particle(view, i, words)
            if tokens and (accept is None or accept(value, tokens)):
                return Match(value=value, start=tokens[0], stop=tokens[-1] + 1, tokens=tokens)
        return None

    def find_all(
        self,
        view: DocView,
        start: int,
        stop: int,
        *,
        skip: Callable[[int], bool] | None = None,
        accept: Callable[[T, tuple[int, ...]], bool] | None = None,
        inside_gaps: bool = True,
    ) -> list[Match[T]]:
        """Every match in ``[start, stop)``, left to right, longest first; matches do not share
        tokens, and with ``inside_gaps`` a gap or a separated particle is searched too."""
        out: list[Match[T]] = []
        starts = self._starts(view)
        k = bisect.bisect_left(starts, start)
        while k < len(starts) and starts[k] < stop:
            i = starts[k]  # a token where a phrase can start: no other token can match
            found = None if skip is not None and skip(i) else self.match(view, i, stop, skip=skip, accept=accept)
            if found is None:
                k += 1
                continue
            out.append(found)
            # after a contiguous match go past it; after a gapped or particle match look inside the gap too
            contiguous = found.stop - found.start == len(found.tokens)
            k = bisect.bisect_left(starts, found.stop if contiguous or not inside_gaps else i + 1, lo=k + 1)
        return out

    def _starts(self, view: DocView) -> list[int]:
        """The tokens of the document whose form or lemma opens a phrase (once per document)."""
        key = ("phrase-starts", str(id(self)))
        found = view.cache.get(key)
        if found is None:
            first, positions = self.first, view.positions
            words = (
                [w for w in positions if w in first]
                if len(positions) < len(first)
                else [w for w in first if w in positions]
            )
            found = view.cache[key] = sorted({i for w in words for i in positions[w]})
        return found  # type: ignore[return-value]

    def _contiguous(
        self, view: DocView, i: int, stop: int, words: tuple[str, ...], skip: Callable[[int], bool] | None
    ) -> tuple[int, ...] | None:
        tokens = [i]
        pos = i + 1
        k = 1
        while k < len(words):
            if words[k] == "*":
                nxt = words[k + 1] if k + 1 < len(words) else None
                if nxt is None:
                    return None
                for gap in range(self.max_gap + 1):
                    at = pos + gap
                    if at < stop and (skip is None or not skip(at)) and view.is_(at, nxt):
                        tokens.append(at)
                        pos = at + 1
                        k += 2
                        break
                else:
                    return None
                continue
            while pos < stop and view.pos[pos] in ("ADV", "PUNCT") and not view.is_(pos, words[k]):
                pos += 1  # "stands firmly behind", 'was “within reach”'
            if pos >= stop or (skip is not None and skip(pos)) or not view.is_(pos, words[k]):
                return None
            tokens.append(pos)
            pos += 1
            k += 1
        if "*" in words and not self._connected(view, tokens):
            return None
        return tuple(tokens)

    def _connected(self, view: DocView, tokens: list[int]) -> bool:
        """Whether a gapped match is one phrase in the parse: every word but one hangs from another of its words."""
        if not self.linked:
            return True
        inside = set(tokens)
        roots = [t for t in tokens if view.head[t] not in inside or view.head[t] == t]
        return len(roots) == 1

    @staticmethod
    def _particle(view: DocView, i: int, words: tuple[str, ...]) -> tuple[int, ...] | None:
        """A verb + particle phrase with the particle separated: "call the offensive off"."""
        if len(words) != 2 or view.pos[i] not in ("VERB", "AUX"):
            return None
        for c in view.children[i]:
            if view.dep[c] == "prt" and view.lower[c] == words[1]:
                return (i, c)
        return None
