"""Layer 4, composition: how the parse around a mention changes what the predicates say.

Each rule is a function of the parse (and the words of ``modifiers.toml``):

* **negation** (:func:`negated`, :func:`negated_mention`): "not", "never",
  "no truce", "without a pause", a negative subject ("nobody opposes");
  double negation cancels because every negation on the way flips;
* **mood** (:func:`commitment`): an effect ("reach a deal", "stop the war") is
  stance only when someone is committed to it: a volitive or modal auxiliary
  ("will", "must", "cannot"), "has to", an imperative, a first-person present
  ("we go into Rafah"), a verbless headline; a plain report of the past is not;
* **conditionals** (:func:`conditional`): "if X, Y" and "should X, Y" (and
  "unless", which inverts) make the main clause's value the condition's;
* **concession and contrast** (:func:`clause_factor`, :func:`sentence_factor`):
  an "although" clause is weakened, the clause after "but" outweighs the one
  before, across sentences too ("... However, ...");
* **rhetorical questions** (:func:`question_tokens`): stance inside a question
  flips ("who would accept a ceasefire that ...?"), except in a before/until
  clause, which states what is awaited ("how many must die before they sign?");
* **hedges and boosters** (:func:`hedge_factor`);
* **civilian protection as a condition** (:func:`protection_condition`).

Examples:
    >>> import quotebank
    >>> from quotebank.stance import composition
    >>> from quotebank.stance.view import DocView
    >>> extractor = quotebank.Extractor()
    >>> mod = extractor.lexicons.modifiers
    >>> view = DocView(extractor.parse("We will not sign it."))
    >>> composition.negated(view, mod, 3), composition.commitment(view, mod, 3)
    (True, 'will')
"""

from __future__ import annotations

from collections.abc import Collection

from quotebank.lexicons.stance import Modifiers
from quotebank.stance.scope import Scope
from quotebank.stance.view import DocView

__all__ = [
    "clause_factor",
    "clause_of",
    "commitment",
    "concessive",
    "conditional",
    "contrastive",
    "contrastive_not",
    "first_person",
    "fragment",
    "hedge_factor",
    "imperative",
    "negated",
    "negated_mention",
    "protection_condition",
    "question_tokens",
    "sentence_factor",
]

