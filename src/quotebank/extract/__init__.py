"""Quote extraction on a parsed spaCy ``Doc``, one module per kind of quote.

* :mod:`quotebank.extract.rules` holds the rule families, one module each: reporting verbs,
  reporting nouns, source phrases ("according to"), name-and-colon lines, and the passages
  in quotation marks; :mod:`quotebank.extract.content` builds a quote from a cue's content;
* :mod:`quotebank.extract.boilerplate` marks the lines that are not part of the article
  (links to other stories, credits, advertising notices): no quote is cued inside them.

:func:`find_quotes` runs both and settles overlaps, so that every quote of a
document comes out once, in text order. Two quotes never overlap, except that a report
relayed inside another quote's content, with a source of its own ("Nair said a witness had
told officers that the gunman fled"), is a quote of its own nested in the outer one.
Speakers are resolved afterwards by :mod:`quotebank.speakers`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from quotebank.extract._base import Candidate, DocIndex, merge_pieces
from quotebank.extract._marks import QuotedPassage, find_quoted
from quotebank.extract.boilerplate import Boilerplate, boilerplate_spans
from quotebank.extract.rules import FAMILIES
from quotebank.extract.rules.direct import attribute_passages
from quotebank.lexicons import Lexicons

__all__ = ["Boilerplate", "Candidate", "QuotedPassage", "boilerplate_spans", "find_quoted", "find_quotes"]


def _overlap(a: Candidate, b: Candidate) -> int:
    """Characters shared by the two quotes' extents (first to last content character)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _size(c: Candidate) -> int:
    return sum(e - s for s, e in c.pieces)


def _inside(a: int, b: int, pieces: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in pieces)


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SUBORDINATE = frozenset({"acl", "advcl", "pcomp", "relcl", "amod", "xcomp", "csubj"})


def _finite_report(cue: Token) -> bool:
    """The cue heads a finite clause of its own ("had told", "assured"), not a participle,
    gerund or relative clause ("for acknowledging that", "which it said")."""
    if cue.dep_ in _SUBORDINATE:
        return False
    return cue.tag_ in _FINITE or (cue.tag_ == "VBN" and any(c.dep_ == "aux" for c in cue.children))


def _speaking_source(head: Token, lexicons: Lexicons) -> bool:
    """A source that can speak: a name, or a noun for a person, group or body; not a pronoun
    (most often the outer speaker again) and not a document ("the advertisement", "a review")."""
    refs = lexicons.references
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in refs.documents or lemma in refs.findings or lemma in refs.non_sources:
        return False
    # a person, group or body noun, or people in the plural ("the contractors", "port operators")
    people = lemma in refs.person_titles or head.lower_ in refs.group_heads or lemma in refs.org_heads
    return people or head.tag_ == "NNS"


def _relayed(inner: Candidate, outer: Candidate, doc: Doc, lexicons: Lexicons) -> bool:
    """A report the outer quote's content relays, with a source of its own: "Nair said [a
    witness had told officers that [the gunman fled]]". Its source, cue and clausal content all
    lie in the outer content; the source can speak and the cue is a finite report verb."""
    if inner.mention is None or inner.cue is None or inner.cue_token is None or inner.mention == outer.mention:
        return False
    if inner.frame != "clause" or not _finite_report(doc[inner.cue_token]):
        return False
    mention = doc[inner.mention[0] : inner.mention[1]]
    if not _speaking_source(mention.root, lexicons):
        return False
    if not (_inside(mention.start_char, mention.end_char, outer.pieces) and _inside(*inner.cue, outer.pieces)):
        return False
    return all(_inside(a, b, outer.pieces) for a, b in inner.pieces) and _size(inner) < _size(outer)


def _settle(candidates: list[Candidate], doc: Doc, lexicons: Lexicons) -> list[Candidate]:
    """Keep one quote per stretch of text: nested reports fold into the outer one, except a
    report relayed inside another's content with its own source, which stays as a quote of its
    own inside the outer one."""
    kept: list[Candidate] = []  # by start
    starts: list[int] = []
    longest = 0
    # bigger, earlier first: an outer report claims the reports nested in it
    for c in sorted(candidates, key=lambda c: (-_size(c), c.start)):
        clashes = [k for k in _near(kept, starts, c, longest) if _overlap(c, k) > 0]
        if clashes and not all(_relayed(c, k, doc, lexicons) for k in clashes):
            continue
        at = bisect.bisect_right(starts, c.start)
        kept.insert(at, c)
        starts.insert(at, c.start)
        longest = max(longest, c.end - c.start)
    return kept


def _near(kept: list[Candidate], starts: list[int], c: Candidate, longest: int) -> list[Candidate]:
    """The kept quotes that can overlap ``c``: those starting before its end and no further
    back than the longest kept quote (binary search, not a scan of every quote)."""
    lo = bisect.bisect_left(starts, c.start - longest)
    hi = bisect.bisect_left(starts, c.end)
    return kept[lo:hi]


def find_quotes(
    doc: Doc,
    lexicons: Lexicons,
    *,
    min_strength: float = 0.5,
    text: str | None = None,
    boilerplate: Boilerplate | None = None,
    disabled: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Find every quote of a parsed document.

    Args:
        doc: a document parsed with a tagger, dependency parser, lemmatizer
            and entity recognizer.
        lexicons: the loaded lexicons.
        min_strength: reporting verbs weaker than this (``strength`` in
            ``reporting.toml``) are ignored.
        text: ``doc.text``, when the caller has it (spaCy builds it anew on each access).
        boilerplate: the document's boilerplate lines, when the caller has them.
        disabled: names of rules switched off (:mod:`quotebank.extract.rules`): they find
            nothing, and the words they would have claimed are open to the other rules.

    Returns:
        Quote candidates in text order; one overlaps another only by lying inside it
        (a relayed report).
    """
    text = doc.text if text is None else text
    passages = find_quoted(text)
    index = DocIndex(doc, passages, lexicons, min_strength, text=text, disabled=disabled)
    # the families that need no marks, in the registry's order; then the passages none claimed
    found_by_cues = [c for fam in FAMILIES if fam.find is not None for c in fam.find(index)]
    reported = _settle(found_by_cues, doc, lexicons)
    used = {k for c in reported for k in c.passages}
    # a reported quote whose passages were claimed twice keeps them once
    direct = attribute_passages(index, used, reported)
    for c in (*reported, *direct):
        c.pieces = merge_pieces(c.pieces)
    boilerplate = Boilerplate.of(text, lexicons.references) if boilerplate is None else boilerplate
    found = [c for c in (*reported, *direct) if c.pieces and not _in_boilerplate(c, boilerplate)]
    return _settle(found, doc, lexicons)


def _in_boilerplate(c: Candidate, boilerplate: Boilerplate) -> bool:
    """A quote cued or starting inside a boilerplate line ("READ MORE: Daniel Brooks explains
    the vote") is not part of the article."""
    return boilerplate.covers(c.start) or (c.cue is not None and boilerplate.covers(c.cue[0]))
