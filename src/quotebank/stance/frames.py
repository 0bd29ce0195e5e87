"""Layer 1, target frames: where a quote mentions a target.

A target file (``data/lexicons/stance/*.toml``) lists term sets. A term found
in a quote is a :class:`Mention` when it passes these rules, each a function
below:

* **modifier use**: a term that only modifies another noun ("war cabinet",
  "war-torn") is not a mention; when that noun is itself a term ("truce
  talks"), the noun inherits the modifier's anchoring;
* **other domain**: a term whose modifiers or arguments name another domain
  ("trade deal", "plea agreement", "fight inflation") is not a mention, nor a
  verb term whose subject is not a party to the target ("aid trucks entered");
* **anchoring**: a topic-anchored term counts only in a document on topic, a
  place-anchored term only with the place named in its sentence, or pointed at
  by a deictic word or a definite article with the place named in this or the
  previous paragraph; ``argument`` terms need the place among their arguments;
* **place mentions**: the place itself is a weak mention ("Rafah is not off
  the table");
* **pronouns**: "it", "this", "that" after a mention in the same sentence are
  mentions too ("we will not sign it");
* **subsumption**: a mention inside another's modifiers ("the agreement to
  pause the fighting") is read as part of it, not on its own.

Examples:
    >>> import quotebank
    >>> from quotebank.stance.frames import TargetFrames
    >>> extractor = quotebank.Extractor()
    >>> scorer = extractor.component.scorer
    >>> doc = extractor.parse("The union rejected the pay offer, but Hamas accepted the truce deal.")
    >>> [m.phrase for m in scorer.mentions(doc, [(0, 70)], "ceasefire")]
    ['truce deal']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import attrs

from quotebank.lexicons.stance import Anchoring, StanceTarget, TermKind, TermSet
from quotebank.stance.phrases import Match, PhraseIndex, Tokenize, split_phrase
from quotebank.stance.scope import Scope
from quotebank.stance.view import DocView

__all__ = ["Mention", "TargetFrames"]

PLACE_WEIGHT = 0.6
REFERENCE_PARAGRAPHS = 3  # how far back "the operation" or "the city" may point at the place
PRONOUN_WEIGHT = 0.7
_PRONOUNS = frozenset({"it", "this", "that"})
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "prep", "nsubjpass", "attr", "oprd", "advmod", "npadvmod", "prt", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "relcl", "acl", "prep", "pobj", "appos"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "our", "their", "his", "her"})
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "become", "take", "make", "matter"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SUBSUMPTION_HOPS = 3

Adversary = Callable[[DocView, int], bool]


@attrs.frozen(kw_only=True)
class Mention:
    """One place where a quote addresses a target.

    Attributes:
        target: the target id.
        kind: what the term names; None for a mention of the target's place itself.
        head: the token the term hangs from in the parse.
        tokens: the term's tokens.
        polarity: +1, or -1 for the target's opposite ("war" for a ceasefire).
        weight: the factor on its evidence.
        phrase: the lexicon phrase (or the word) that matched.
        pronoun: whether it is a pronoun standing for an earlier mention.
    """

    target: str
    kind: TermKind | None
    head: int
    tokens: tuple[int, ...]
    polarity: int
    weight: float
    phrase: str
    pronoun: bool = False

    @property
    def place(self) -> bool:
        """Whether this is a mention of the place itself (no term)."""
        return self.kind is None


@attrs.frozen
class _Term:
    phrase: str
    terms: TermSet


def _words_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


class TargetFrames:
    """A target file compiled for matching: its terms, anchors, topic and exclusions.

    Args:
        target: the loaded target.
        tokenize: splits a phrase the way the pipeline's tokenizer does.
        adversary: whether a token names an armed party (for "fight Hamas" vs "fight inflation").
    """

    def __init__(self, target: StanceTarget, tokenize: Tokenize, adversary: Adversary) -> None:
        self.target = target
        self.id = target.id
        self.adversary = adversary
        self.terms: PhraseIndex[_Term] = PhraseIndex(
            [(split_phrase(tokenize, p), _Term(p, ts)) for ts in target.terms for p in ts.phrases]
        )
        anchors = target.anchors
        self.anchor_words = frozenset(w.lower() for w in anchors.words) if anchors else frozenset()
        self.deictic = frozenset(anchors.deictic) if anchors else frozenset()
        self.containers = frozenset(anchors.containers) if anchors else frozenset()
        self.definite = bool(anchors and anchors.definite)
        self.anchor_re = _words_pattern([*anchors.words, *anchors.phrases]) if anchors else None
        self.anchor_phrases: PhraseIndex[str] = PhraseIndex(
            [(split_phrase(tokenize, p), p) for p in (anchors.phrases if anchors else ())]
        )
        self.topic_re = _words_pattern(target.topic.words) if target.topic else None
        self.exclude = target.exclude
        self.exclude_agents = target.exclude_agents
        self.idioms: PhraseIndex[str] = PhraseIndex(
            [(split_phrase(tokenize, p), p) for p in target.exclude_phrases], linked=False
        )

    # ----------------------------------------------------------------- document-level facts

    def _found(self, view: DocView, pattern: re.Pattern[str], name: str, a: int, b: int) -> bool:
        """Whether ``pattern`` matches inside characters ``[a, b)``: the document's matches are
        found once and asked by binary search, so a window as long as the document (one huge
        paragraph) costs O(log n) per quote, not a scan."""
        key = (name, self.id)
        found = view.cache.get(key)
        if not isinstance(found, tuple):
            matches = [(m.start(), m.end()) for m in pattern.finditer(view.lower_text)]
            found = view.cache[key] = ([x for x, _ in matches], [y for _, y in matches])
        starts, ends = found
        k = bisect.bisect_left(starts, a)
        return k < len(starts) and ends[k] <= b

    def on_topic(self, view: DocView, i: int | None = None) -> bool:
        """Whether the text around token ``i`` (or the document) is on the target's topic.

        A text shorter than the topic's ``min_words`` is too short to tell and is taken to be
        on topic; in a longer one a topic word must stand within a few paragraphs of ``i``,
        or in the opening paragraphs (headline and lead).
        """
        topic = self.target.topic
        if topic is None or self.topic_re is None or len(view) < topic.min_words:
            return True
        key = ("topic", self.id)
        lead = view.cache.get(key)
        if lead is None:
            starts = view.paragraph_starts
            end = starts[min(len(starts) - 1, 3)] if len(starts) > 3 else len(view.text)
            lead = view.cache[key] = self.topic_re.search(view.lower_text, 0, max(end, 1)) is not None
        if lead:
            return True
        if i is None:
            return self.topic_re.search(view.lower_text) is not None
        a, b = view.paragraph_window(i, before=REFERENCE_PARAGRAPHS, after=REFERENCE_PARAGRAPHS)
        return self._found(view, self.topic_re, "topic-matches", a, b)

    def place_in_sentence(self, view: DocView, i: int) -> bool:
        """Whether the place is named in the sentence holding token ``i``."""
        if self.anchor_re is None:
            return False
        k = view.sent[i]
        key = ("place-sentence", self.id, str(k))
        cached = view.cache.get(key)
        if cached is None:
            start, end = view.sent_bounds[k]
            cached = self.anchor_re.search(view.lower_text, view.idx[start], view.end(end - 1)) is not None
            view.cache[key] = cached
        return bool(cached)

    def place_nearby(self, view: DocView, i: int) -> bool:
        """Whether the place is named in the paragraph of token ``i`` or the few before it."""
        if self.anchor_re is None:
            return False
        a, b = view.paragraph_window(i, before=REFERENCE_PARAGRAPHS)
        return self._found(view, self.anchor_re, "anchor-matches", a, b)

    def is_anchor(self, view: DocView, i: int) -> bool:
        """Whether token ``i`` names the place."""
        return view.lower[i] in self.anchor_words

    # ----------------------------------------------------------------- mentions

    def mentions(self, view: DocView, scope: Scope) -> list[Mention]:
        """The mentions of this target in a quote's content (context mentions serve only as antecedents)."""
        if scope.empty:
            return []
        found = self.terms.find_all(
            view,
            scope.start,
            scope.end,
            skip=scope.skip,
            accept=lambda term, tokens: _part_of_speech(view, _head_of(view, tokens), term.terms.pos),
        )
        inherit = self._inherited_anchoring(view, found)
        terms: list[Mention] = []
        for match in found:
            mention = self._term_mention(view, match, inherit)
            if mention is not None:
                terms.append(mention)
        if self._off_domain_quote(view, scope, found):  # "we are fighting inflation ... we will not stop"
            terms = [m for m in terms if self._anchoring_of(m) is not Anchoring.TOPIC]
        places = self._place_mentions(view, scope, terms)
        everything = sorted([*terms, *places], key=lambda m: m.head)
        pronouns = self._pronoun_mentions(view, scope, everything)
        inside = [m for m in everything if m.head in scope.content]
        return self._unsubsumed(view, [*inside, *pronouns])

    def _in_idiom(self, view: DocView, tokens: Sequence[int]) -> bool:
        """Whether a term stands in a fixed expression of the target's ("in advance", "under these conditions")."""
        if not self.idioms:
            return False
        start = max(0, tokens[0] - 6)
        for found in self.idioms.find_all(view, start, min(len(view), tokens[-1] + 6)):
            if found.start <= tokens[0] and tokens[-1] < found.stop and set(tokens) & set(found.tokens):
                return True
        return False

    def _content_fits(self, view: DocView, head: int) -> bool:
        """A negotiated object whose content is spelled out ("a proposal to ban Muslims") counts only
        when that content is about the target ("a deal to end the war", "an agreement to free the hostages")."""
        for c in view.children[head]:
            infinitive = any(view.dep[k] == "aux" and view.lower[k] == "to" for k in view.children[c])
            passive = any(view.dep[k] == "auxpass" for k in view.children[c])  # "an agreement to be reached"
            if view.dep[c] in ("acl", "relcl") and infinitive and not passive:
                words = view.subtree(c)
                if self.terms and any(self.terms.match(view, k, len(view)) for k in words):
                    return True
                if self.topic_re is not None:
                    a, b = view.idx[min(words)], view.end(max(words))
                    return self._found(view, self.topic_re, "topic-matches", a, b)
                return True
        return True

    def _off_domain_quote(self, view: DocView, scope: Scope, found: Sequence[Match[_Term]]) -> bool:
        """Whether the quote's own words put a term in another domain: then its topic terms are there too."""
        for match in found:
            head = _head_of(view, match.tokens)
            if head in scope.content and (
                self.other_domain(view, head, match.tokens) or self._metaphor(view, head, match.value.terms)
            ):
                return True
        return False

    def _anchoring_of(self, mention: Mention) -> Anchoring:
        for ts in self.target.terms:
            if mention.phrase in ts.phrases and ts.kind is mention.kind:
                return ts.anchoring
        return Anchoring.SELF

    def _inherited_anchoring(self, view: DocView, found: Sequence[Match[_Term]]) -> set[int]:
        """Heads of terms modified by a self-anchored term ("truce talks": talks inherits)."""
        out = set()
        for match in found:
            head = _head_of(view, match.tokens)
            if match.value.terms.anchoring is Anchoring.SELF and modifier_use(view, head, match.stop):
                out.add(view.head[head])
        return out

    def _term_mention(self, view: DocView, match: Match[_Term], inherit: set[int]) -> Mention | None:
        term = match.value
        head = _head_of(view, match.tokens)
        if not _part_of_speech(view, head, term.terms.pos) or modifier_use(view, head, match.stop):
            return None
        if self._in_idiom(view, match.tokens):
            return None
        if term.terms.kind is TermKind.OBJECT and not self._content_fits(view, head):
            return None
        if self.other_domain(view, head, match.tokens) or self._metaphor(view, head, term.terms):
            return None
        if term.terms.kind is TermKind.EVENT and self._excluded_agent(view, head):
            return None
        if not self._frame_fits(view, head, term.terms):
            return None
        if head not in inherit and not self.anchored(view, head, match.tokens, term.terms):
            return None
        return Mention(
            target=self.id,
            kind=term.terms.kind,
            head=head,
            tokens=match.tokens,
            polarity=-1 if term.terms.kind is TermKind.OPPOSITE else 1,
            weight=term.terms.weight,
            phrase=term.phrase,
        )

    def anchored(self, view: DocView, head: int, tokens: Sequence[int], terms: TermSet) -> bool:
        """Whether a term found at ``head`` addresses this target where it stands (the anchoring rule)."""
        if terms.anchoring is Anchoring.SELF:
            return True
        if terms.anchoring is Anchoring.TOPIC:
            return self.on_topic(view, head)
        if terms.argument:
            return self._place_argument(view, head, tokens)
        if self.place_in_sentence(view, head):
            return True
        if self._other_place(view, head, tokens):
            return False  # "the operation in Khan Younis" is about Khan Younis
        pointer = any(view.lower[k] in self.deictic and not _other(view, k) for k in _near(view, head))
        if not pointer and self.definite and view.pos[head] in ("NOUN", "PROPN"):
            pointer = any(view.dep[c] in ("det", "poss") and view.lower[c] in _DEFINITE for c in view.children[head])
        return pointer and self.place_nearby(view, head)

    def _other_place(self, view: DocView, head: int, tokens: Sequence[int]) -> bool:
        """Whether a term names a place of its own that is not the target's ("operation in Khan Younis")."""
        for c in view.children[head]:
            if view.dep[c] == "prep" and view.lower[c] in ("in", "into", "on", "against", "of"):
                for p in view.children[c]:
                    if view.dep[p] == "pobj" and view.pos[p] == "PROPN" and not self.is_anchor(view, p):
                        return True
        return False

    def _place_argument(self, view: DocView, head: int, tokens: Sequence[int]) -> bool:
        """The place (or a pronoun or deictic word for it) is an argument of a verb term."""
        args = [k for k in _arguments(view, head) if k not in tokens]
        if any(self.is_anchor(view, k) for k in args) or any(
            self.anchor_phrases.match(view, k, len(view)) for k in args
        ):
            return True
        pointers = [
            k for k in args if (view.lower[k] in self.deictic and not _other(view, k)) or view.lower[k] in _PRONOUNS
        ]
        return bool(pointers) and (self.place_in_sentence(view, head) or self.place_nearby(view, head))

    def other_domain(self, view: DocView, head: int, tokens: Sequence[int]) -> bool:
        """Whether the term's modifiers or arguments name another domain ("trade deal", "war on drugs")."""
        if not self.exclude:
            return False
        return any(self._excluded_word(view, k) for k in _domain_words(view, head, tokens))

    def _excluded_word(self, view: DocView, k: int) -> bool:
        if view.lower[k] in self.exclude or view.lemma[k] in self.exclude:
            return True
        return k + 1 < len(view) and f"{view.lower[k]} {view.lower[k + 1]}" in self.exclude

    def _metaphor(self, view: DocView, head: int, terms: TermSet) -> bool:
        """An opposite verb whose object is no armed party: "fight inflation", "fight for lower taxes"."""
        if terms.kind is not TermKind.OPPOSITE or view.pos[head] != "VERB":
            return False
        for c in view.children[head]:
            if view.dep[c] == "dobj" and not self.adversary(view, c):
                return True
            if view.dep[c] == "prep" and view.lower[c] in ("for", "over"):
                return True
        return False

    def _frame_fits(self, view: DocView, head: int, terms: TermSet) -> bool:
        """A term set that names its subjects ("we stop", "the army will pause") or is intransitive."""
        if terms.intransitive and any(view.dep[c] in ("dobj", "xcomp") for c in view.children[head]):
            return False
        if not terms.subjects:
            return True
        subjects = _subjects(view, head)
        return any(
            view.lower[s] in terms.subjects or view.lemma[s] in terms.subjects or self.adversary(view, s)
            for s in subjects
        )

    def _excluded_agent(self, view: DocView, head: int) -> bool:
        """A verb term whose subject is not a party to the target ("aid trucks entered Rafah")."""
        if not self.exclude_agents or view.pos[head] not in ("VERB", "AUX"):
            return False
        clause = head
        for _ in range(3):  # "families are preparing to move into Rafah": the subject of the governing verb
            subjects = [c for c in view.children[clause] if view.dep[c] in ("nsubj", "nsubjpass")]
            if subjects:
                return any(
                    view.lemma[s] in self.exclude_agents or view.lower[s] in self.exclude_agents for s in subjects
                )
            if view.dep[clause] not in ("xcomp", "conj") or view.head[clause] == clause:
                return False
            clause = view.head[clause]
        return False

    def _place_mentions(self, view: DocView, scope: Scope, terms: Sequence[Mention]) -> list[Mention]:
        """The place itself as a weak mention, unless it stands inside a term ("the assault on Rafah")."""
        if not self.anchor_words:
            return []
        covered = {k for m in terms for k in (*m.tokens, m.head)}
        with_terms = {view.sent[m.head] for m in terms}
        out = []
        for i in sorted(scope.content):
            if not self.is_anchor(view, i) or i in covered or view.sent[i] in with_terms:
                continue  # the place stands for the event only when no term names it
            out.append(
                Mention(
                    target=self.id,
                    kind=None,
                    head=i,
                    tokens=(i,),
                    polarity=1,
                    weight=PLACE_WEIGHT,
                    phrase=view.lower[i],
                )
            )
        return out

    def _pronoun_mentions(self, view: DocView, scope: Scope, mentions: Sequence[Mention]) -> list[Mention]:
        """ "it", "this", "that" in the content after a mention in the same sentence."""
        if not mentions:
            return []
        out = []
        for i in sorted(scope.content):
            if view.lower[i] not in _PRONOUNS or view.pos[i] != "PRON" or view.tag[i] == "WDT" or _expletive(view, i):
                continue
            if view.dep[i] not in ("dobj", "nsubj", "nsubjpass", "pobj"):
                continue
            before = [m for m in mentions if m.head < i and view.sent[m.head] == view.sent[i] and not m.pronoun]
            if not before or _in_condition(view, before[-1].head, i):
                continue
            a = before[-1]
            out.append(attrs.evolve(a, head=i, tokens=(i,), weight=a.weight * PRONOUN_WEIGHT, pronoun=True))
        return out

    def _unsubsumed(self, view: DocView, mentions: list[Mention]) -> list[Mention]:
        """Drop mentions read as part of another: inside its modifiers ("the agreement to pause the
        fighting", "a deal that ends the war")."""
        heads = {m.head for m in mentions if not m.place}
        out = []
        for m in mentions:
            others = heads - {m.head}
            if m.pronoun or not others or not _in_modifier_of(view, m.head, others):
                out.append(m)
        return out


