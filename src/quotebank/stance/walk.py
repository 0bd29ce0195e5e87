"""Reading one mention up the parse: the layers composed into one piece of evidence.

From a mention, :class:`Walker` climbs the dependency tree to the top of its
sentence. At each step it asks what the governing word does to the mention
(Layer 2: support, prevent, evaluate ...), for the argument the mention is
(object, subject, modifier), and what the composition rules say (Layer 4:
negation, mood, conditionals, questions, contrast). The signs multiply:

    "urged Israel to hold off on any ground offensive"
    offensive --(on)--> hold off: prevent (-1) --(xcomp)--> urge: support (+1)  =>  AGAINST

Two modes keep attitudes and evaluations apart. While the chain describes an
*event* (the offensive happening or not), an attitude above it multiplies
("warned that Israel would launch an offensive": against). Once the mention has
been *evaluated* ("would be a catastrophe", "would save lives"), attitudes above
agree with the evaluation and only a denial or a negation flips it ("warned that
an assault would be a catastrophe" stays against).

An effect (reach, stop, launch) is stance only when someone is committed to it
(the mood rule); a plain report ("talks resumed") is not. A third party
obstructing in such a report is blamed, which favours what they obstruct
("Hamas is blocking the deal"). An event mention with nothing governing it is
stance when announced or demanded ("We will enter Rafah").
"""

from __future__ import annotations

import enum

import attrs

from quotebank.lexicons.predicates import PredicateClass, PredicateEntry, Role
from quotebank.lexicons.stance import Modifiers, TermKind
from quotebank.model import Evidence, StanceLayer, TextSpan
from quotebank.stance import composition
from quotebank.stance.frames import Mention
from quotebank.stance.phrases import Match
from quotebank.stance.predicates import ACCEPTS, Covered, PredicateIndex
from quotebank.stance.scope import Scope
from quotebank.stance.valence import Valuation, Value
from quotebank.stance.view import DocView

__all__ = ["Walker"]

MAX_HOPS = 12
QUESTION_FACTOR = 0.8
MODIFIER_WEIGHT = 0.8
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "look", "sound", "stay", "prove", "feel"})
_SUBJECT = frozenset({"nsubj", "csubj", "agent"})
_OBJECT = frozenset(
    {
        "dobj",
        "obj",
        "nsubjpass",
        "csubjpass",
        "dative",
        "attr",
        "oprd",
        "xcomp",
        "ccomp",
        "pcomp",
        "pobj",
        "acomp",
        "acl",
    }
)
_MODIFIER = frozenset({"amod", "compound", "nmod", "poss", "appos"})
_TRANSPARENT_EDGES = frozenset(
    {"conj", "advcl", "parataxis", "appos", "cc", "npadvmod", "advmod", "dep", "punct", "mark"}
)
_RAISING = frozenset({"need", "have", "ought", "seem", "appear", "go", "get", "deserve"})
_ATTITUDES = frozenset({PredicateClass.SUPPORT, PredicateClass.OPPOSE})
_EFFECTS = frozenset({PredicateClass.CAUSE, PredicateClass.PREVENT, PredicateClass.OBSTRUCT, PredicateClass.CONTINUE})
_JUDGEMENTS = frozenset({PredicateClass.GOOD, PredicateClass.BAD})
_BENEFITS = frozenset({PredicateClass.HELP, PredicateClass.HARM})
_WARNINGS = frozenset({"warn", "caution"})
_OWN = frozenset({"we", "i", "us", "our", "my", "his", "her", "their", "its"})


class Mode(enum.Enum):
    """Whether the chain so far describes an event or an evaluation of the mention."""

    EVENT = "event"
    EVALUATION = "evaluation"


@attrs.define(kw_only=True)
class Chain:
    """The state of one walk: the running sign and what has been found so far."""

    sign: int
    mode: Mode = Mode.EVENT
    layer: StanceLayer | None = None
    rule: str = ""
    cue: str = ""
    strength: float = 1.0
    span: tuple[int, int] | None = None
    committed: bool = False
    pending: bool = False
    obstructor: int | None = None
    factor: float = 1.0
    notes: list[str] = attrs.field(factory=list)
    used: set[int] = attrs.field(factory=set)
    top: int = -1  # the highest token where a predicate applied
    read: set[int] = attrs.field(factory=set)  # the tokens of the phrases applied
    visited: set[int] = attrs.field(factory=set)  # the tokens the walk has passed through
    evaluated: set[int] = attrs.field(factory=set)  # where an evaluation was made (its negation counts)

    def source(self, layer: StanceLayer, rule: str, cue: str, strength: float, span: tuple[int, int]) -> None:
        """Record what gives the evidence its strength (the nearest predicate that applied); a
        predicate further up is named in the notes ("halt -> offensive", via "urge")."""
        if self.layer is None:
            self.layer, self.rule, self.cue, self.strength, self.span = layer, rule, cue, strength, span
        else:
            self.notes.append(f"via:{cue}")

    def flip(self, note: str) -> None:
        self.sign = -self.sign
        self.notes.append(note)


