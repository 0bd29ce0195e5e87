"""The transparent lexicon-and-rule stance scorer.

For each target (a file in ``data/lexicons/stance/``) and each quote:

1. **Terms**: find the target's terms (and contrastive terms, whose polarity
   is flipped) in the quote's content and the sentence it stands in. A target
   with anchors ("Rafah") counts only when an anchor, or a deictic word
   ("the city") with the anchor named nearby, is present.
2. **Attachment**: walk up the dependency parse from each term; every
   evaluative cue on the way multiplies the polarity by its sign, the nearest
   one gives the strength. Cues that modify the term (``ludicrous demands``,
   ``the invasion was imminent``) count too; a cue in a short window is the
   fallback when the parse attaches nothing.
3. **Modifiers**: negation flips (``will not stop fighting``; negated
   negatives cancel), hedges weaken and boosters strengthen, the clause after
   "but" outweighs the one before, an "although" clause is weakened, and a
   term inside an "if" clause takes the polarity of the main clause
   (``if they go into Rafah, they will not get our support``).
4. **Patterns**: implied-stance lemma sequences (``fight until * victory``).
5. The signed sum of the evidence gives the score (``tanh``, in [-1, 1]) and
   the label (FAVOR above the threshold, AGAINST below its negative).

No speaker is ever consulted: the same words get the same label from anyone.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.lexicons import Lexicons, Pattern, StanceTarget
from quotebank.model import Evidence, Stance, StanceLabel, TextSpan

__all__ = ["StanceScorer"]

_MAX_HOPS = 9
_WINDOW = 4
_CONTEXT_WEIGHT = 0.5
_WINDOW_WEIGHT = 0.5
_CONDITION_WEIGHT = 0.3
_MAX_GAP = 8
_BACKGROUND_PREPS = frozenset({"since", "during", "after", "before", "amid", "throughout", "following"})

Tokenize = Callable[[str], Sequence[str]]


@attrs.frozen(kw_only=True)
class _Phrase:
    words: tuple[str, ...]
    weight: float
    name: str


class _Lookup:
    """Phrases by first word, matched on token lemma or lower-case text."""

    def __init__(self, phrases: Sequence[_Phrase]) -> None:
        self.first: dict[str, list[_Phrase]] = {}
        for phrase in phrases:
            if phrase.words:
                self.first.setdefault(phrase.words[0], []).append(phrase)
        for items in self.first.values():
            items.sort(key=lambda p: len(p.words), reverse=True)

    def match(self, view: _View, i: int, stop: int) -> tuple[_Phrase, int] | None:
        options = self.first.get(view.lemma[i]) or self.first.get(view.lower[i])
        if not options:
            return None
        for phrase in options:
            n = len(phrase.words)
            if i + n > stop:
                continue
            if all(view.is_(i + k, phrase.words[k]) for k in range(n)):
                return phrase, i + n
        return None


class _View:
    """Per-document arrays of the token attributes the matchers read (built once per doc)."""

    __slots__ = ("doc", "lemma", "lower", "sent", "sent_bounds", "skip", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.lower = [t.lower_ for t in doc]
        self.lemma = [t.lemma_.lower() for t in doc]
        self.skip = [t.is_punct or t.is_space for t in doc]
        self.starts = [t.idx for t in doc]
        # sentence of every token, and each sentence's token range (Token.sent walks the whole doc)
        self.sent: list[int] = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        for k, span in enumerate(doc.sents):
            self.sent_bounds.append((span.start, span.end))
            for i in range(span.start, span.end):
                self.sent[i] = k

    def tokens(self, start: int, end: int) -> range:
        """Token indices overlapping characters ``[start, end)``."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = max(bisect.bisect_left(self.starts, end) - 1, first)
        return range(first, last + 1)

    def is_(self, i: int, word: str) -> bool:
        return self.lower[i] == word or self.lemma[i] == word


@attrs.frozen(kw_only=True)
class _Compiled:
    target: StanceTarget
    terms: _Lookup
    cues: _Lookup
    anchors: frozenset[str]
    deictic: frozenset[str]


@attrs.define(kw_only=True, eq=False)
class _Scope:
    """The tokens a quote's stance is read from."""

    start: int  # token range of the sentence(s) around the quote
    end: int
    content: set[int]
    hidden: set[int]  # tokens of other quotes, not read
    view: _View | None = None