# --------------------------------------------------------------------------- syntactic helpers


def _head_of(view: DocView, tokens: Sequence[int]) -> int:
    """The token of ``tokens`` whose head lies outside them."""
    inside = set(tokens)
    for k in tokens:
        if view.head[k] not in inside or view.head[k] == k:
            return k
    return tokens[-1]


def modifier_use(view: DocView, head: int, stop: int) -> bool:
    """Whether a term only modifies another noun (a compound, or a hyphenated adjective: "war-torn")."""
    if stop < len(view) and view.lower[stop] == "-" and view.idx[stop] == view.end(stop - 1):
        return True
    h = view.head[head]
    return view.dep[head] in ("compound", "amod") and h > head and view.pos[h] in ("NOUN", "PROPN")


def _near(view: DocView, head: int) -> list[int]:
    """The term's own phrase: its subtree, at most a dozen tokens."""
    return view.subtree(head)[:12]


def _arguments(view: DocView, head: int) -> list[int]:
    """A verb's arguments other than its subject (and, for a passive or raised verb, that subject)."""
    out: list[int] = []
    for c in view.children[head]:
        if view.dep[c] in _ARGUMENT_DEPS:
            out.extend(view.subtree(c)[:8])
    passive = any(view.dep[c] == "auxpass" for c in view.children[head])
    governor = view.head[head]
    if passive:
        out.extend(c for c in view.children[head] if view.dep[c] in _SUBJECT_DEPS)
        if view.dep[head] == "xcomp":  # "it has to be taken"
            out.extend(c for c in view.children[governor] if view.dep[c] in _SUBJECT_DEPS)
    return out


