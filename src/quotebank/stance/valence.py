"""Layer 3, valence: whether a phrase in the parse is good or bad, for consequences and conditions.

"An assault on Rafah would **mean more children killed**": the assault is judged
by the value of what it would mean. :meth:`Valuation.of` gives that value for
the phrase headed by a token, composed bottom-up:

* a predicate entry with a value of its own: ``good`` / ``bad`` words ("a
  catastrophe"), ``help`` / ``harm`` by who the patient is (saving lives is good,
  giving Hamas time is bad, cutting Hamas off is good), ``prevent`` reverses the
  value of what it prevents ("turn back the famine" is good);
* an armed party on its own counts as bad (what helps it is bad), and a good
  outcome with an armed party as its subject is bad ("this deal lets Hamas win");
* failing those, the general valence list (VADER), for a content word;
* failing that, the phrase's complements, nearest first.

Negation flips the value. Values are signs (+1 / -1) with the token and layer
that gave them, so the evidence can say where they came from.

Examples:
    >>> import quotebank
    >>> from quotebank.stance.view import DocView
    >>> extractor = quotebank.Extractor()
    >>> scorer = extractor.component.scorer
    >>> view = DocView(extractor.parse("It would give Hamas time to regroup."))
    >>> at = scorer.predicates.find(view, 0, len(view), lambda i: False)
    >>> scorer.valuation.of(view, at, 2).sign
    -1
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import attrs

from quotebank.lexicons.predicates import PredicateClass
from quotebank.lexicons.stance import Modifiers
from quotebank.lexicons.valence import ValenceLexicon
from quotebank.model import StanceLayer
from quotebank.stance import composition
from quotebank.stance.predicates import Covered, PredicateIndex
from quotebank.stance.view import DocView

__all__ = ["Valuation", "Value"]

MAX_DEPTH = 4
_CONTENT = frozenset({"ADJ", "NOUN", "VERB", "ADV", "INTJ", "PROPN"})
_PATIENT_DEPS = ("dative", "dobj", "nsubjpass", "attr", "oprd")
_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "pcomp", "acl", "relcl")
_COMPLEMENT_ORDER = (
    "attr",
    "acomp",
    "oprd",
    "dobj",
    "dative",
    "xcomp",
    "ccomp",
    "prep",
    "acl",
    "relcl",
    "amod",
    "compound",
    "advcl",
    "conj",
    "pobj",
    "pcomp",
    "nmod",
    "npadvmod",
)
_EXCEPTIVE = frozenset({"anything", "something"})  # "anything other than a massacre" = not a massacre
_EXCLUSIVE = frozenset({"nothing", "none"})  # "nothing but a pause to rearm" = a pause to rearm
_REVERSING = frozenset({PredicateClass.PREVENT, PredicateClass.OBSTRUCT, PredicateClass.OPPOSE, PredicateClass.DENY})
_CARRYING = frozenset({PredicateClass.CAUSE, PredicateClass.CONTINUE, PredicateClass.SUPPORT})


@attrs.frozen
class Value:
    """The value of a phrase: its sign, and the token, layer and word that gave it."""

    sign: int
    token: int
    layer: StanceLayer
    cue: str
    cls: PredicateClass | None = None


class Valuation:
    """Values of phrases, from predicate entries first and the general valence list second.

    Args:
        predicates: the predicate index (for entries and armed parties).
        valence: the general valence list.
        modifiers: the negation words.
    """

    def __init__(self, predicates: PredicateIndex, valence: ValenceLexicon, modifiers: Modifiers) -> None:
        self.predicates = predicates
        self.valence = valence
        self.mod = modifiers

    def of(self, view: DocView, at: Covered, i: int, *, exclude: Collection[int] = (), depth: int = 0) -> Value | None:
        """The value of the phrase headed by token ``i`` (``exclude``: tokens not to read, such as the mention)."""
        if i in exclude or depth > MAX_DEPTH:
            return None
        value = self._own(view, at, i, exclude, depth)
        if value is None:
            value = self._exception(view, at, i, exclude, depth)
        if value is None:
            value = self.complement(view, at, i, exclude=exclude, depth=depth)
        if value is None and view.pos[i] == "VERB" and self._armed_subject(view, i):
            value = Value(sign=-1, token=i, layer=StanceLayer.PREDICATE, cue="adversary gains")
        if value is not None and composition.negated(view, self.mod, i):
            value = attrs.evolve(value, sign=-value.sign)
        return value

    def _armed_subject(self, view: DocView, i: int) -> bool:
        """ "Hamas would be back on the border": an armed party acting, with no value given, gains."""
        return any(view.dep[c] == "nsubj" and self.predicates.adversary(view, c) for c in view.children[i])

    def _exception(self, view: DocView, at: Covered, i: int, exclude: Collection[int], depth: int) -> Value | None:
        """ "anything other than X" is not X; "nothing but X" is X."""
        word = view.lower[i]
        if word not in _EXCEPTIVE and word not in _EXCLUSIVE:
            return None
        for c in view.children[i]:
            if view.lower[c] in ("than", "but", "except") or (view.lower[c] == "other" and view.dep[c] == "amod"):
                targets = [p for k in (c, *view.children[c]) for p in view.children[k] if view.dep[p] == "pobj"]
                for p in targets:
                    found = self.of(view, at, p, exclude=exclude, depth=depth + 1)
                    if found is not None:
                        return attrs.evolve(found, sign=found.sign * (-1 if word in _EXCEPTIVE else 1))
        return None

    def word(self, view: DocView, at: Covered, i: int) -> Value | None:
        """The value of token ``i`` on its own (a modifier): its entry's or its valence, negation included."""
        value = self._own(view, at, i, (), MAX_DEPTH)
        if value is not None and composition.negated(view, self.mod, i):
            value = attrs.evolve(value, sign=-value.sign)
        return value

    def complement(
        self, view: DocView, at: Covered, i: int, *, exclude: Collection[int] = (), depth: int = 0
    ) -> Value | None:
        """The value of token ``i``'s complements, nearest and most central first."""
        children = [c for c in view.children[i] if c not in exclude and view.dep[c] in _COMPLEMENT_ORDER]
        children.sort(key=lambda c: _COMPLEMENT_ORDER.index(view.dep[c]))
        for c in children:
            found = self.of(view, at, c, exclude=exclude, depth=depth + 1)
            if found is not None:
                return found
        return None

    def patient(
        self, view: DocView, at: Covered, i: int, *, exclude: Collection[int] = (), depth: int = 0
    ) -> Value | None:
        """The value of what predicate ``i`` acts on: its indirect or direct object, or its
        clause; else the means ("served Israel by letting its brigades rest"); else an adversary
        as prepositional object ("cut Hamas off from ...")."""
        for dep in _PATIENT_DEPS:
            found = self._first_value(view, at, [c for c in view.children[i] if view.dep[c] == dep], exclude, depth)
            if found is not None:
                return found
        clauses = [c for c in view.children[i] if view.dep[c] in _CLAUSE_DEPS]
        found = self._first_value(view, at, clauses, exclude, depth)
        if found is not None:
            return found
        for p in self._means(view, i, exclude):  # a means clause counts even when excluded itself
            found = self.of(view, at, p, exclude=exclude, depth=depth + 1)
            if found is not None:
                return found
        return self._adversary_object(view, i, exclude)

    def _first_value(
        self, view: DocView, at: Covered, tokens: Iterable[int], exclude: Collection[int], depth: int
    ) -> Value | None:
        """The value of the first of ``tokens`` (outside ``exclude``) that has one."""
        for c in tokens:
            if c not in exclude:
                found = self.of(view, at, c, exclude=exclude, depth=depth + 1)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _means(view: DocView, i: int, exclude: Collection[int]) -> list[int]:
        """The clauses of the predicate's "by" phrases ("by letting its brigades rest")."""
        return [
            p
            for c in view.children[i]
            if view.dep[c] == "prep" and view.lower[c] == "by" and c not in exclude
            for p in view.children[c]
            if view.dep[p] == "pcomp"
        ]

    def _adversary_object(self, view: DocView, i: int, exclude: Collection[int]) -> Value | None:
        """ "cut Hamas off from ...", "spare the children of Gaza": an adversary as the object of
        one of the predicate's prepositions."""
        for c in view.children[i]:
            if view.dep[c] == "prep" and c not in exclude:
                for p in view.children[c]:
                    if view.dep[p] == "pobj" and p not in exclude and self.predicates.adversary(view, p):
                        return Value(sign=-1, token=p, layer=StanceLayer.PREDICATE, cue=f"adversary:{view.lower[p]}")
        return None

    # ----------------------------------------------------------------- the rules

    def _own(self, view: DocView, at: Covered, i: int, exclude: Collection[int], depth: int) -> Value | None:
        found = at.get(i)
        if found is not None and found.start not in exclude:
            value = self._entry_value(view, at, i, found.value.cls, found.value.phrase, exclude, depth)
            if value is not None:
                return value
        if self.predicates.adversary(view, i):
            return Value(sign=-1, token=i, layer=StanceLayer.PREDICATE, cue=f"adversary:{view.lower[i]}")
        if view.pos[i] in _CONTENT:
            score = self.valence.score(view.lower[i])
            if score is None and view.lemma[i] != view.lower[i]:
                score = self.valence.score(view.lemma[i])
            if score is not None:
                sign = 1 if score > 0 else -1
                return Value(
                    sign=self._for_subject(view, i, sign), token=i, layer=StanceLayer.VALENCE, cue=view.lower[i]
                )
        return None

    def _entry_value(
        self,
        view: DocView,
        at: Covered,
        i: int,
        cls: PredicateClass,
        phrase: str,
        exclude: Collection[int],
        depth: int,
    ) -> Value | None:
        def mine(sign: int) -> Value:
            return Value(sign=sign, token=i, layer=StanceLayer.PREDICATE, cue=phrase, cls=cls)

        if cls in (PredicateClass.GOOD, PredicateClass.BAD):
            return mine(self._for_subject(view, i, 1 if cls is PredicateClass.GOOD else -1))
        if cls is PredicateClass.TRANSPARENT:
            return self.complement(view, at, i, exclude=exclude, depth=depth)
        patient = self.patient(view, at, i, exclude=exclude, depth=depth)
        if cls in (PredicateClass.HELP, PredicateClass.HARM):
            sign = 1 if cls is PredicateClass.HELP else -1
            return mine(sign * (patient.sign if patient else 1))
        if cls in _REVERSING:
            if patient is not None:
                return mine(-patient.sign)
            return mine(-1) if view.pos[i] in ("NOUN", "ADJ") or cls is PredicateClass.OPPOSE else None
        if cls in _CARRYING:
            if patient is not None:
                return mine(patient.sign)
            return mine(1) if view.pos[i] in ("NOUN", "ADJ") and cls is PredicateClass.SUPPORT else None
        return None

    def _for_subject(self, view: DocView, i: int, sign: int) -> int:
        """A good outcome for an armed party is bad: "Hamas would win", "it lets Hamas regroup"."""
        if sign < 0:
            return sign
        for c in view.children[i]:
            if view.dep[c] == "nsubj" and self.predicates.adversary(view, c):
                return -sign
        return sign