class StanceScorer:
    """Scores quotes against every stance target of the lexicons.

    Args:
        lexicons: the loaded lexicons (targets, evaluative cues, modifiers).
        tokenize: splits a lexicon phrase into words the way the pipeline's
            tokenizer does (so "non-starter" matches its three tokens).
        threshold: the absolute score from which a label is FAVOR or AGAINST.
    """

    def __init__(self, lexicons: Lexicons, tokenize: Tokenize, *, threshold: float = 0.25) -> None:
        self.lex = lexicons
        self.mod = lexicons.modifiers
        self.threshold = threshold
        self._compiled: list[_Compiled] = []
        for target in lexicons.targets.values():
            cues = dict(lexicons.evaluative.cues)
            cues.update(target.cues)
            terms = [
                _Phrase(words=_words(tokenize, t), weight=0.5 if t in target.weak_terms else 1.0, name=t)
                for t in target.terms
            ]
            terms += [_Phrase(words=_words(tokenize, t), weight=-1.0, name=t) for t in target.contrastive]
            self._compiled.append(
                _Compiled(
                    target=target,
                    terms=_Lookup(terms),
                    cues=_Lookup([_Phrase(words=_words(tokenize, c), weight=w, name=c) for c, w in cues.items()]),
                    anchors=frozenset(a.lower() for a in target.anchors),
                    deictic=frozenset(target.deictic),
                )
            )
        self._patterns: dict[str, dict[str, list[tuple[tuple[str, ...], Pattern]]]] = {}
        for c in self._compiled:
            by_first: dict[str, list[tuple[tuple[str, ...], Pattern]]] = {}
            for p in c.target.patterns:
                words = _words(tokenize, " ".join(p.lemmas))
                by_first.setdefault(words[0], []).append((words, p))
            self._patterns[c.target.id] = by_first
        self._view: _View | None = None

    @property
    def targets(self) -> list[str]:
        """The target ids, in load order."""
        return [c.target.id for c in self._compiled]

    def score(
        self,
        doc: Doc,
        pieces: Sequence[tuple[int, int]],
        *,
        context: bool = True,
        exclude: Sequence[tuple[int, int]] = (),
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
        if self._view is None or self._view.doc is not doc:
            self._view = _View(doc)
        scope = self._scope(self._view, pieces, context, exclude)
        return {c.target.id: self._score_target(doc, scope, c) for c in self._compiled}

    def score_quotes(
        self, doc: Doc, quotes: Sequence[Sequence[tuple[int, int]]], *, context: bool = True
    ) -> list[dict[str, Stance]]:
        """Score every quote of a document, each read without the content of the others.

        Args:
            doc: the parsed document.
            quotes: the character ranges of each quote's content.
            context: also read the sentence(s) each quote stands in.

        Returns:
            A stance per target id, for each quote in order.
        """
        every = [piece for pieces in quotes for piece in pieces]
        return [
            self.score(doc, pieces, context=context, exclude=[p for p in every if p not in pieces]) for pieces in quotes
        ]

    # ----------------------------------------------------------------- scope

    def _scope(
        self, view: _View, pieces: Sequence[tuple[int, int]], context: bool, exclude: Sequence[tuple[int, int]]
    ) -> _Scope:
        content: set[int] = set()
        for a, b in pieces:
            content.update(view.tokens(a, b))
        if not content:
            return _Scope(start=0, end=0, content=set(), hidden=set(), view=view)
        first, last = min(content), max(content)
        if context:
            start = view.sent_bounds[view.sent[first]][0]
            end = view.sent_bounds[view.sent[last]][1]
        else:
            start, end = first, last + 1
        hidden: set[int] = set()
        for a, b in exclude:
            hidden.update(k for k in view.tokens(a, b) if k not in content)
        return _Scope(start=start, end=end, content=content, hidden=hidden, view=view)

    def _anchored(self, doc: Doc, scope: _Scope, c: _Compiled, *, nearby: bool = False) -> bool:
        """Whether the target's anchor is in the quote's sentence; with a deictic word
        ("the city") or ``nearby``, also in this or the previous paragraph."""
        if not c.anchors:
            return True
        words = {doc[i].lower_ for i in range(scope.start, scope.end)}
        if words & c.anchors:
            return True
        if not nearby and not words & c.deictic:
            return False
        # the deictic word points back at an anchor named in this or the previous paragraph
        text = self._text(doc)
        begin = doc[scope.start].idx
        this = _paragraph_start(text, begin)
        previous = _paragraph_start(text, max(this - 1, 0)) if this > 0 else 0
        window = text[previous : doc[scope.end - 1].idx].lower()
        return any(anchor in window for anchor in c.anchors)

    # ----------------------------------------------------------------- evidence

    def _score_target(self, doc: Doc, scope: _Scope, c: _Compiled) -> Stance:
        target = c.target.id
        if scope.end <= scope.start:
            return Stance(target=target, label=StanceLabel.NONE, score=0.0)
        anchored = self._anchored(doc, scope, c)
        view = scope.view
        assert view is not None
        cue_at: dict[int, tuple[_Phrase, int, int]] = {}
        i = scope.start
        while i < scope.end:
            if i in scope.hidden:
                i += 1
                continue
            found = c.cues.match(view, i, scope.end)
            if found is not None:
                phrase, stop = found
                for k in range(i, stop):
                    cue_at[k] = (phrase, i, stop)
                i = stop
            else:
                i += 1
        evidence: list[Evidence] = []
        i = scope.start
        while anchored and i < scope.end:
            found = None if i in scope.hidden else c.terms.match(view, i, scope.end)
            if found is None:
                i += 1
                continue
            phrase, stop = found
            term_tokens = range(i, stop)
            head = _head_of(doc, i, stop)
            if _modifier_use(doc, head, stop):
                i = stop  # "war-torn Gaza", "war crimes": the word describes something else
                continue
            in_content = any(k in scope.content for k in term_tokens)
            base = 1.0 if in_content else _CONTEXT_WEIGHT
            evidence.extend(self._attach(doc, scope, head, set(term_tokens), phrase, base, cue_at))
            i = stop
        evidence.extend(self._patterns_in(doc, scope, c, anchored or self._anchored(doc, scope, c, nearby=True)))
        total = sum(e.weight for e in evidence)
        score = math.tanh(total)
        if score >= self.threshold:
            label = StanceLabel.FAVOR
        elif score <= -self.threshold:
            label = StanceLabel.AGAINST
        else:
            label = StanceLabel.NONE
        evidence.sort(key=lambda e: (e.span.start if e.span else -1, e.rule))
        return Stance(target=target, label=label, score=round(score, 4), evidence=evidence)

    def _negated(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg" or (
                child.lower_ in self.mod.negators and child.dep_ in ("advmod", "det", "aux", "preconj")
            ):
                return True
        return False

    def _factor(self, token: Token) -> tuple[float, list[str]]:
        """Hedges and boosters on a verb (its auxiliaries and adverbs)."""
        factor, notes = 1.0, []
        for child in token.children:
            if child.dep_ in ("aux", "advmod", "amod"):
                word = child.lower_
                if word in self.mod.hedges:
                    factor *= self.mod.hedges[word]
                    notes.append(f"hedge:{word}")
                elif word in self.mod.boosters:
                    factor *= self.mod.boosters[word]
                    notes.append(f"booster:{word}")
        return factor, notes

    def _clause_factor(self, token: Token) -> tuple[float, list[str]]:
        """Contrast and concession around the clause holding ``token``."""
        factor, notes = 1.0, []
        clause = token
        while clause.dep_ not in ("ROOT", "conj", "advcl", "ccomp") and clause.head.i != clause.i:
            clause = clause.head
        for child in clause.children:
            if child.dep_ == "mark" and child.lower_ in self.mod.concessive:
                factor *= self.mod.concessive_factor
                notes.append(f"concessive:{child.lower_}")
        if clause.dep_ == "conj":
            cc = [x for x in clause.head.children if x.dep_ == "cc" and x.i < clause.i]
            if any(x.lower_ in self.mod.contrast for x in cc):
                factor *= self.mod.contrast_after
                notes.append("contrast:after")
        else:
            for child in clause.children:
                if child.dep_ == "conj" and child.i > token.i:
                    cc = [x for x in clause.children if x.dep_ == "cc" and x.i < child.i]
                    if any(x.lower_ in self.mod.contrast for x in cc):
                        factor *= self.mod.contrast_before
                        notes.append("contrast:before")
        return factor, notes

    def _span(self, doc: Doc, start: int, stop: int) -> TextSpan:
        a = doc[start].idx
        b = doc[stop - 1].idx + len(doc[stop - 1].text)
        return TextSpan(start=a, end=b, text=self._text(doc)[a:b])

    def _text(self, doc: Doc) -> str:
        return self._view.text if self._view is not None and self._view.doc is doc else doc.text

    def _attach(
        self,
        doc: Doc,
        scope: _Scope,
        head: Token,
        term_tokens: set[int],
        phrase: _Phrase,
        base: float,
        cue_at: Mapping[int, tuple[_Phrase, int, int]],
    ) -> list[Evidence]:
        polarity = 1.0 if phrase.weight > 0 else -1.0
        strength = abs(phrase.weight)
        notes: list[str] = []
        if phrase.weight < 0:
            notes.append("contrastive")
        if self._negated(head):
            polarity = -polarity
            notes.append("negation")
        nearest: tuple[_Phrase, int, int] | None = None
        factor = 1.0
        seen: set[int] = set()
        token = head
        for _ in range(_MAX_HOPS):
            if token.head.i == token.i or token.dep_ == "relcl":
                break
            if token.dep_ == "prep" and token.lower_ in _BACKGROUND_PREPS:
                return []  # "since the start of the war": background, not the topic
            if token.dep_ == "advcl":
                if any(m.dep_ == "mark" and m.lower_ in self.mod.conditional for m in token.children):
                    # a condition: weak on its own; a negative main clause turns it against
                    factor *= _CONDITION_WEIGHT
                    notes.append("conditional")
                    main = self._clause_polarity(doc, token.head, token, scope, cue_at)
                    if main is not None and main[0] < 0:
                        polarity *= -1.0 if nearest is None else 1.0
                        factor /= _CONDITION_WEIGHT
                        nearest = nearest or main[1]
                break
            token = token.head
            if token.i < scope.start or token.i >= scope.end or token.i in scope.hidden:
                break
            cue = cue_at.get(token.i)
            if cue is None or cue[1] in seen or token.i in term_tokens:
                continue
            seen.add(cue[1])
            polarity *= 1.0 if cue[0].weight > 0 else -1.0
            if self._negated(token) or any(self._negated(doc[k]) for k in range(cue[1], cue[2]) if k != token.i):
                polarity = -polarity
                notes.append(f"negation:{cue[0].name}")
            f, fn = self._factor(token)
            factor *= f
            notes.extend(fn)
            if nearest is None:
                nearest = cue
        out: list[Evidence] = []
        cf, cnotes = self._clause_factor(head)
        if nearest is not None:
            phrase_cue, a, b = nearest
            weight = polarity * abs(phrase_cue.weight) * strength * base * factor * cf
            out.append(
                Evidence(
                    rule="cue",
                    cue=" ".join([phrase_cue.name, "->", phrase.name, *notes, *cnotes]),
                    weight=round(weight, 4),
                    span=self._span(doc, a, b),
                )
            )
        # modifiers of the term: "ludicrous demands", "the invasion was imminent", "the obstacle was a demand"
        mods = [child for child in head.children if child.dep_ in ("amod", "compound", "acomp", "nmod")]
        if head.dep_ in ("nsubj", "nsubjpass"):
            mods += [c for c in head.head.children if c.dep_ in ("acomp", "attr") and c.i != head.i]
        if head.dep_ in ("attr", "acomp"):
            mods += [c for c in head.head.children if c.dep_ in ("nsubj",) and c.i != head.i]
        used = {nearest[1]} if nearest else set()
        for m in mods:
            for k in [m.i, *[x.i for x in m.children if x.dep_ in ("amod", "det")]]:
                cue = cue_at.get(k)
                if cue is None or cue[1] in used or k in term_tokens or k in scope.hidden:
                    continue
                used.add(cue[1])
                sign = (1.0 if phrase.weight > 0 else -1.0) * (1.0 if cue[0].weight > 0 else -1.0)
                if self._negated(doc[k]) or (doc[k].dep_ in ("acomp", "attr") and self._negated(doc[k].head)):
                    sign = -sign
                out.append(
                    Evidence(
                        rule="modifier",
                        cue=f"{cue[0].name} -> {phrase.name}",
                        weight=round(sign * abs(cue[0].weight) * strength * base * cf * factor, 4),
                        span=self._span(doc, cue[1], cue[2]),
                    )
                )
        if not out:
            lo = max(scope.start, min(term_tokens) - _WINDOW)
            hi = min(scope.end, max(term_tokens) + _WINDOW + 1)
            for k in range(lo, hi):
                cue = cue_at.get(k)
                if cue is None or k in term_tokens or cue[1] != k or k in scope.hidden:
                    continue
                if scope.view is not None and scope.view.sent[k] != scope.view.sent[head.i]:
                    continue
                sign = (1.0 if phrase.weight > 0 else -1.0) * (1.0 if cue[0].weight > 0 else -1.0)
                if self._negated(doc[k]) or self._negated(doc[k].head):
                    sign = -sign
                out.append(
                    Evidence(
                        rule="window",
                        cue=f"{cue[0].name} ~ {phrase.name}",
                        weight=round(sign * abs(cue[0].weight) * strength * base * _WINDOW_WEIGHT * factor, 4),
                        span=self._span(doc, cue[1], cue[2]),
                    )
                )
                break
        return out

    def _clause_polarity(
        self,
        doc: Doc,
        main: Token,
        condition: Token,
        scope: _Scope,
        cue_at: Mapping[int, tuple[_Phrase, int, int]],
    ) -> tuple[float, tuple[_Phrase, int, int]] | None:
        inside = {t.i for t in condition.subtree}
        total = 0.0
        first = None
        for t in main.subtree:
            if t.i in inside or t.i < scope.start or t.i >= scope.end:
                continue
            cue: tuple[_Phrase, int, int] | None = cue_at.get(t.i)
            if cue is None or cue[1] != t.i:
                continue
            sign = 1.0 if cue[0].weight > 0 else -1.0
            if self._negated(t) or self._negated(t.head) or self._negated(main):
                sign = -sign
            total += sign * abs(cue[0].weight)
            first = first or cue
        if first is None or total == 0:
            return None
        return (1.0 if total > 0 else -1.0), first

    def _patterns_in(self, doc: Doc, scope: _Scope, c: _Compiled, anchored: bool) -> list[Evidence]:
        out: list[Evidence] = []
        by_first = self._patterns[c.target.id]
        view = scope.view
        assert view is not None
        for i in range(scope.start, scope.end):
            if i in scope.hidden:
                continue
            options = by_first.get(view.lemma[i], []) + (
                by_first.get(view.lower[i], []) if view.lower[i] != view.lemma[i] else []
            )
            for words, pattern in options:
                if pattern.anchored and not anchored:
                    continue
                stop = _match_pattern(view, i, scope.end, words)
                if stop is None:
                    continue
                in_content = any(k in scope.content for k in range(i, stop))
                sign = 1.0 if pattern.label is StanceLabel.FAVOR else -1.0
                weight = sign * pattern.weight * (1.0 if in_content else _CONTEXT_WEIGHT)
                out.append(
                    Evidence(
                        rule="pattern",
                        cue=" ".join(pattern.lemmas),
                        weight=round(weight, 4),
                        span=self._span(doc, i, stop),
                    )
                )
        return out


def _paragraph_start(text: str, at: int) -> int:
    """Offset of the first character of the paragraph holding ``at`` (blank lines skipped)."""
    pos = at
    while pos > 0 and text[pos - 1] != "\n":
        pos -= 1
    return pos if text[pos:at].strip() or pos == 0 else _paragraph_start(text, max(pos - 1, 0))


def _words(tokenize: Tokenize, phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in tokenize(phrase) if w.strip())


def _modifier_use(doc: Doc, head: Token, stop: int) -> bool:
    """Whether a term only modifies another noun (a compound or a hyphenated adjective)."""
    if stop < len(doc) and doc[stop].text == "-" and not doc[stop - 1].whitespace_:
        return True
    return head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN")


def _head_of(doc: Doc, start: int, stop: int) -> Token:
    """The token of ``doc[start:stop]`` whose head lies outside it."""
    for k in range(start, stop):
        t = doc[k]
        if not start <= t.head.i < stop or t.head.i == t.i:
            return t
    return doc[stop - 1]


def _match_pattern(view: _View, i: int, stop: int, words: Sequence[str]) -> int | None:
    """Match lemma ``words`` at token ``i``; ``*`` skips up to eight words; punctuation is skipped."""
    if not words or not view.is_(i, words[0]):
        return None
    pos = i + 1
    k = 1
    while k < len(words):
        while pos < stop and view.skip[pos] and view.lower[pos] not in words:
            pos += 1
        if words[k] == "*":
            nxt = words[k + 1] if k + 1 < len(words) else None
            if nxt is None:
                return pos
            for skip in range(_MAX_GAP + 1):
                if pos + skip < stop and view.is_(pos + skip, nxt):
                    pos = pos + skip + 1
                    k += 2
                    break
            else:
                return None
            continue
        if pos >= stop or not view.is_(pos, words[k]):
            return None
        pos += 1
        k += 1
    return pos