@attrs.frozen(kw_only=True)
class _Step:
    """One step of a walk up the parse: the chain coming up from ``prev`` to ``cur``, as the
    mention's argument ``role`` of it."""

    view: DocView
    at: Covered
    mention: Mention
    chain: Chain
    prev: int
    cur: int
    role: Role
    inside: set[int]


class Walker:
    """Reads mentions up the parse (see the module docstring).

    Args:
        predicates: the predicate index.
        valuation: phrase values (Layer 3).
        modifiers: the composition words.
    """

    def __init__(self, predicates: PredicateIndex, valuation: Valuation, modifiers: Modifiers) -> None:
        self.predicates = predicates
        self.valuation = valuation
        self.mod = modifiers

    # ----------------------------------------------------------------- entry point

    def read(
        self,
        view: DocView,
        scope: Scope,
        at: Covered,
        mention: Mention,
        questions: frozenset[int],
        *,
        containers: frozenset[str] = frozenset(),
        others: frozenset[int] = frozenset(),
    ) -> list[Evidence]:
        """The evidence one mention gives (none when nothing bears on it).

        A mention that is the subject of coordinated predicates is read up each of them
        ("the operation would shorten the war and save lives").

        Args:
            view: the document.
            scope: the quote.
            at: the predicate entries in the quote's sentences, by token.
            mention: the mention to read.
            questions: the quote's tokens that stand in a question.
            containers: nouns a place mention may stand inside ("the gates of Rafah").
            others: heads of the target's other mentions in the quote.
        """
        if mention.place and not self.place_governed(view, at, mention, containers):
            return []
        out = []
        head = view.head[mention.head]
        sole = _sole_effect(view, head)  # "did nothing but kill": one predicate, read once
        for start in (head, *(p for p in _shared_predicates(view, mention.head) if p != sole)):
            found = self._walk(view, scope, at, mention, questions, start, others)
            if found is not None:
                out.append(found)
        return out

    def _walk(
        self,
        view: DocView,
        scope: Scope,
        at: Covered,
        mention: Mention,
        questions: frozenset[int],
        start: int,
        others: frozenset[int],
    ) -> Evidence | None:
        chain = Chain(sign=mention.polarity)
        if mention.kind is TermKind.OPPOSITE:
            chain.notes.append("opposite")
        if not mention.place and composition.negated_mention(view, self.mod, mention.head):
            chain.flip("negation")
        inside = set(view.subtree(mention.head)) | set(mention.tokens)
        prev, cur = mention.head, start
        for _ in range(MAX_HOPS):
            if cur == prev or not scope.readable(cur):
                break
            if view.dep[prev] == "relcl" and not _infinitival(view, prev):
                self._caused(view, chain, prev, cur)
                break  # the mention describes something else ("the minister who rejected ...")
            if view.dep[prev] == "prep" and view.lower[prev] in self.mod.background and chain.layer is None:
                return None  # "since the start of the war": background, not the topic
            used = len(chain.used)
            chain.visited.add(prev)
            if not self._step(view, scope, at, mention, chain, prev, cur, inside, others):
                break
            if len(chain.used) > used:
                chain.top = cur
            inside.update(view.subtree(prev))
            prev, cur = cur, view.head[cur]
        return self._finish(view, scope, mention, chain, questions)

    def _caused(self, view: DocView, chain: Chain, clause: int, noun: int) -> None:
        """The cause rule: "X is the (only) reason the agreement has not been finalised" says X
        obstructs the agreement, so X is blamed (see _committed); a clause X brings about
        ("the reason the deal was signed") is credit, which takes no side."""
        if view.lemma[noun] not in self.mod.causes or not chain.pending or chain.sign > 0:
            return
        if chain.obstructor is None and view.dep[noun] in ("attr", "acomp"):
            chain.obstructor = _obstructor(view, noun)
            chain.notes.append(f"cause:{view.lower[noun]}")

    # ----------------------------------------------------------------- one step up

    def _step(
        self,
        view: DocView,
        scope: Scope,
        at: Covered,
        mention: Mention,
        chain: Chain,
        prev: int,
        cur: int,
        inside: set[int],
        others: frozenset[int] = frozenset(),
    ) -> bool:
        """Apply what ``cur`` does to the chain coming up from ``prev``; False ends the walk."""
        dep = view.dep[prev]
        if dep == "advcl" and view.head[prev] == cur:
            return self._adverbial(view, scope, at, chain, prev, cur, others)
        if dep in _TRANSPARENT_EDGES or (view.dep[cur] in ("prep", "agent") and dep in ("pobj", "pcomp")):
            if dep not in ("conj", "parataxis", "cc"):
                self._negation(view, chain, cur, inside)
            return True
        role = self._role(view, prev, cur)
        if role is Role.SUBJECT and self._raise(view, at, mention, chain, prev, cur, inside):
            role = Role.OBJECT  # "the march needs to be called off": need governs the clause
        only = _sole_effect(view, cur) if role is Role.SUBJECT else None
        if only is not None:  # "the truce did nothing but buy them time": judged by what it did
            cur = only
        step = _Step(view=view, at=at, mention=mention, chain=chain, prev=prev, cur=cur, role=role, inside=inside)
        applied = self._predicate(step) or self._copula_step(step) or self._existential_step(step)
        self._negation(view, chain, cur, inside)
        # an event the lexicon does not know: nothing to say about the mention
        return applied or chain.layer is not None or not self._opaque(view, cur, role)

    def _copula_step(self, step: _Step) -> bool:
        """A copula the chain reaches as its subject, attribute or oblique: the evaluation it
        states ("the offensive would be a disaster")."""
        view, prev, cur = step.view, step.prev, step.cur
        if not self._copula(view, cur):
            return False
        attribute = view.dep[prev] in ("attr", "xcomp", "ccomp")
        if not (step.role is Role.SUBJECT or attribute or self._copula_oblique(view, prev)):
            return False
        return self._evaluate_copula(view, step.at, step.mention, step.chain, cur, step.inside)

    def _existential_step(self, step: _Step) -> bool:
        """ "there will be an assault": the event exists (committed with a modal: "there can be
        no assault")."""
        view, chain, cur = step.view, step.chain, step.cur
        if not self._existential(view, step.prev, cur):
            return False
        applied = self._effect(view, chain, cur, 1, "exist", Match(value=None, start=cur, stop=cur + 1, tokens=(cur,)))
        if any(view.tag[c] == "MD" for c in view.children[cur]):
            chain.committed = True
        return applied

    def _opaque(self, view: DocView, cur: int, role: Role) -> bool:
        """A verb the lexicon does not know ends the walk: "Israel kept raising demands" says
        nothing about demands, so "charged that ..." above it does not bear on them. Auxiliaries
        and copulas (read on their own) let it through."""
        if view.pos[cur] == "VERB":
            if view.dep[cur] == "csubj" and view.tag[cur] in ("VBN", "VBG"):
                return False  # "the agreement now being discussed would be ...": a reduced relative
            return view.lemma[cur] not in _COPULAS and view.lemma[cur] not in _RAISING
        return role is Role.SUBJECT and view.pos[cur] == "AUX" and not self._copula(view, cur)

    def _role(self, view: DocView, prev: int, cur: int) -> Role:
        """Which argument of ``cur`` the chain is: through a preposition it is an object."""
        dep = view.dep[prev]
        if dep in _SUBJECT:
            return Role.SUBJECT
        if dep in _MODIFIER:
            return Role.OBJECT if view.pos[prev] in ("PROPN", "NOUN") and view.pos[cur] == "NOUN" else Role.MODIFIER
        return Role.OBJECT

    def _predicate(self, step: _Step) -> bool:
        """Apply the predicate entry covering ``step.cur`` (or the preposition below it that belongs to its phrase)."""
        view, chain, prev, cur = step.view, step.chain, step.prev, step.cur
        found = self._entry_at(view, step.at, step.mention, chain, prev, cur)
        if found is None:
            return False
        entry: PredicateEntry = found.value
        if entry.cls in _JUDGEMENTS and view.dep[prev] == "nsubjpass" and view.tag[cur] == "VBN":
            step = attrs.evolve(step, role=Role.SUBJECT)  # "the text is balanced": a participle that judges
        role = step.role
        if role not in entry.roles and not (role is Role.MODIFIER and Role.OBJECT in entry.roles):
            return False
        if entry.phrase in self.mod.asking and _asks_question(view, self.mod, prev):
            return False  # "asked why ...": an indirect question, not a request
        chain.used.add(found.start)
        chain.read.update(found.tokens)
        return self._apply(step, entry, found)

    def _entry_at(
        self, view: DocView, at: Covered, mention: Mention, chain: Chain, prev: int, cur: int
    ) -> Match[PredicateEntry] | None:
        """The unused predicate entry at ``cur`` that can take this kind of mention; a
        preposition in a phrase brings the phrase: "call for", "against", "space for" (however
        it is attached)."""
        found = at.get(prev) if view.dep[prev] in ("prep", "prt", "agent") else None
        if found is None:
            found = at.get(cur)
        if found is None or found.start in chain.used or any(k in mention.tokens for k in found.tokens):
            return None
        return found if found.value.cls in ACCEPTS[mention.kind] else None

    def _apply(self, step: _Step, entry: PredicateEntry, found: Match[PredicateEntry]) -> bool:
        """What the entry's class does to the chain (attitudes, effects, benefits, judgements,
        transparent verbs)."""
        view, chain, cur, role = step.view, step.chain, step.cur, step.role
        cls = entry.cls
        if cls in _ATTITUDES or cls is PredicateClass.DENY:
            return self._attitude(view, chain, step.prev, cur, entry, found)
        if cls in _EFFECTS:
            intransitive = not any(view.dep[c] == "dobj" and c not in found.tokens for c in view.children[cur])
            if role is Role.SUBJECT and not intransitive:  # the mention is the agent: judged by what it does
                return self._consequence(view, step.at, chain, cur, entry, found, step.inside)
            return self._effect(view, chain, cur, entry.sign, entry.cls.value, found, entry=entry, role=role)
        if cls in _BENEFITS:
            return self._benefit(step, entry, found)
        if cls in _JUDGEMENTS:
            if role is Role.OBJECT and not self._judged_object(view, step.prev, cur, entry):
                return False
            return self._judge(view, chain, cur, entry.sign, entry, found)
        if cls is PredicateClass.TRANSPARENT:
            return self._consequence(view, step.at, chain, cur, entry, found, step.inside)
        return False

    def _benefit(self, step: _Step, entry: PredicateEntry, found: Match[PredicateEntry]) -> bool:
        """Helping or harming: a subject is judged by the consequence; harming the place the
        mention names is attacking it."""
        if step.role is Role.SUBJECT:
            return not step.mention.place and self._consequence(
                step.view, step.at, step.chain, step.cur, entry, found, step.inside
            )
        sign = entry.sign * (-1 if step.mention.place else 1)
        return self._effect(step.view, step.chain, step.cur, sign, entry.cls.value, found, entry=entry, role=step.role)

    # ----------------------------------------------------------------- what a predicate does

    def _attitude(
        self, view: DocView, chain: Chain, prev: int, cur: int, entry: PredicateEntry, found: Match[PredicateEntry]
    ) -> bool:
        """Support, oppose, deny: multiply while describing an event; after an evaluation only a denial flips.
        A warning about one's own side's action is a threat, not a fear ("he warned his army would go in")."""
        if entry.cls is PredicateClass.DENY or chain.mode is Mode.EVENT:
            if entry.sign < 0 and entry.phrase in _WARNINGS and _own_side(view, prev):
                chain.notes.append("warning:threat")
            elif entry.sign < 0:
                chain.flip(entry.cls.value)
        chain.committed = True
        chain.source(StanceLayer.PREDICATE, entry.cls.value, entry.phrase, entry.weight, (found.start, found.stop))
        self._hedges(view, chain, cur)
        return True

    def _effect(
        self,
        view: DocView,
        chain: Chain,
        cur: int,
        sign: int,
        rule: str,
        found: Match[PredicateEntry] | Match[None],
        *,
        entry: PredicateEntry | None = None,
        role: Role = Role.OBJECT,
    ) -> bool:
        """Bringing about, preventing, continuing: stance only if someone is committed to it (see _finish)."""
        if sign < 0:
            chain.flip(rule)
        chain.pending = True
        obstructs = entry is not None and entry.cls is PredicateClass.OBSTRUCT
        if obstructs and role is Role.OBJECT and chain.obstructor is None and not composition.imperative(view, cur):
            chain.obstructor = _obstructor(view, cur)
        phrase = entry.phrase if entry is not None else view.lower[cur]
        chain.source(StanceLayer.PREDICATE, rule, phrase, entry.weight if entry else 0.8, (found.start, found.stop))
        self._hedges(view, chain, cur)
        return True

    def _judge(
        self, view: DocView, chain: Chain, cur: int, sign: int, entry: PredicateEntry, found: Match[PredicateEntry]
    ) -> bool:
        """A good or bad word predicated of the mention: an evaluation."""
        if sign < 0:
            chain.flip(entry.cls.value)
        chain.mode = Mode.EVALUATION
        chain.evaluated.add(cur)
        chain.committed = True
        chain.source(StanceLayer.PREDICATE, entry.cls.value, entry.phrase, entry.weight, (found.start, found.stop))
        self._hedges(view, chain, cur)
        return True

    def _consequence(
        self,
        view: DocView,
        at: Covered,
        chain: Chain,
        cur: int,
        entry: PredicateEntry,
        found: Match[PredicateEntry],
        inside: set[int],
    ) -> bool:
        """The mention as the agent (or, for "describe as", the object) of a predicate: judged by its outcome."""
        if entry.cls is PredicateClass.TRANSPARENT:
            value = self.valuation.complement(view, at, cur, exclude=inside)
        else:
            value = self.valuation.of(view, at, cur, exclude=inside)
            if value is not None and composition.negated(view, self.mod, cur):
                value = attrs.evolve(value, sign=-value.sign)  # the negation is read below, on the clause
        if value is None:
            return False
        if value.sign < 0:
            chain.flip(f"outcome:{value.cue}")
        chain.mode = Mode.EVALUATION
        chain.evaluated.add(cur)
        chain.committed = True
        layer = value.layer if entry.cls is PredicateClass.TRANSPARENT else StanceLayer.PREDICATE
        span = (found.start, found.stop) if layer is StanceLayer.PREDICATE else (value.token, value.token + 1)
        chain.source(layer, "consequence", f"{entry.phrase} {value.cue}".strip(), entry.weight, span)
        self._hedges(view, chain, cur)
        return True

    def _evaluate_copula(
        self, view: DocView, at: Covered, mention: Mention, chain: Chain, cur: int, inside: set[int]
    ) -> bool:
        """ "X is a catastrophe", "X is within reach", "X is not off the table": the complement judges X."""
        if mention.kind is TermKind.OPPOSITE:
            return False  # "the war is a disaster" takes no side on a ceasefire
        complements = [c for c in _complements(view, cur, inside) if c not in chain.read and c not in chain.visited]
        if view.dep[mention.head] in ("attr", "xcomp", "ccomp"):  # "the priority was to silence the guns"
            complements += [c for c in view.children[cur] if view.dep[c] == "nsubj" and c not in inside]
        for c in complements:
            if view.lemma[c] in self.mod.causes:
                continue  # "X is the reason ...": X is blamed or credited (the cause rule), not judged
            value = self.valuation.of(view, at, c, exclude=inside)
            if value is None or (mention.place and value.cls not in ACCEPTS[None]):
                continue
            if value.sign < 0:
                chain.flip(f"judged:{value.cue}")
            chain.mode = Mode.EVALUATION
            chain.evaluated.add(cur)
            chain.committed = True
            chain.source(value.layer, "evaluation", value.cue, 1.0, (value.token, value.token + 1))
            self._hedges(view, chain, cur)
            return True
        return False

    def _raise(
        self, view: DocView, at: Covered, mention: Mention, chain: Chain, prev: int, cur: int, inside: set[int]
    ) -> bool:
        """ "The march needs to be called off": the subject of a raising verb is the argument of its clause."""
        if view.lemma[cur] not in _RAISING:
            return False
        for x in view.children[cur]:
            if view.dep[x] == "xcomp" and x not in inside:
                passive = any(view.dep[c] == "auxpass" for c in view.children[x])
                role = Role.OBJECT if passive else Role.SUBJECT
                self._predicate(
                    _Step(view=view, at=at, mention=mention, chain=chain, prev=prev, cur=x, role=role, inside=inside)
                )
                self._negation(view, chain, x, inside)
                inside.update(view.subtree(x))
                return True
        return False

    def _adverbial(
        self, view: DocView, scope: Scope, at: Covered, chain: Chain, prev: int, cur: int, others: frozenset[int]
    ) -> bool:
        """Leaving an adverbial clause: a condition takes the main clause's value (unless the main
        clause names the target itself: then it speaks for it); a concession is weakened."""
        word = composition.conditional(view, self.mod, prev)
        if word is not None and others:
            main = set(view.subtree(cur)) - set(view.subtree(prev))
            if main & others:
                return False  # "the army would push into Rafah if fighters kept up their attacks"
        if word is not None and not self._in_question(view, scope, cur):
            value = self._main_clause_value(view, at, cur, prev)
            inverting = word in self.mod.inverting
            sign = value.sign * (-1 if inverting else 1)
            if sign < 0:
                chain.flip(f"conditional:{word}")
            else:
                chain.notes.append(f"conditional:{word}")
            chain.mode = Mode.EVALUATION
            chain.evaluated.add(cur)
            chain.committed = True
            rule = "conditional_benefit" if value.sign > 0 else "conditional_threat"
            chain.layer = None  # the condition decides: its main clause gives the evidence
            chain.source(StanceLayer.COMPOSITION, rule, f"{word} ... {value.cue}", 1.0, (value.token, value.token + 1))
            return True
        concession = composition.concessive(view, self.mod, prev)
        if concession is not None:
            chain.factor *= self.mod.concessive_factor
            chain.notes.append(f"concessive:{concession}")
        return True

    def _main_clause_value(self, view: DocView, at: Covered, main: int, condition: int) -> Value:
        """The value of a conditional's main clause: its words, else a threat unless it enables something."""
        exclude = set(view.subtree(condition))
        value = self.valuation.of(view, at, main, exclude=exclude)
        if value is not None:
            return value
        enabling = [
            c for c in view.children[main] if view.lower[c] in self.mod.enabling or view.lemma[c] in self.mod.enabling
        ]
        if enabling or view.lemma[main] in self.mod.enabling:
            return Value(sign=1, token=main, layer=StanceLayer.COMPOSITION, cue="enables")
        return Value(sign=-1, token=main, layer=StanceLayer.COMPOSITION, cue="threat")

    # ----------------------------------------------------------------- syntax

    def _negation(self, view: DocView, chain: Chain, cur: int, inside: set[int]) -> None:
        """Flip on a negated word, ignoring negators already read (the mention's own, a phrase's "no").
        Above an evaluation only a negation-raising verb or a predicate carries it ("I don't think the
        deal is good"), not a verb of its own ("the demands are delusional, we will not give in")."""
        judging = cur in chain.read or cur in chain.evaluated
        if chain.mode is Mode.EVALUATION and not judging and view.lemma[cur] not in self.mod.negation_raising:
            return
        if composition.negated(view, self.mod, cur, ignore=inside | chain.read):
            chain.flip("negation")

    def _hedges(self, view: DocView, chain: Chain, cur: int) -> None:
        factor, notes = composition.hedge_factor(view, self.mod, cur)
        chain.factor *= factor
        chain.notes.extend(notes)

    @staticmethod
    def _judged_object(view: DocView, prev: int, cur: int, entry: PredicateEntry) -> bool:
        """An evaluation reaches an object only where it is the thing judged: "generous in its offer",
        or the entry's own object roles ("give in to the demands")."""
        if Role.OBJECT in entry.roles:
            return True
        return view.pos[cur] == "ADJ" and view.dep[prev] == "prep" and view.lower[prev] in ("in", "with", "about")

    @staticmethod
    def _copula(view: DocView, cur: int) -> bool:
        return view.lemma[cur] in _COPULAS

    @staticmethod
    def _copula_oblique(view: DocView, prev: int) -> bool:
        """ "Israel has been very generous in its offer": a copula's in/with phrase is judged with its subject."""
        return view.dep[prev] == "prep" and view.lower[prev] in ("in", "with", "about")

    @staticmethod
    def _existential(view: DocView, prev: int, cur: int) -> bool:
        """ "There will be no truce": the mention is what will (not) exist."""
        return (
            view.lemma[cur] == "be"
            and view.dep[prev] in ("attr", "nsubj")
            and any(view.dep[c] == "expl" for c in view.children[cur])
        )

    @staticmethod
    def place_governed(view: DocView, at: Covered, mention: Mention, containers: frozenset[str]) -> bool:
        """A place mention counts only as a predicate's own argument ("spare Rafah", "Rafah plans",
        "Rafah is not off the table"), or inside a container noun ("at the gates of Rafah"), not
        inside any noun phrase ("the people of Rafah")."""
        i = mention.head
        for _ in range(3):
            if view.dep[i] in ("nsubj", "nsubjpass"):
                return True
            g = view.head[i]
            if view.dep[i] == "pobj" and g != i:
                g = view.head[g]
            if g in at or (view.dep[i] == "pobj" and view.head[i] in at):
                return True
            if view.lower[g] not in containers or g == i:
                return False
            i = g
        return False

    def _in_question(self, view: DocView, scope: Scope, i: int) -> bool:
        return i in composition.question_tokens(view, self.mod, scope)

    def modifiers(self, view: DocView, at: Covered, mention: Mention) -> list[Evidence]:
        """Evaluations of the mention by its own modifiers: "ludicrous demands", "this humiliating proposal"."""
        if mention.place or mention.pronoun or mention.kind is TermKind.OPPOSITE:
            return []
        out = []
        for c in view.children[mention.head]:
            if view.dep[c] not in ("amod", "nmod") or c in mention.tokens:
                continue
            value = self.valuation.word(view, at, c)
            if value is None:
                continue
            out.append(
                Evidence(
                    layer=value.layer,
                    rule="modifier",
                    cue=f"{value.cue} -> {mention.phrase}",
                    weight=round(value.sign * mention.weight * MODIFIER_WEIGHT, 4),
                    span=_span(view, c, c + 1),
                )
            )
        return out

    # ----------------------------------------------------------------- the end of the walk

    def _finish(
        self, view: DocView, scope: Scope, mention: Mention, chain: Chain, questions: frozenset[int]
    ) -> Evidence | None:
        """Apply the mood, blame and announcement rules; weigh the evidence; None if nothing bore on the mention."""
        if chain.layer is None:
            if not self._announced(view, mention, chain, questions):
                return None
        elif chain.pending and not chain.committed and not self._committed(view, scope, mention, chain):
            return None
        if mention.head in questions:
            chain.flip("question")
            chain.factor *= QUESTION_FACTOR
        factor, notes = composition.clause_factor(view, self.mod, mention.head)
        sfactor, snotes = composition.sentence_factor(view, self.mod, scope, mention.head)
        chain.factor *= factor * sfactor
        chain.notes.extend([*notes, *snotes])
        assert chain.layer is not None
        assert chain.span is not None
        weight = chain.sign * chain.strength * mention.weight * chain.factor
        start, stop = chain.span
        return Evidence(
            layer=chain.layer,
            rule=chain.rule,
            cue=f"{chain.cue} -> {mention.phrase}",
            weight=round(weight, 4),
            span=_span(view, start, stop),
            composition=tuple(chain.notes),
        )

    def _committed(self, view: DocView, scope: Scope, mention: Mention, chain: Chain) -> bool:
        """The mood rule for an effect, and the blame rule when nobody is committed to it."""
        assert chain.span is not None
        at = chain.span[0]
        reason = composition.commitment(view, self.mod, at, up_to=chain.top if chain.top >= 0 else None)
        if reason is not None or at in composition.question_tokens(view, self.mod, scope):
            chain.notes.append(f"mood:{reason or 'question'}")
            return True
        if chain.obstructor is not None and (chain.obstructor < 0 or view.lower[chain.obstructor] not in ("we", "i")):
            chain.flip("blame")
            chain.rule = "blame"
            chain.layer = StanceLayer.COMPOSITION
            return True
        return False

    def _announced(self, view: DocView, mention: Mention, chain: Chain, questions: frozenset[int]) -> bool:
        """An event verb announced or demanded ("We will enter Rafah", "Go into Rafah"), or a headline demand."""
        if mention.kind is not TermKind.EVENT or mention.pronoun or _in_relative_clause(view, mention.head):
            return False  # "anyone who thinks we will stop ...": a belief described, not announced
        verbal = view.pos[mention.head] in ("VERB", "AUX")
        if not verbal and self._dislocated(view, mention):  # "No truce, no deal: we go into Rafah"
            reason: str | None = "declaration"
        elif verbal and mention.head in questions and _modal(view, mention.head):
            reason = "question"  # "How can anyone send an army into a city ...?"
        else:
            reason = composition.commitment(view, self.mod, mention.head, up_to=chain.top if chain.top >= 0 else None)
        if reason is None or (not verbal and reason not in ("fragment", "declaration")):
            return False
        chain.notes.append(f"mood:{reason}")
        chain.source(StanceLayer.FRAME, "announce", reason, 1.0, (min(mention.tokens), max(mention.tokens) + 1))
        return True

    @staticmethod
    def _dislocated(view: DocView, mention: Mention) -> bool:
        """A bare noun phrase standing on its own, not an argument of any verb ("No truce, ...")."""
        return view.dep[mention.head] in ("ROOT", "dep", "npadvmod", "intj", "parataxis") and view.pos[
            mention.head
        ] in (
            "NOUN",
            "PROPN",
        )


