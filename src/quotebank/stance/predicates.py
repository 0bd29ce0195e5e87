"""Layer 2, predicate semantics: the entries of ``predicates.tsv`` found in a sentence.

:class:`PredicateIndex` finds every entry in a scope once (the index is shared
by all targets; a target's own ``[cues]`` are laid over it) and answers, for a
token, which entry covers it. :meth:`PredicateIndex.adversary` tells whether a
token names an armed party.

Which predicate classes can bear on which kind of mention is the table
:data:`ACCEPTS`: a ceasefire's *opposite* ("war") takes stopping and continuing
but not evaluations ("the war is a disaster" is not a stance on a ceasefire);
*process* terms ("talks") take support and obstruction but not "resume".

Examples:
    >>> import quotebank
    >>> from quotebank.stance.view import DocView
    >>> extractor = quotebank.Extractor()
    >>> index = extractor.component.scorer.predicates
    >>> view = DocView(extractor.parse("They called the offensive off."))
    >>> found = index.find(view, 0, len(view), lambda i: False)
    >>> found[1].value.phrase, found[1].tokens
    ('call off', (1, 4))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from quotebank.lexicons.predicates import PredicateClass, PredicateEntry, PredicateLexicon
from quotebank.lexicons.stance import TermKind
from quotebank.stance.phrases import Match, PhraseIndex, Tokenize, split_phrase
from quotebank.stance.view import DocView

__all__ = ["ACCEPTS", "PredicateIndex"]

_ALL = frozenset(PredicateClass) - {PredicateClass.ADVERSARY}

#: the predicate classes that can bear on each kind of mention (None: the place itself)
ACCEPTS: Mapping[TermKind | None, frozenset[PredicateClass]] = {
    TermKind.EVENT: _ALL,
    TermKind.OBJECT: _ALL - {PredicateClass.CONTINUE},
    TermKind.PROCESS: _ALL - {PredicateClass.CAUSE, PredicateClass.CONTINUE},
    TermKind.OPPOSITE: frozenset(
        {
            PredicateClass.SUPPORT,
            PredicateClass.OPPOSE,
            PredicateClass.DENY,
            PredicateClass.CAUSE,
            PredicateClass.PREVENT,
            PredicateClass.CONTINUE,
            PredicateClass.HELP,  # "let the war end", "allow the fighting to continue"
        }
    ),
    None: frozenset(
        {
            PredicateClass.SUPPORT,
            PredicateClass.OPPOSE,
            PredicateClass.DENY,
            PredicateClass.PREVENT,
            PredicateClass.OBSTRUCT,
            PredicateClass.HELP,
            PredicateClass.HARM,
        }
    ),
}

Covered = dict[int, Match[PredicateEntry]]


class PredicateIndex:
    """The predicate entries compiled for matching.

    Args:
        lexicon: the shared predicate lexicon.
        tokenize: splits a phrase the way the pipeline's tokenizer does.
        extra: target-specific entries laid over the shared ones.
    """

    def __init__(
        self, lexicon: PredicateLexicon, tokenize: Tokenize, extra: Mapping[str, PredicateEntry] | None = None
    ) -> None:
        entries = dict(lexicon.entries)
        entries.update(extra or {})
        self.entries = entries
        self.index: PhraseIndex[PredicateEntry] = PhraseIndex(
            [(split_phrase(tokenize, p), e) for p, e in entries.items() if e.cls is not PredicateClass.ADVERSARY]
        )
        adversaries = [p for p, e in entries.items() if e.cls is PredicateClass.ADVERSARY]
        self.adversary_words = frozenset(p for p in adversaries if " " not in p)
        self.adversary_phrases: PhraseIndex[str] = PhraseIndex(
            [(split_phrase(tokenize, p), p) for p in adversaries if " " in p]
        )

    def find(self, view: DocView, start: int, end: int, skip: Callable[[int], bool]) -> Covered:
        """Every entry in ``[start, end)``, by each token it covers (the first, longest match wins)."""
        covered: Covered = {}
        for found in self.index.find_all(view, start, end, skip=skip):
            for k in found.tokens:
                covered.setdefault(k, found)
        return covered

    def adversary(self, view: DocView, i: int) -> bool:
        """Whether token ``i`` names an armed party ("Hamas", "militants", "Hamas's battalions")."""
        if view.lower[i] in self.adversary_words or view.lemma[i] in self.adversary_words:
            return True
        for c in view.children[i]:
            if view.dep[c] in ("compound", "poss") and (
                view.lower[c] in self.adversary_words or view.lemma[c] in self.adversary_words
            ):
                return True
        if self.adversary_phrases:
            start = min(view.subtree(i)[:6])
            return self.adversary_phrases.match(view, start, len(view)) is not None
        return False