def _subjects(view: DocView, head: int) -> list[int]:
    """The subjects of a verb, or of the verb it depends on ("we would not want to stop")."""
    clause = head
    for _ in range(3):
        found = [c for c in view.children[clause] if view.dep[c] in ("nsubj", "nsubjpass")]
        if found or view.dep[clause] not in ("xcomp", "conj") or view.head[clause] == clause:
            return found
        clause = view.head[clause]
    return []


def _expletive(view: DocView, i: int) -> bool:
    """ "it" as a dummy subject: "it is time to ...", "it is clear that ..."."""
    if view.lower[i] != "it" or view.dep[i] != "nsubj":
        return False
    h = view.head[i]
    return view.lemma[h] in _EXPLETIVE_HEADS and any(
        view.dep[c] in ("xcomp", "ccomp", "attr") for c in view.children[h]
    )


def _in_condition(view: DocView, antecedent: int, pronoun: int) -> bool:
    """Whether the antecedent stands in an adverbial clause the pronoun is outside of ("If the
    government signs this deal, we will bring it down": "it" need not be the deal)."""
    k = antecedent
    for _ in range(10):
        if view.dep[k] == "advcl" and pronoun not in view.subtree(k):
            return True
        if view.head[k] == k:
            return False
        k = view.head[k]
    return False