_SOLE = frozenset({"nothing", "little"})
_EXCEPT = frozenset({"but", "except", "besides", "other"})


def _does_nothing_but(view: DocView, cur: int) -> bool:
    """ "did nothing but", "did little except": "do" with "nothing"/"little", either way up."""
    kids = view.children[cur]
    if view.lemma[cur] == "do" and any(view.lower[c] in _SOLE for c in kids):
        return True
    return view.lower[cur] in _SOLE and any(view.lemma[c] == "do" for c in kids)


def _sole_effect(view: DocView, cur: int) -> int | None:
    """ "X did nothing but / little except VERB": the verb is all X did, so X is its agent.
    The parser hangs the verb from "do" (as conj or under the preposition), from "little", or
    "little" from the verb."""
    if not _does_nothing_but(view, cur):
        return None
    kids = view.children[cur]
    marks = [c for c in kids if view.lower[c] in _EXCEPT]
    if not marks:
        return None
    below = [c for m in marks for c in view.children[m]] + list(kids)
    verbs = [c for c in below if view.pos[c] == "VERB" and view.dep[c] in ("pcomp", "conj", "advcl") and c > marks[0]]
    if verbs:
        return verbs[0]
    head = view.head[cur]
    # "did little except give ...", with "little" hung on the verb
    return head if view.dep[cur] == "advmod" and view.pos[head] == "VERB" and head > marks[0] else None


