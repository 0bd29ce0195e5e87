"""Reporting nouns with a source: "Trump's claim that …", "a warning from the UN that …"."""

from __future__ import annotations

from spacy.tokens import Token

from quotebank.extract._base import (
    Candidate,
    DocIndex,
)
from quotebank.extract.content import (
    candidate,
)
from quotebank.extract.rules._rule import Example, Rule

__all__ = ["FAMILY", "RULES", "find"]

FAMILY = "noun_cues"

RULES = (
    Rule(
        name="noun_cue",
        family=FAMILY,
        summary="X's claim that <clause> / a warning from X that <clause> / X's promise to <act>.",
        handles=("clause", "to"),
        examples=(
            Example(
                text="The minister's claim that the border was sealed drew sharp criticism.",
                quote="the border was sealed",
            ),
            Example(text="The senator's warning that the dam could fail was ignored.", quote="the dam could fail"),
            Example(text="The claim that the dam could fail was never tested."),
            Example(text="His decision to resign surprised everyone."),
        ),
    ),
)


def _noun_source(noun: Token) -> Token | None:
    """The possessor ("Trump's claim") or the "by"/"from" object ("a warning from the UN")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _noun_content(noun: Token, frames: frozenset[str]) -> tuple[list[Token], str] | None:
    for child in noun.children:
        if child.i < noun.i or child.dep_ not in ("acl", "ccomp", "relcl", "advcl", "appos"):
            continue
        subtree = list(child.subtree)
        first = subtree[0]
        if "clause" in frames and first.lower_ == "that" and first.dep_ == "mark":
            return [t for t in subtree if t.i != first.i], "clause"
        if "to" in frames and first.lower_ == "to" and first.dep_ == "aux":
            return subtree, "to"
    return None


def find(index: DocIndex) -> list[Candidate]:
    """ "Trump's claim that …", "a warning from the UN that …", "his promise to …"."""
    out: list[Candidate] = []
    nouns = index.lex.reporting.nouns
    if not nouns:
        return out
    for i in index.words_with_lemma(nouns):
        token = index.doc[i]
        if token.pos_ != "NOUN":
            continue
        entry = nouns.get(token.lemma_.lower())
        if entry is None or entry.strength < index.min_strength or index.in_passage(token.idx) is not None:
            continue
        source = _noun_source(token)
        if source is None or source.lower_ in index.lex.references.non_sources:
            continue
        content = _noun_content(token, entry.frames)
        if content is None:
            continue
        cue = index.cue_span(token, None)
        found = candidate(index, content[0], cue, token.i, source, rule="noun_cue", frame=content[1])
        if found is not None:
            out.append(found)
    return out
