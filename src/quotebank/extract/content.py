"""Building a quote from a cue's content: what every reported-speech family shares.

A family finds a cue and the tokens it governs; :func:`candidate` trims them to the quote
(no reports of their own, no writer's asides after a semicolon or dash, the cue's paragraph
only, a leading dateline skipped), cuts them into pieces of text and decides the kind from the
quotation marks inside (:func:`classify`: direct, mixed or indirect).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from quotebank.extract._base import Candidate, DocIndex, is_dash, mention_range, runs, trim
from quotebank.model import QuoteKind

__all__ = [
    "MAX_CLAUSE_TOKENS",
    "MIN_CONTENT_CHARS",
    "NONFINITE_DEPS",
    "candidate",
    "classify",
    "continues_infinitive",
    "too_long",
    "without_reports",
]

MIN_CONTENT_CHARS = 8


_CONCESSIVE = frozenset({"although", "though", "whereas"})


NONFINITE_DEPS = frozenset({"csubj", "csubjpass", "xcomp", "pcomp", "ccomp"})
"""Where a non-finite verb is a complement, so that a verb conjoined to it shares its frame."""


def continues_infinitive(root: Token, conj: Token) -> bool:
    """A non-finite verb conjoined to another of its form shares its frame: "called on Israel to
    drop its plans and agree to a halt" (a bare verb after a "to" infinitive), "signing the truce
    and calling off the offensive is the only path" (two gerunds as one subject). It is more of
    the same content, not a report of its own."""
    head = conj.head
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return conj.tag_ in ("VB", "VBP") and (head.i == root.i or head.dep_ in NONFINITE_DEPS)
    return head.tag_ == "VBG" == conj.tag_ and head.dep_ in NONFINITE_DEPS


# Reported content longer than this many tokens is no quote: the longest sentence in 300
# PolNeAR articles has 233 tokens, while a page of unclosed marks or a JSON blob parses into
# one "sentence" of thousands, whose every cue would otherwise take all the rest as content
# (a scan per cue: quadratic time).
MAX_CLAUSE_TOKENS = 400


def too_long(root: Token) -> bool:
    """Whether the subtree of ``root`` spans more than :data:`MAX_CLAUSE_TOKENS` tokens (read
    from its edges in O(1))."""
    return root.right_edge.i - root.left_edge.i >= MAX_CLAUSE_TOKENS


def _concessive_asides(root: Token) -> set[int]:
    """ "..., although he again refused ...": a concessive clause after a comma is the
    writer's, with its comma."""
    doc = root.doc
    drop: set[int] = set()
    for child in root.children:
        if child.dep_ == "advcl" and child.i > root.i and child.left_edge.i > 0:
            mark = child.left_edge
            if mark.lower_ in _CONCESSIVE and doc[mark.i - 1].text == ",":
                drop.update(t.i for t in child.subtree)
                drop.add(mark.i - 1)
    return drop


def _finite_conjuncts(root: Token) -> set[int]:
    """ "no more hostages will be released ..., and is expected to push for ...": a conjunct
    with no subject and another finite auxiliary belongs to the reporting clause (dropped, with
    the conjunction and comma just before it)."""
    root_aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    drop: set[int] = set()
    for child in root.children:
        if child.dep_ != "conj" or child.i < root.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        aux = [c for c in child.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBD", "VBP", "MD")]
        if aux and not {a.lower_ for a in aux} & root_aux:
            cc = [c for c in root.children if c.dep_ in ("cc", "punct") and root.i < c.i < child.i]
            drop.update(t.i for t in child.subtree)
            drop.update(c.i for c in cc if c.i >= child.left_edge.i - 2)
    return drop


def _report_of_its_own(t: Token, root: Token, index: DocIndex) -> Token | None:
    """The comma or conjunction before ``t`` when ``t`` is a coordinated or participial
    reporting verb with no subject or mark of its own ("it says X and accuses Y of Z", "vowed
    X, ruling out Y"), which is a quote of its own; ``None`` otherwise."""
    if t.dep_ not in ("conj", "advcl") or index.cue(t) is None:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children) or continues_infinitive(root, t):
        return None
    before = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    if before is None or before.text not in (",", "and", "but"):
        return None
    return before