def _obstructor(view: DocView, cur: int) -> int | None:
    """Who obstructs: the verb's subject, or for a noun ("the main obstacle to a truce") the copula's subject;
    -1 when unnamed (a passive, a bare noun); None in an existential ("there is no obstacle to ..."): nobody does."""
    clause = view.head[cur] if view.dep[cur] in ("attr", "acomp") else cur
    if any(view.dep[c] == "expl" for c in view.children[clause]):
        return None
    subjects = [c for c in view.children[clause] if view.dep[c] == "nsubj"]
    return subjects[0] if subjects else -1


def _shared_predicates(view: DocView, head: int) -> list[int]:
    """Coordinated predicates a subject mention shares: "would shorten the war and save lives"."""
    if view.dep[head] not in ("nsubj", "nsubjpass", "csubj"):
        return []
    verb = view.head[head]
    return [
        c
        for c in view.children[verb]
        if view.dep[c] == "conj"
        and view.pos[c] in ("VERB", "AUX")
        and not any(view.dep[k] in ("nsubj", "nsubjpass") for k in view.children[c])
    ]


def _complements(view: DocView, cur: int, inside: set[int]) -> list[int]:
    """What a copula says of its subject: its attribute, adjective or phrase, also in a coordinated
    copula ("was not, and would not become, acceptable") or as an adverb ("only days away")."""
    deps = ("attr", "acomp", "oprd", "prep")
    out = [c for c in view.children[cur] if view.dep[c] in deps and c not in inside]
    for c in view.children[cur]:
        if not out and view.dep[c] == "conj" and view.lemma[c] in _COPULAS:
            out = [k for k in view.children[c] if view.dep[k] in deps and k not in inside]
    if not out:
        out = [c for c in view.children[cur] if view.dep[c] == "advmod" and c not in inside]
    return out


