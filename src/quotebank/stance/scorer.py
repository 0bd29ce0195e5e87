"""The stance scorer: the layers composed, one target file at a time.

For each quote and each target (a file in ``data/lexicons/stance/``):

1. **Frames** (:mod:`quotebank.stance.frames`): the mentions of the target in
   the quote's content, anchored to its place or topic.
2. **Predicates** (:mod:`quotebank.stance.predicates`) and **valence**
   (:mod:`quotebank.stance.valence`), composed up the parse from each mention
   by the **composition** rules (:mod:`quotebank.stance.composition`,
   :mod:`quotebank.stance.walk`): one piece of evidence per mention, plus the
   evaluations its own modifiers make.
3. **Patterns** (:mod:`quotebank.stance.patterns`) for implied stance, and
   **civilian protection demanded as a condition** for targets that list
   protection words.
4. The signed sum of the evidence gives the score (``tanh``, in [-1, 1]) and the
   label (FAVOR from the threshold up, AGAINST from its negative down).

No speaker is ever consulted and nothing is kept between calls but the
per-document arrays of the last document: the same words get the same label
from anyone, in any order.

Examples:
    >>> import quotebank
    >>> [quote] = quotebank.extract("The envoy urged Israel to hold off on any ground offensive in Rafah.")
    >>> stance = quote.stance["rafah_offensive"]
    >>> stance.label.value, [(e.layer.value, e.rule) for e in stance.evidence]
    ('AGAINST', [('predicate', 'prevent')])
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.tokens import Doc

from quotebank.lexicons import Lexicons
from quotebank.lexicons.stance import Anchoring
from quotebank.model import Evidence, Stance, StanceLabel, StanceLayer, TextSpan
from quotebank.stance import composition
from quotebank.stance.frames import Mention, TargetFrames
from quotebank.stance.patterns import PATTERN_GAP, Patterns
from quotebank.stance.phrases import PhraseIndex, Tokenize, split_phrase
from quotebank.stance.predicates import Covered, PredicateIndex
from quotebank.stance.scope import Ranges, Scope
from quotebank.stance.valence import Valuation
from quotebank.stance.view import DocView
from quotebank.stance.walk import Walker

__all__ = ["StanceScorer"]

PROTECTION_WEIGHT = 1.0


class _Target:
    """Everything compiled for one target."""

    def __init__(
        self, frames: TargetFrames, patterns: Patterns, predicates: PredicateIndex, protection: PhraseIndex[str]
    ):
        self.frames = frames
        self.patterns = patterns
        self.predicates = predicates
        self.protection = protection


class StanceScorer:
    """Scores quotes against every stance target of the lexicons.

    Args:
        lexicons: the loaded lexicons (targets, predicates, valence, modifiers).
        tokenize: splits a lexicon phrase into words the way the pipeline's
            tokenizer does (so "non-starter" matches its three tokens).
        threshold: the absolute score from which a label is FAVOR or AGAINST.
    """

    def __init__(self, lexicons: Lexicons, tokenize: Tokenize, *, threshold: float = 0.25) -> None:
        self.lex = lexicons
        self.mod = lexicons.modifiers
        self.threshold = threshold
        self.predicates = PredicateIndex(lexicons.predicates, tokenize)
        self.valuation = Valuation(self.predicates, lexicons.valence, self.mod)
        self.walker = Walker(self.predicates, self.valuation, self.mod)
        self._targets: list[_Target] = []
        for target in lexicons.targets.values():
            own = PredicateIndex(lexicons.predicates, tokenize, extra=target.predicates) if target.predicates else None
            self._targets.append(
                _Target(
                    frames=TargetFrames(target, tokenize, self.predicates.adversary),
                    patterns=Patterns(target, tokenize),
                    predicates=own or self.predicates,
                    protection=PhraseIndex(
                        [(split_phrase(tokenize, w), w) for w in target.protection], max_gap=PATTERN_GAP, linked=False
                    ),
                )
            )
        self._view: DocView | None = None

    @property
    def targets(self) -> list[str]:
        """The target ids, in load order."""
        return [t.frames.id for t in self._targets]

    def view(self, doc: Doc, *, text: str | None = None) -> DocView:
        """The per-document arrays of ``doc`` (kept for the last document only); ``text`` is
        ``doc.text`` when the caller has it."""
        if self._view is None or self._view.doc is not doc:
            self._view = DocView(doc, text=text)
        return self._view

    # ----------------------------------------------------------------- public API

    def score(
        self,
        doc: Doc,
        pieces: Sequence[tuple[int, int]],
        *,
        context: bool = True,
        exclude: Sequence[tuple[int, int]] | Ranges = (),
    ) -> dict[str, Stance]:
        """Score one quote of a parsed document against every target.

        Args:
            doc: the parsed document.
            pieces: the character ranges of the quote's content.
            context: also read the sentence(s) the quote stands in.
            exclude: character ranges left out of the context (the content of
                the other quotes in the same sentence).

        Returns:
            A stance per target id.
        """
        view = self.view(doc)
        scope = Scope.of(view, pieces, context=context, exclude=exclude)
        if scope.empty:
            return {t.frames.id: Stance(target=t.frames.id, label=StanceLabel.NONE) for t in self._targets}
        shared = self.predicates.find(view, scope.start, scope.end, scope.skip)
        questions = composition.question_tokens(view, self.mod, scope)
        out = {}
        for target in self._targets:
            at = (
                shared
                if target.predicates is self.predicates
                else target.predicates.find(view, scope.start, scope.end, scope.skip)
            )
            out[target.frames.id] = self._score_target(view, scope, at, questions, target)
        return out

    def score_quotes(
        self,
        doc: Doc,
        quotes: Sequence[Sequence[tuple[int, int]]],
        *,
        context: bool = True,
        text: str | None = None,
    ) -> list[dict[str, Stance]]:
        """Score every quote of a document, each read without the content of the others.

        Args:
            doc: the parsed document.
            quotes: the character ranges of each quote's content.
            context: also read the sentence(s) each quote stands in.
            text: ``doc.text``, when the caller has it.

        Returns:
            A stance per target id, for each quote in order.
        """
        if quotes:
            self.view(doc, text=text)
        # each quote's scope hides the others' content (its own pieces overlap themselves and
        # are read); one sorted index serves every quote
        every = Ranges.of([piece for pieces in quotes for piece in pieces])
        return [self.score(doc, pieces, context=context, exclude=every) for pieces in quotes]

    def mentions(self, doc: Doc, pieces: Sequence[tuple[int, int]], target: str) -> list[Mention]:
        """The mentions of ``target`` in a quote (Layer 1 on its own, for inspection and tests)."""
        view = self.view(doc)
        scope = Scope.of(view, pieces, context=True, exclude=())
        for t in self._targets:
            if t.frames.id == target:
                return t.frames.mentions(view, scope)
        raise KeyError(target)

    # ----------------------------------------------------------------- one target

    def _score_target(
        self, view: DocView, scope: Scope, at: Covered, questions: frozenset[int], target: _Target
    ) -> Stance:
        frames = target.frames
        evidence: list[Evidence] = []
        mentions = frames.mentions(view, scope)
        heads = frozenset(m.head for m in mentions)
        for mention in mentions:
            evidence.extend(
                self.walker.read(
                    view, scope, at, mention, questions, containers=frames.containers, others=heads - {mention.head}
                )
            )
            evidence.extend(self.walker.modifiers(view, at, mention))
        anchored = self._anchored(view, scope, frames)
        evidence.extend(target.patterns.evidence(view, scope, anchored))
        if anchored and target.protection:
            evidence.extend(self._protection(view, scope, questions, target))
        total = sum(e.weight for e in evidence)
        score = math.tanh(total)
        if score >= self.threshold:
            label = StanceLabel.FAVOR
        elif score <= -self.threshold:
            label = StanceLabel.AGAINST
        else:
            label = StanceLabel.NONE
        evidence.sort(key=lambda e: (e.span.start if e.span else -1, e.rule))
        return Stance(target=frames.id, label=label, score=round(score, 4), evidence=evidence)

    @staticmethod
    def _anchored(view: DocView, scope: Scope, frames: TargetFrames) -> bool:
        """Whether the quote stands where the target is anchored: its place near, or its topic in the document."""
        first = min(scope.content)
        if frames.anchor_re is not None:
            return frames.place_in_sentence(view, first) or frames.place_nearby(view, max(scope.content))
        topical = any(ts.anchoring is Anchoring.TOPIC for ts in frames.target.terms)
        return frames.on_topic(view, first) if topical or frames.target.topic else True

    def _protection(self, view: DocView, scope: Scope, questions: frozenset[int], target: _Target) -> list[Evidence]:
        """Civilian protection demanded as a condition: "no operation until the civilians are safe"."""
        out = []
        first, last = min(scope.content), max(scope.content) + 1
        for found in target.protection.find_all(view, first, last, skip=lambda i: i not in scope.content):
            reason = composition.protection_condition(view, self.mod, found.start, questions)
            if reason is None:
                continue
            a, b = view.idx[found.start], view.end(found.stop - 1)
            out.append(
                Evidence(
                    layer=StanceLayer.COMPOSITION,
                    rule="civilian_protection",
                    cue=f"{found.value} ({reason})",
                    weight=-PROTECTION_WEIGHT,
                    span=TextSpan(start=a, end=b, text=view.text[a:b]),
                )
            )
            break
        return out