def without_reports(root: Token, index: DocIndex) -> list[Token]:
    """The subtree of ``root`` minus reports of their own that hang off it.

    "it says X and accuses Y of Z" and "vowed X, ruling out Y" are two quotes
    each: a coordinated or participial reporting verb with no subject of its
    own leaves the content. A report nested inside the content ("in protest at
    what they said was ...") stays in it.
    """
    if too_long(root):
        return []
    drop = _concessive_asides(root) | _finite_conjuncts(root)
    for t in root.subtree:
        if t.i == root.i or t.i in drop:
            continue
        before = _report_of_its_own(t, root, index)
        if before is not None:
            drop.update(x.i for x in t.subtree)
            drop.add(before.i)
    return [t for t in root.subtree if t.i not in drop]


def _drop_that(tokens: list[Token]) -> list[Token]:
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and (
        ordered[0].is_punct
        or (
            ordered[0].lower_ in ("that", "whether")
            and ordered[0].dep_ in ("mark", "advmod", "nsubj")
            and len(ordered) > 2
        )
    ):
        ordered = ordered[1:]
    return ordered


def _pieces(index: DocIndex, tokens: list[Token]) -> list[tuple[int, int]]:
    pieces = []
    for start, end in runs(tokens):
        start, end = trim(index.text, start, end, keep_marks=True)
        if end - start > 1:
            pieces.append((start, end))
    return pieces


_DATELINE = re.compile(r"[A-Z][A-Z/ ,.()'\-]{1,60}?\s*(\([^)]{1,40}\))?\s*[\u2014\u2013:-]+\s+")


def _skip_dateline(index: DocIndex, start: int, end: int) -> tuple[int, int]:
    """Drop a leading dateline ("CAIRO/JERUSALEM — ", "TEL AVIV (Agencies): ")."""
    if start != index.lines[index.paragraph(start)]:
        return start, end
    match = _DATELINE.match(index.text, start, end)
    if match is not None and match.end() < end:
        return match.end(), end
    return start, end


def _inside_marks(index: DocIndex, hit: list[int], pieces: list[tuple[int, int]]) -> int:
    """How many content characters lie inside the passages ``hit``."""
    return sum(max(0, min(b, d) - max(a, c)) for k in hit for a, b in index.passages[k].pieces for c, d in pieces)


def _words_outside(index: DocIndex, hit: list[int], pieces: list[tuple[int, int]]) -> int:
    """How many letters and digits of the content lie outside the passages ``hit``."""
    inner = sorted((a, b) for h in hit for a, b in index.passages[h].pieces)
    text = index.text
    count = 0
    for c, d in pieces:
        at = c  # the first character of [c, d) not yet counted or skipped
        for a, b in inner:
            if b <= at or a >= d:
                continue
            count += _alnum(text, at, min(a, d))
            at = max(at, b)
        count += _alnum(text, at, d)
    return count


def _alnum(text: str, start: int, end: int) -> int:
    """How many letters and digits ``text[start:end]`` holds (0 for an empty range)."""
    return sum(1 for ch in text[start:end] if ch.isalnum()) if start < end else 0


def classify(index: DocIndex, pieces: list[tuple[int, int]]) -> tuple[QuoteKind, list[tuple[int, int]], list[int]]:
    """Decide direct / mixed / indirect from the quoted passages the content overlaps: direct
    when 80% of it is inside marks and at most two letters are outside."""
    start, end = pieces[0][0], pieces[-1][1]
    hit = [k for k, p in enumerate(index.passages) if p.open < end and p.close >= start]
    if not hit:
        return QuoteKind.INDIRECT, pieces, []
    total = sum(b - a for a, b in pieces)
    if total and _inside_marks(index, hit, pieces) / total >= 0.8 and _words_outside(index, hit, pieces) <= 2:
        direct = [piece for k in hit for piece in index.passages[k].pieces]
        return QuoteKind.DIRECT, direct, hit
    # a mixed quote runs to the closing mark of a fragment it opens
    last = index.passages[hit[-1]]
    if last.close >= pieces[-1][1] and index.paragraph(last.close) == index.paragraph(pieces[-1][0]):
        a, _ = pieces[-1]
        pieces = [*pieces[:-1], (a, last.close + 1)]
    return QuoteKind.MIXED, pieces, hit