def _asks_question(view: DocView, mod: Modifiers, clause: int) -> bool:
    """Whether a clause under "ask" / "wonder" is a question: it opens with a question word or "whether"."""
    first = min(view.subtree(clause))
    return view.lower[first] in mod.questions or view.lower[first] in ("whether", "if")


def _own_side(view: DocView, clause: int) -> bool:
    """Whether a warned-of clause's agent is the speaker's side: "we", "our forces", "his government"."""
    for s in view.children[clause]:
        if view.dep[s] == "nsubj":
            return view.lower[s] in _OWN or any(
                view.dep[c] == "poss" and view.lower[c] in _OWN for c in view.children[s]
            )
    return False


def _modal(view: DocView, i: int) -> bool:
    return any(view.tag[c] == "MD" for c in view.children[i])


def _in_relative_clause(view: DocView, i: int) -> bool:
    k = i
    for _ in range(12):
        if view.dep[k] == "relcl" and not _infinitival(view, k):
            return True
        if view.head[k] == k:
            return False
        k = view.head[k]
    return False


def _infinitival(view: DocView, i: int) -> bool:
    """ "time for the bombing to stop": a "to" clause is the noun's complement, not a relative clause."""
    return any(view.dep[c] == "aux" and view.lower[c] == "to" for c in view.children[i])


def _span(view: DocView, start: int, stop: int) -> TextSpan:
    a, b = view.idx[start], view.end(stop - 1)
    return TextSpan(start=a, end=b, text=view.text[a:b])