def _part_of_speech(view: DocView, head: int, pos: str) -> bool:
    if pos == "noun":
        return view.pos[head] in ("NOUN", "PROPN")
    if pos == "verb":
        return view.pos[head] in ("VERB", "AUX")
    return True


def _other(view: DocView, k: int) -> bool:
    """ "every other city", "another town": a deictic word that points away from the place."""
    return any(view.lower[c] in ("other", "another") for c in view.children[k])


def _in_modifier_of(view: DocView, i: int, heads: set[int]) -> bool:
    """Whether token ``i`` stands in a modifier (relative clause, complement, compound ...) of one of ``heads``."""
    k = i
    for _ in range(_SUBSUMPTION_HOPS + 2):
        h = view.head[k]
        if h == k:
            return False
        if h in heads and view.dep[k] in _MODIFIER_DEPS:
            return True
        k = h
    return False


def _within(view: DocView, i: int, targets: set[int], hops: int, *, deps: frozenset[str] | None = None) -> bool:
    """Whether walking up from ``i`` reaches one of ``targets`` within ``hops`` (through ``deps`` only)."""
    k = i
    for _ in range(hops):
        if deps is not None and view.dep[k] not in deps:
            return False
        h = view.head[k]
        if h == k:
            return False
        if h in targets:
            return True
        k = h
    return False


_NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")


def _modifier_words(view: DocView, child: int) -> list[int]:
    """A modifier of the term and the modifiers inside it ("the US-led trade deal")."""
    return [k for k in view.subtree(child) if view.dep[k] in _NOUN_MODIFIERS or k == child]


def _prepositional_words(view: DocView, prep: int) -> list[int]:
    """The object of a preposition on the term and its modifiers ("war on [illegal] drugs")."""
    words: list[int] = []
    for pobj in view.children[prep]:
        if view.dep[pobj] == "pobj":
            words.append(pobj)
            words.extend(k for k in view.children[pobj] if view.dep[k] in ("compound", "amod"))
    return words


def _domain_words(view: DocView, head: int, tokens: Sequence[int]) -> list[int]:
    """The words around a target term that can name its domain: its modifiers, the objects of
    its prepositions, the subject it is said of ("this merger is a good deal") and the words
    coordinated with it ("on trade and war")."""
    words: list[int] = []
    for c in view.children[head]:
        if c in tokens:
            continue
        if view.dep[c] in _NOUN_MODIFIERS:
            words.extend(_modifier_words(view, c))
        elif view.dep[c] == "prep":
            words.extend(_prepositional_words(view, c))
    if view.dep[head] == "attr":
        words.extend(k for k in view.children[view.head[head]] if view.dep[k] == "nsubj")
    if view.dep[head] == "conj":
        words.append(view.head[head])
    words.extend(k for k in view.children[head] if view.dep[k] == "conj" and k not in tokens)
    return words