_NEGATOR_DEPS = frozenset({"neg", "advmod", "det", "aux", "preconj", "npadvmod"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp", "csubj", "parataxis"})
_FIRST_PERSON = frozenset({"we", "i", "us"})
_QUESTION_KEEP = frozenset({"before", "until", "till"})
_CONDITION_MARKS = frozenset({"until", "till", "unless", "if", "without", "before"})


_CONTRASTED = frozenset({"appos", "conj", "npadvmod", "advmod", "prep", "dobj", "attr", "pobj", "nmod", "dep"})


def contrastive_not(view: DocView, n: int) -> int | None:
    """The phrase a "not" negates in "X, not Y" (the parser hangs it on X or on the verb):
    "a ceasefire, not an invasion", "enter Rafah now, not next month", "for his survival,
    not for our security"; None for a plain "not"."""
    if view.lower[n] not in ("not", "never") or n == 0 or view.lower[n - 1] not in (",", "—", "–", ";"):
        return None
    h = view.head[n]
    for c in view.children[h]:
        if view.dep[c] in _CONTRASTED and c > n and min(view.subtree(c)) in (n + 1, n + 2):
            return c
    return None


def negated(view: DocView, mod: Modifiers, i: int, *, ignore: Collection[int] = ()) -> bool:
    """Whether token ``i`` is negated: a negating child ("not", "never", "no longer") or a negative
    subject; ``ignore``: tokens already read (a mention's own "no", a predicate phrase's "no")."""
    for c in view.children[i]:
        dep, word = view.dep[c], view.lower[c]
        if c in ignore or contrastive_not(view, c) is not None:
            continue
        if dep == "neg":
            return True
        if dep in _NEGATOR_DEPS and word in mod.negators:
            return True
        if dep == "advmod" and word == "longer" and any(view.lower[g] == "no" for g in view.children[c]):
            return True
        if dep in ("nsubj", "nsubjpass") and negative_subject(view, mod, c):
            return True
    return False


def negative_subject(view: DocView, mod: Modifiers, s: int) -> bool:
    """Whether subject ``s`` negates its clause: "nobody", "none of us", "no one", "no government"."""
    if view.lower[s] in mod.negative_subjects:
        return True
    return any(view.dep[c] == "det" and view.lower[c] == "no" for c in view.children[s])


def negated_mention(view: DocView, mod: Modifiers, i: int) -> bool:
    """Whether a mention is negated on its own: "no truce", "not a Rafah invasion", "without a pause",
    "a ceasefire, not an invasion"."""
    for c in view.children[i]:
        negator = view.dep[c] in ("det", "neg", "advmod", "preconj") and view.lower[c] in ("no", "not", "never")
        if negator and contrastive_not(view, c) is None:
            return True
    h = view.head[i]
    if view.dep[i] in ("appos", "conj") and any(contrastive_not(view, c) == i for c in view.children[h]):
        return True
    return view.dep[i] == "pobj" and view.lower[h] in ("without",)


def clause_of(view: DocView, i: int) -> int:
    """The head of the clause holding token ``i``."""
    k = i
    for _ in range(12):
        if view.dep[k] in _CLAUSE_DEPS or view.head[k] == k:
            return k
        if view.pos[k] == "VERB" and view.dep[k] not in ("amod", "compound"):  # however the parser attached it
            return k
        k = view.head[k]
    return k


def imperative(view: DocView, c: int) -> bool:
    """Whether clause head ``c`` is an imperative: a base-form verb with no subject and no "to" that
    opens its sentence or its quotation ("Go into Rafah", "Do not unleash this assault"), however the
    parser attached it, or a conjunct of one ("Sign the ceasefire and stay out of Rafah")."""
    if view.tag[c] != "VB":
        return False
    for k in view.children[c]:
        if view.dep[k] in ("nsubj", "nsubjpass", "expl") or (view.dep[k] in ("aux", "auxpass") and view.tag[k] != "VB"):
            return False
        if view.dep[k] == "aux" and view.lower[k] == "to":
            return False
    if view.dep[c] == "conj" and view.head[c] != c:
        return imperative(view, view.head[c])
    return view.dep[c] in ("ROOT", "parataxis") or _opens_clause(view, c)


def _opens_clause(view: DocView, c: int) -> bool:
    """Whether the phrase headed by ``c`` starts its sentence, a quotation or a clause after a colon."""
    first = min(view.subtree(c))
    start = view.sent_bounds[view.sent[c]][0]
    k = first - 1
    while k >= start and view.pos[k] == "PUNCT" and view.lower[k] not in (":", ";"):
        if view.lower[k] in ('"', "“", "‘", "'", "``"):
            return True
        k -= 1
    return k < start or view.lower[k] in (":", ";")


def first_person(view: DocView, c: int) -> bool:
    """Whether clause head ``c`` is a first-person present or progressive: "we go into Rafah", "we are going"."""
    if view.tag[c] not in ("VBP", "VBG", "VB"):
        return False
    subjects = [k for k in view.children[c] if view.dep[k] == "nsubj"]
    if not subjects or view.lower[subjects[0]] not in _FIRST_PERSON:
        return False
    return not any(view.dep[k] == "aux" and view.tag[k] in ("VBD", "MD") for k in view.children[c])


def fragment(view: DocView, i: int) -> bool:
    """Whether token ``i`` stands in a verbless sentence (a headline: "Truce now, not a Rafah invasion")."""
    start, end = view.sent_bounds[view.sent[i]]
    return not any(view.pos[k] in ("VERB", "AUX") for k in range(start, end))


def commitment(view: DocView, mod: Modifiers, i: int, *, up_to: int | None = None) -> str | None:
    """What commits the speaker to the event at token ``i``, if anything (the mood rule).

    The clause of ``i`` is asked first; a temporal or coordinated clause takes the mood of the
    clause it hangs from, and so does every clause on the way up to ``up_to`` when given (the
    clauses a walk went through: "let the war end" is committed by "let").

    Returns "will", "must" ... (the auxiliary), "obligation" ("has to"), "imperative",
    "first-person", "fragment" or None for a plain report.
    """
    c = clause_of(view, i)
    for _ in range(6):
        found = _clause_commitment(view, mod, c)
        if found:
            return found
        # a temporal clause takes its main clause's mood: "before troops go in" under "will"
        marks = [view.lower[k] for k in view.children[c] if view.dep[k] == "mark"]
        # a temporal, coordinated or complement clause takes the mood of the clause above it
        climb = view.dep[c] in ("advcl", "conj", "xcomp", "ccomp") and (
            view.dep[c] != "advcl" or set(marks) & mod.temporal
        )
        if up_to is not None and view.head[c] != c and _above(view, up_to, c):
            climb = True
        if climb and view.head[c] != c:
            c = clause_of(view, view.head[c])
            continue
        break
    return "fragment" if fragment(view, i) else None


def _above(view: DocView, top: int, c: int) -> bool:
    """Whether ``top`` is a proper ancestor of ``c``."""
    k = c
    for _ in range(12):
        h = view.head[k]
        if h == k or k == top:
            return False
        if h == top:
            return True
        k = h
    return False


def _clause_commitment(view: DocView, mod: Modifiers, c: int) -> str | None:
    negative = negated(view, mod, c)
    for k in view.children[c]:
        if view.dep[k] in ("aux", "auxpass") and view.tag[k] == "MD":
            if view.lower[k] in mod.volitive or view.lemma[k] in mod.volitive:
                return view.lower[k]
            if negative:  # "cannot take place", "could not go ahead"
                return view.lower[k]
    h = view.head[c]
    infinitive = any(view.dep[k] == "aux" and view.lower[k] == "to" for k in view.children[c])
    if view.dep[c] == "xcomp" and view.lemma[h] in mod.obligation and h != c and infinitive:
        return "obligation"
    if imperative(view, c):
        return "imperative"
    if first_person(view, c):
        return "first-person"
    return None


def conditional(view: DocView, mod: Modifiers, c: int) -> str | None:
    """Whether adverbial clause ``c`` is a condition: its word ("if", "unless"), or "should" for an
    inverted one ("Should the army move on Rafah, ..."); None otherwise."""
    if view.dep[c] != "advcl":
        return None
    for k in view.children[c]:
        if view.dep[k] == "mark" and view.lower[k] in mod.conditional:
            return view.lower[k]
    first = min(view.subtree(c))
    if view.lower[first] in ("should", "had", "were") and view.dep[first] in ("aux", "auxpass", "ROOT"):
        subjects = [k for k in view.children[c] if view.dep[k] in ("nsubj", "nsubjpass")]
        if subjects and first < min(subjects):
            return view.lower[first]
    return None


def concessive(view: DocView, mod: Modifiers, c: int) -> str | None:
    """The concessive word of adverbial clause ``c`` ("although", "while"), if it has one."""
    if view.dep[c] != "advcl":
        return None
    for k in view.children[c]:
        if view.dep[k] == "mark" and view.lower[k] in mod.concessive:
            return view.lower[k]
    return None


_EXCEPTIVE = frozenset({"nothing", "little"})


def contrastive(view: DocView, mod: Modifiers, k: int) -> bool:
    """A contrast word joining clauses; "did nothing but kill" is exceptive ("only"), not a contrast."""
    return view.dep[k] == "cc" and view.lower[k] in mod.contrast and not (k > 0 and view.lower[k - 1] in _EXCEPTIVE)


def clause_factor(view: DocView, mod: Modifiers, i: int) -> tuple[float, list[str]]:
    """Contrast inside a sentence: the clause after "but" counts more, the one before less."""
    c = clause_of(view, i)
    while view.dep[c] not in ("ROOT", "conj", "ccomp", "advcl") and view.head[c] != c:
        c = clause_of(view, view.head[c])
    factor, notes = 1.0, []
    if view.dep[c] == "conj":
        h = view.head[c]
        if any(contrastive(view, mod, k) and k < c for k in view.children[h]):
            factor *= mod.contrast_after
            notes.append("contrast:after")
        return factor, notes
    for k in view.children[c]:
        contrasted = any(contrastive(view, mod, x) and x < k for x in view.children[c])
        if view.dep[k] == "conj" and k > i and contrasted:
            factor *= mod.contrast_before
            notes.append("contrast:before")
            break
    return factor, notes


def sentence_factor(view: DocView, mod: Modifiers, scope: Scope, i: int) -> tuple[float, list[str]]:
    """Contrast across a quote's sentences: "... However, the truce is the right thing to do."."""
    sents = sorted({view.sent[k] for k in scope.content})
    if len(sents) < 2:
        return 1.0, []
    here = view.sent[i]

    def opens_with_contrast(k: int) -> bool:
        start, end = view.sent_bounds[k]
        words = [view.lower[t] for t in range(start, min(end, start + 3)) if view.pos[t] != "PUNCT"]
        return bool(words) and words[0] in mod.contrast

    if opens_with_contrast(here) and here != sents[0]:
        return mod.contrast_after, ["contrast:after"]
    if any(opens_with_contrast(k) for k in sents if k > here):
        return mod.contrast_before, ["contrast:before"]
    return 1.0, []


def hedge_factor(view: DocView, mod: Modifiers, i: int) -> tuple[float, list[str]]:
    """Hedges weaken, boosters strengthen: the auxiliaries and adverbs of token ``i``."""
    factor, notes = 1.0, []
    for c in view.children[i]:
        if view.dep[c] not in ("aux", "advmod", "amod"):
            continue
        word = view.lower[c]
        if word in mod.hedges:
            factor *= mod.hedges[word]
            notes.append(f"hedge:{word}")
        elif word in mod.boosters:
            factor *= mod.boosters[word]
            notes.append(f"booster:{word}")
    return factor, notes


def question_tokens(view: DocView, mod: Modifiers, scope: Scope) -> frozenset[int]:
    """The content tokens that stand in a question (direct, or indirect after "asked why ..."),
    less those in a before/until clause inside it."""
    key = ("questions", str(scope.start), str(scope.end), str(min(scope.content, default=-1)))
    cached = view.cache.get(key)
    if isinstance(cached, frozenset):
        return cached
    inside: set[int] = set()
    for k in sorted({view.sent[t] for t in scope.content}):
        start, end = view.sent_bounds[k]
        if any("?" in view.lower[t] for t in range(start, end) if t in scope.content):
            inside.update(t for t in range(start, end) if t in scope.content)
    for t in scope.content:
        if view.lower[t] in mod.questions and view.dep[t] in ("advmod", "nsubj", "dobj", "attr", "det", "nsubjpass"):
            c = clause_of(view, t)
            if view.dep[c] in ("ccomp", "xcomp", "advcl") and view.lemma[view.head[c]] in mod.asking:
                inside.update(view.subtree(c))
    for t in list(inside):
        if view.dep[t] == "advcl" and any(
            view.dep[m] == "mark" and view.lower[m] in _QUESTION_KEEP for m in view.children[t]
        ):
            inside.difference_update(view.subtree(t))
    result = frozenset(inside)
    view.cache[key] = result
    return result


def protection_condition(view: DocView, mod: Modifiers, i: int, questions: frozenset[int]) -> str | None:
    """Whether a civilian-protection word at token ``i`` is demanded as a condition: inside an
    until/unless/if/without phrase, before a "then", or asked in a question."""
    if i in questions:
        return "question"
    k = i
    for _ in range(8):
        for c in view.children[k]:
            if view.dep[c] in ("mark", "prep") and view.lower[c] in _CONDITION_MARKS and view.lower[c] != "before":
                return view.lower[c]
        if view.dep[k] in ("prep", "mark") and view.lower[k] in _CONDITION_MARKS and view.lower[k] != "before":
            return view.lower[k]
        if view.head[k] == k:
            break
        k = view.head[k]
    start, end = view.sent_bounds[view.sent[i]]
    if any(view.lower[t] == "then" and t > i for t in range(start, end)):
        return "then"
    return None
