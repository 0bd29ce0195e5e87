"""Implied stance: lemma sequences of a target file that carry stance on their own.

"We will fight until complete victory" names no ceasefire, yet rejects one. A
target's ``[[pattern]]`` tables list such sequences ("until * victory"; ``*``
skips up to eight words) with a label and a weight; an ``anchored`` pattern
counts only where the target is anchored (its place near, its topic in the
document). Patterns are the last resort of the scorer, for stance the parse
cannot compose; each one stands for a class of sentences, not one sentence.

Examples:
    >>> import quotebank
    >>> [quote] = quotebank.extract('"We will fight until complete victory," the minister said.')
    >>> [e.rule for e in quote.stance["ceasefire"].evidence]
    ['pattern']
"""

from __future__ import annotations

from quotebank.lexicons.stance import Pattern, StanceTarget
from quotebank.model import Evidence, StanceLabel, StanceLayer, TextSpan
from quotebank.stance.phrases import PhraseIndex, Tokenize, split_phrase
from quotebank.stance.scope import Scope
from quotebank.stance.view import DocView

__all__ = ["PATTERN_GAP", "Patterns"]

PATTERN_GAP = 8


class Patterns:
    """A target's implied-stance patterns, compiled for matching."""

    def __init__(self, target: StanceTarget, tokenize: Tokenize) -> None:
        self.index: PhraseIndex[Pattern] = PhraseIndex(
            [(split_phrase(tokenize, " ".join(p.lemmas)), p) for p in target.patterns],
            max_gap=PATTERN_GAP,
            linked=False,
        )

    def evidence(self, view: DocView, scope: Scope, anchored: bool) -> list[Evidence]:
        """The patterns found in the quote's content (anchored ones only if ``anchored``)."""
        if not self.index:
            return []
        out = []
        first, last = min(scope.content), max(scope.content) + 1
        for found in self.index.find_all(view, first, last, skip=lambda i: i not in scope.content, inside_gaps=False):
            pattern = found.value
            if pattern.anchored and not anchored:
                continue
            sign = 1.0 if pattern.label is StanceLabel.FAVOR else -1.0
            a, b = view.idx[found.start], view.end(found.stop - 1)
            out.append(
                Evidence(
                    layer=StanceLayer.PATTERN,
                    rule="pattern",
                    cue=" ".join(pattern.lemmas),
                    weight=round(sign * pattern.weight, 4),
                    span=TextSpan(start=a, end=b, text=view.text[a:b]),
                )
            )
        return out