def _outer_clause(index: DocIndex, tokens: list[Token]) -> list[Token]:
    """The tokens without the reports of their own that hang off their top token (see
    :func:`without_reports`); tokens outside the top's subtree stay."""
    top = min(tokens, key=lambda t: index.depth(t.i))
    keep = {t.i for t in without_reports(top, index)} | {t.i for t in tokens if not index.is_under(t.i, top.i)}
    return [t for t in tokens if t.i in keep]


def _writers_break(index: DocIndex, tokens: list[Token]) -> list[Token]:
    """Content after its cue ends at a semicolon outside marks ("Republicans said X; they only
    learned on Friday ...") and at an unpaired dash outside marks, which opens the writer's
    aside ("called on Obama to retaliate -- meddling the congressman said is …"); a pair of
    dashes is an inner one."""
    stop = next((t.i for t in tokens if t.text == ";" and index.in_passage(t.idx) is None), None)
    if stop is not None:
        tokens = [t for t in tokens if t.i < stop]
    dashes = [t.i for t in tokens if is_dash(t) and t.i > tokens[0].i and index.in_passage(t.idx) is None]
    if len(dashes) == 1:
        tokens = [t for t in tokens if t.i < dashes[0]]
    return tokens


def _own_paragraph(index: DocIndex, tokens: list[Token], cue_token: int, source: Token | None) -> list[Token]:
    """The tokens in the cue's paragraph, without the cue and its source's mention."""
    banned = {cue_token}
    if source is not None:
        m0, m1 = mention_range(source)
        banned.update(range(m0, m1))
    para = index.paragraph(index.doc[cue_token].idx)
    return [t for t in tokens if t.i not in banned and index.paragraph(t.idx) == para]


def _content_tokens(index: DocIndex, tokens: list[Token], cue_token: int, source: Token | None) -> list[Token] | None:
    """A cue's content, trimmed of what is not the quote, or ``None`` (see the helpers above)."""
    if len(tokens) > MAX_CLAUSE_TOKENS:
        return None  # a pathological span is no quote (see MAX_CLAUSE_TOKENS)
    tokens = _drop_that(_outer_clause(index, tokens) if tokens else tokens)
    if not tokens:
        return None
    if tokens[0].i > cue_token:
        tokens = _writers_break(index, tokens)
    return _own_paragraph(index, tokens, cue_token, source)


def candidate(
    index: DocIndex,
    tokens: list[Token],
    cue: tuple[int, int],
    cue_token: int,
    source: Token | None,
    *,
    rule: str,
    frame: str,
) -> Candidate | None:
    """A quote of ``rule`` from a cue's content tokens: pieces of text (a leading dateline
    skipped), at least ``MIN_CONTENT_CHARS`` long, its kind read from the marks inside."""
    found = _content_tokens(index, tokens, cue_token, source) if index.allows(rule) else None
    pieces = _pieces(index, found) if found else []
    if pieces:
        pieces[0] = _skip_dateline(index, *pieces[0])
    if not pieces or sum(b - a for a, b in pieces) < MIN_CONTENT_CHARS:
        return None
    kind, pieces, hit = classify(index, pieces)
    return Candidate(
        kind=kind,
        pieces=pieces,
        cue=cue,
        cue_token=cue_token,
        mention=None if source is None else mention_range(source),
        passages=hit,
        rule=rule,
        frame=frame,
    )
