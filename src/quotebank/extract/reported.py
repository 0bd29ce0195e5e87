"""Reported speech: indirect and mixed quotes governed by a reporting cue.

A reporting cue from ``reporting.toml`` governs its content through the
dependency parse, in one of the frames the lexicon gives it:

* ``clause``: ``X said (that) <clause>`` and the inverted ``<clause>, X said``;
* ``to``: ``X vowed to <verb phrase>``;
* ``object_to``: ``X urged Y to <verb phrase>`` (Y is not content);
* ``of``: ``X accused Y of <clause>``;
* ``for``: ``X called for <noun phrase>``;
* ``object``: ``X threatened <noun phrase>``;
* source phrases: ``<clause>, according to X``.

When the content is (almost) wholly inside quotation marks the quote is
direct; when it holds a quoted fragment it is mixed; otherwise indirect.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotebank.extract._base import (
    SENT_END,
    Candidate,
    DocIndex,
    is_dash,
    mention_range,
    noun_subject,
    runs,
    subject_of,
    trim,
)
from quotebank.extract.rules import families
from quotebank.lexicons import ReportingVerb
from quotebank.model import QuoteKind

__all__ = ["find_reported", "find_verb_cues"]

_MIN_CONTENT_CHARS = 8
_MAX_HEADLINE_WORDS = 20
_THAT_DEPS = frozenset({"mark", "advmod", "nsubj"})
_CONCESSIVE = frozenset({"although", "though", "whereas"})
_SUBORDINATORS = frozenset(
    {"if", "when", "as", "because", "although", "though", "while", "after", "before", "since", "until", "unless"}
)
_NONFINITE_DEPS = frozenset({"csubj", "csubjpass", "xcomp", "pcomp", "ccomp"})
"""Where a non-finite verb is a complement, so that a verb conjoined to it shares its frame."""
_OPEN_MARKS = "\"'\u201c\u2018\u00ab\u201e"
_PHRASE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "npadvmod", "prep"})
"""What may stand between a parenthetical cue's source and its verb ("X has also argued")."""


def _second_that_clause(verb: Token, first: Token, index: DocIndex) -> list[Token]:
    """ "said Israel wanted a deal, but that if Hamas refused, the army would go in": a
    conjunct of the reporting verb opened by "that" is a second complement of the same report,
    so the content runs on through it (with the "but" and the comma before it)."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < first.i or index.cue(conj) is not None:
            continue
        that = conj.left_edge
        if that.lower_ != "that" or that.dep_ != "mark" or that.head.i != conj.i:
            continue
        doc = verb.doc
        gap = doc[first.right_edge.i + 1 : that.i]
        if len(gap) <= 2 and all(t.is_punct or t.dep_ == "cc" for t in gap):
            return [*gap, *_without_reports(conj, index)]
    return []


def _complement_clause(verb: Token, index: DocIndex, addressee: bool) -> list[Token] | None:
    """The verb's first complement clause (after it, else before it), with a second "that"
    clause; "said people in Rafah ... “cannot vanish”": a subject misparsed as the verb's object
    joins the clause."""
    ccomps = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: (c.i < verb.i, c.i))
    if not ccomps:
        return None
    child = ccomps[0]
    tokens = _without_reports(child, index)
    if child.i > verb.i and not addressee:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < child.i), None)
        if obj is not None and obj.left_edge.i == verb.i + 1:
            tokens = list(verb.doc[obj.left_edge.i : child.i]) + tokens
    return tokens + _second_that_clause(verb, child, index)


def _complement_as_advcl(verb: Token, child: Token) -> bool:
    """A clause after the verb the parser called an adverbial one that is its complement:
    opened by "that" ("tweeted ... that Machado was ..."), or with a subject of its own and no
    conjunction ("said after the convention he would not accept ...", but not "after he left",
    "because ...")."""
    if child.dep_ != "advcl" or child.i < verb.i:
        return False
    first = child.left_edge
    if first.lower_ == "that":
        return True
    kids = list(child.children)
    return (
        not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in kids)
        and first.tag_ not in ("WRB", "WDT", "WP", "TO")
        and (first.tag_ != "IN" or first.dep_ == "prep")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i for c in kids)
        and first.i > verb.i
        and verb.doc[first.i - 1].text != ","
    )


def _clause_content(verb: Token, index: DocIndex, addressee: bool) -> list[Token] | None:
    """The clause a verb reports: its complement clause, an adverbial clause that is one, or
    a "that" clause a few words on (see :func:`_late_that`)."""
    found = _complement_clause(verb, index, addressee)
    if found is not None:
        return found
    for child in verb.children:
        if _complement_as_advcl(verb, child):
            return _without_reports(child, index)
    return _late_that(verb)


def _bare_or_as(verb: Token) -> bool:
    """No subordinating conjunction, or an "as" whose verb has no complement of its own
    ("…, as the memo put it" reports; "…, as the conflict shows no signs of ending" does not)."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if not marks:
        return True
    if any(m.lower_ != "as" for m in marks):
        return False
    return not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp") and c.lower_ != "it" for c in verb.children
    )


_ASIDE_DEPS = frozenset({"parataxis", "ccomp", "advcl"})


def _reports_forward(verb: Token) -> bool:
    """ "Clinton celebrated in Florida, declaring …": a participle with no subject and no "as"
    reports what follows it, not what precedes it."""
    return (
        verb.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _between_commas(verb: Token) -> tuple[int, int] | None:
    """The first and last word of the cue's phrase when a comma stands on each side of it."""
    doc = verb.doc
    first, last = _first_word(verb), verb.right_edge.i
    while last > first and doc[last].is_punct:
        last -= 1
    if first > 0 and doc[first - 1].text == "," and last + 1 < len(doc) and doc[last + 1].text == ",":
        return first, last
    return None


def _aside_on_later_verb(verb: Token) -> list[Token] | None:
    """Parenthetical "<content>, X said, <content>" hung on the clause's later verb: both sides
    are the content ("The bridge, as X said, has …" hangs on the noun instead)."""
    head = verb.head
    commas = _between_commas(verb)
    if verb.dep_ not in _ASIDE_DEPS or head.i <= verb.i or head.pos_ not in ("VERB", "AUX") or commas is None:
        return None
    if not _bare_or_as(verb):
        return None
    own = {t.i for t in verb.subtree} | {commas[0] - 1, commas[1] + 1}
    return [t for t in head.subtree if t.i not in own]


def _after_content(verb: Token) -> list[Token] | None:
    """Inverted "<content>, X said" (or after a dash): the cue hangs off the content's root
    before it; a cue hung on a noun subject ("The bridge, as one engineer said, has …") is
    read as a parenthetical."""
    head = verb.head
    first = _first_word(verb)
    if verb.dep_ not in _ASIDE_DEPS or not (head.i < verb.i) or not _bare_or_as(verb) or first == 0:
        return None
    if verb.doc[first - 1].text not in (",", "\u2014", "\u2013", "-"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        found = _parenthetical(verb)
        if found:
            return found
    own = {t.i for t in verb.subtree}
    return [t for t in head.subtree if t.i not in own and t.i < verb.left_edge.i] or None


def _inverted_content(verb: Token) -> list[Token] | None:
    """The content of an inverted or parenthetical cue: ``<content>, X said``, ``<A>, X said, <B>``."""
    if _reports_forward(verb):
        return None
    aside = _aside_on_later_verb(verb)
    if aside is not None:
        return aside  # even when empty: then no other reading of this cue is tried
    return _after_content(verb) or _as_opening(verb) or _parenthetical(verb)


def _opening_as_clause(verb: Token) -> bool:
    """An "as" clause before its head, followed by a comma, with no complement of its own and
    not "As X joked with Y, …"."""
    first, end = verb.left_edge, verb.right_edge.i
    doc = verb.doc
    return (
        verb.dep_ == "advcl"
        and verb.head.i >= verb.i
        and first.lower_ == "as"
        and first.dep_ == "mark"
        and end + 1 < len(doc)
        and doc[end + 1].text == ","
        and _bare_or_as(verb)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    )


def _as_opening(verb: Token) -> list[Token] | None:
    """ "As Netanyahu said on Sunday, <content>", "As reported by the Post, <content>": an
    opening "as" clause with no complement of its own attributes the clause it opens."""
    if not _opening_as_clause(verb):
        return None
    head, first, end = verb.head, verb.left_edge, verb.right_edge.i
    if any(t.i < first.i and t.dep_ != "cc" and not t.is_punct for t in head.subtree):
        return None  # "…, as X said, …" mid-sentence is the parenthetical form
    own = {t.i for t in verb.subtree} | {end + 1}
    content = [t for t in head.subtree if t.i not in own and t.i > end]
    return content if sum(1 for t in content if t.is_alpha) >= 3 else None


def _as_source(verb: Token) -> Token | None:
    """The source of a passive "as" cue: "as reported by the Post", "as stated in the memo"."""
    if verb.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "in")):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _path_up(token: Token, top: Token, limit: int = 12) -> list[Token] | None:
    """``token`` and its heads below ``top`` (which must be above it), or ``None`` when the
    path is longer than ``limit``: a word after a cue that hangs a dozen levels down is no
    part of a short ``X argues`` phrase, and the walk stays bounded on pathological parses."""
    path: list[Token] = []
    while token.i != top.i:
        if len(path) == limit or token.head.i == token.i:
            return None
        path.append(token)
        token = token.head
    return path


_MAX_SOURCE_TOKENS = 60
"""Most tokens of the source in a parenthetical ``<A>, X argues, <B>``."""


def _subject_before(verb: Token) -> Token | None:
    """The cue's last subject before it, unless the source sits in an "as" phrase ("Hawaii, as
    one adviser pointed out, …")."""
    subject = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None)
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i), None)
    if as_phrase is not None and as_phrase.right_edge.i == verb.i - 1 and (subject is None or subject.i < as_phrase.i):
        return None
    return subject


def _parenthetical_source(verb: Token) -> Span | None:
    """The source words of ``<A>, X argues, <B>``: the subject's phrase (after its last comma:
    "To understand Dred Scott, Chief Justice Roberts said, …" with the name as an apposition)
    or the words before the cue; at most ``_MAX_SOURCE_TOKENS``, with no verb, and not at the
    very start of the text."""
    doc = verb.doc
    subject = _subject_before(verb)
    words = _source_words(verb) if subject is None else doc[subject.left_edge.i : subject.right_edge.i + 1]
    if words is None or len(words) > _MAX_SOURCE_TOKENS:
        return None  # no source between two commas runs on for a paragraph
    if subject is not None:
        commas = [t.i for t in words if t.text == ","]
        if commas:
            words = doc[commas[-1] + 1 : words.end]
    if words.start < 2 or not len(words) or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return words


def _phrase_end(verb: Token) -> int | None:
    """The last token of the cue's short phrase ("argues", "said on Sunday"): up to six words
    after it that hang below it, none opening a complement, object or clause of its own."""
    doc = verb.doc
    hi = verb.i
    while hi + 1 < len(doc) and hi - verb.i < 6 and doc[hi + 1].text != "," and doc[hi + 1].text not in SENT_END:
        nxt = doc[hi + 1]
        path = _path_up(nxt, verb) if _is_under(nxt, verb) else None
        if path is None or any(a.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj") and a.i > verb.i for a in path):
            return None
        hi += 1
    return hi


def _phrase_span(verb: Token, words: Span) -> tuple[int, int] | None:
    """The tokens ``[lo, hi]`` of the phrase ``X argues`` (with a leading "as"), when only
    the source and words hanging off the cue lie between them."""
    doc = verb.doc
    if not all(doc[k].head.i == verb.i and doc[k].dep_ in _PHRASE_DEPS for k in range(words.end, verb.i)):
        return None
    lo = words.start
    if doc[lo - 1].lower_ == "as" and doc[lo - 1].head.i == verb.i:
        lo -= 1  # "…, as one adviser pointed out, …"
    hi = _phrase_end(verb)
    return None if hi is None else (lo, hi)


def _sentence_root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def _around_phrase(root: Token, lo: int, hi: int) -> list[Token] | None:
    """The content around a phrase between commas: the sentence without it, with words on
    both sides (at least one before, two after, four in all); a phrase closing the sentence
    takes the fragment before it; a quotation right after the phrase is not this rule's."""
    doc = root.doc
    if doc[lo - 1].text == "," and (hi + 1 == len(doc) or doc[hi + 1].text in SENT_END):
        return _fragment_before(root, lo - 1)
    if hi + 2 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if doc[hi + 2].text[:1] in _OPEN_MARKS:
        return None  # "Asked about it, O'Neill said, “…”": the cue introduces a quotation
    sentence = [t for t in root.subtree if not lo - 1 <= t.i <= hi + 1]
    before = sum(1 for t in sentence if t.i < lo and t.is_alpha)
    after = sum(1 for t in sentence if t.i > hi and t.is_alpha)
    if before < 1 or after < 2 or before + after < 4:
        return None
    return sentence


def _parenthetical(verb: Token) -> list[Token] | None:
    """ "<A>, X argues, <B>" whatever the parse: the words between two commas are only the
    source and the cue (the parser may hang ``A`` on the cue, the source on ``A``, or make
    the cue the root), and the sentence around them is the content."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "ROOT"):
        return None
    words = _parenthetical_source(verb)
    span = None if words is None else _phrase_span(verb, words)
    if span is None:
        return None
    root = _sentence_root(verb)
    if _too_long(root):
        return None  # the content is the whole sentence: a pathological one is no quote
    return _around_phrase(root, *span)


def _fragment_before(root: Token, comma: int) -> list[Token] | None:
    """ "Language unclear on whether …, experts say.": the words before a sentence-final cue,
    which the parser may hang on it as a fragment, when they read as a claim."""
    left = [t for t in root.subtree if t.i < comma]
    lead = next((t for t in left if t.dep_ != "cc" and not t.is_punct), None)
    if (
        lead is None
        or sum(1 for t in left if t.is_alpha) < 3
        or lead.pos_ == "ADP"  # "In primary after primary this cycle, …" is no claim
        or left[0].i != root.left_edge.i
        or lead.dep_ == "mark"
        or lead.lower_ in _SUBORDINATORS
    ):
        return None
    return left


def _late_that(verb: Token) -> list[Token] | None:
    """ "reported at the time that …" parsed as a relative clause on "time": the clause
    after a ``that`` a few words on, past only an object and adverbial phrases."""
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 15, len(doc))):
        t = doc[j]
        if t.lower_ == "that" and t.dep_ in ("mark", "advmod") and t.head.i > t.i:
            clause = t.head
            if clause.pos_ in ("VERB", "AUX") and _is_under(clause, verb):
                return [x for x in clause.subtree if x.i > t.i]
            return None
        if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or (t.is_punct and t.text != ","):
            return None
    return None


def _is_under(token: Token, top: Token) -> bool:
    return token.i == top.i or any(a.i == top.i for a in token.ancestors)


def _first_word(verb: Token) -> int:
    """Index of the first token of the verb's phrase that is not punctuation."""
    return next((t.i for t in verb.subtree if not t.is_punct), verb.i)


def _continues_infinitive(root: Token, conj: Token) -> bool:
    """A non-finite verb conjoined to another of its form shares its frame: "called on Israel to
    drop its plans and agree to a halt" (a bare verb after a "to" infinitive), "signing the truce
    and calling off the offensive is the only path" (two gerunds as one subject). It is more of
    the same content, not a report of its own."""
    head = conj.head
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return conj.tag_ in ("VB", "VBP") and (head.i == root.i or head.dep_ in _NONFINITE_DEPS)
    return head.tag_ == "VBG" == conj.tag_ and head.dep_ in _NONFINITE_DEPS


# Reported content longer than this many tokens is no quote: the longest sentence in 300
# PolNeAR articles has 233 tokens, while a page of unclosed marks or a JSON blob parses into
# one "sentence" of thousands, whose every cue would otherwise take all the rest as content
# (a scan per cue: quadratic time).
MAX_CLAUSE_TOKENS = 400


def _too_long(root: Token) -> bool:
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
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children) or _continues_infinitive(root, t):
        return None
    before = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    if before is None or before.text not in (",", "and", "but"):
        return None
    return before


def _without_reports(root: Token, index: DocIndex) -> list[Token]:
    """The subtree of ``root`` minus reports of their own that hang off it.

    "it says X and accuses Y of Z" and "vowed X, ruling out Y" are two quotes
    each: a coordinated or participial reporting verb with no subject of its
    own leaves the content. A report nested inside the content ("in protest at
    what they said was ...") stays in it.
    """
    if _too_long(root):
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


def _source_words(verb: Token) -> Span | None:
    """The words right before an inverted cue whose parse lost its subject, back to punctuation."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("aux", "advmod", "neg"):
        i -= 1
    stop = i
    while i >= 0 and not doc[i].is_punct and doc[i].text not in ("\n",):
        i -= 1
    tokens = doc[i + 1 : stop + 1]
    if len(tokens) > 1 and tokens[0].lower_ == "as":
        tokens = tokens[1:]  # "…, as one adviser pointed out, …" parsed with "as" as a preposition
    if not len(tokens) or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
        return None
    if tokens[0].dep_ in ("cc",):
        return None
    return tokens


def _inverted_source(verb: Token) -> Token | None:
    """The noun phrase right before an inverted cue whose parse lost its subject."""
    words = _source_words(verb)
    if words is None:
        return None
    if words.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return words.root
    return next(t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON"))


def _finite_conjuncts_in(subtree: list[Token]) -> set[int]:
    """A finite conjunct cannot continue an infinitive ("to fight on ... and has made ..."):
    the conjuncts with a finite auxiliary, and their conjunctions."""
    finite: set[int] = set()
    for t in subtree:
        if t.dep_ == "conj" and any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBD", "VBP") for c in t.children
        ):
            finite.update(x.i for x in t.subtree)
            finite.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    return finite


def _to_content(verb: Token) -> list[Token] | None:
    """The "to" infinitive after the verb ("promised to rebuild", "urged them to leave"), from
    its "to" on, without finite conjuncts."""
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.i < verb.i:
            continue
        subtree = list(child.subtree)
        to = next((t for t in subtree if t.dep_ == "aux" and t.lower_ == "to" and t.head.i == child.i), None)
        if to is not None:
            finite = _finite_conjuncts_in(subtree)
            return [t for t in subtree if t.i >= to.i and t.i not in finite]
    return None


def _prep_content(verb: Token, prep: str) -> list[Token] | None:
    # "accuses Hamas fighters of hiding": the prepositional phrase may hang off the object
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(g for o in objects for g in o.children)]:
        if child.dep_ in ("prep", "prt") and child.lower_ == prep:
            tokens = [t for t in child.subtree if t.i != child.i]
            if tokens:
                return _extend(verb, tokens)
            # particle parse ("called for" with prt): content is the object or clause after it
            for other in verb.children:
                if other.dep_ in ("dobj", "pobj", "ccomp", "xcomp") and other.i > child.i:
                    return list(other.subtree)
    return None


def _extend(verb: Token, tokens: list[Token]) -> list[Token]:
    """Add what follows the content inside the verb phrase ("... until all his aims are achieved")."""
    stop = max(t.i for t in tokens)
    for other in sorted(verb.children, key=lambda t: t.i):
        participle = other.dep_ == "advcl" and other.tag_ == "VBG"
        if participle and not any(c.dep_ in ("mark", "nsubj") for c in other.children):
            continue  # "called for an inquiry, looping the streets …": a participle describes the callers
        if other.i > stop and other.dep_ in ("prep", "advcl", "npadvmod"):
            extra = sorted(other.subtree, key=lambda t: t.i)
            gap = verb.doc[stop + 1 : extra[0].i]
            if all(t.is_punct for t in gap) and len(gap) <= 1:
                tokens = [*tokens, *gap, *extra]
                stop = extra[-1].i
    return tokens


def _object_content(verb: Token) -> list[Token] | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i:
            return _extend(verb, list(child.subtree))
    for child in verb.children:
        # a gerund object: "proposed dropping the tax", parsed as a clausal complement
        if child.dep_ in ("xcomp", "ccomp") and child.i == verb.i + 1 and child.tag_ == "VBG":
            return _extend(verb, list(child.subtree))
    return None


Found = tuple[list[Token], str]
"""A cue's content tokens and the frame that gave them."""


def _particle_content(
    verb: Token, frames: frozenset[str], particle: Token, index: DocIndex
) -> tuple[bool, Found | None]:
    """The content a two-word cue's second word decides ("called for", "made clear that"), and
    whether it decided: ``(False, None)`` leaves the cue to its other frames."""
    if particle.dep_ == "mark" and "for" in frames:
        return True, ([t for t in particle.head.subtree if t.i != particle.i], "for")
    if particle.lower_ == "for" and "for" in frames:
        found = _prep_content(verb, "for")
        if found:
            return True, (found, "for")
    if particle.pos_ == "ADJ" and "clause" in frames:
        clause = _predicate_content(verb, particle, index)
        return True, None if clause is None else (clause, "clause")
    return False, None


def _predicate_content(verb: Token, adjective: Token, index: DocIndex) -> list[Token] | None:
    """The clause of "made clear that …" / "made it clear he …": a complement clause of the
    verb or of the adjective, with a subject of its own (not "made clear his opposition")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > adjective.i]
    clauses += [c for c in adjective.children if c.dep_ in ("ccomp", "advcl", "csubj") and c.i > adjective.i]
    for clause in sorted(clauses, key=lambda c: c.i):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return _without_reports(clause, index)
    return None


def _small_clause(verb: Token) -> list[Token] | None:
    """ "X called Y a mistake", "X described Y as “unhinged”", "X blasted Y for being …":
    the object and what it is said to be, when X is there to say it."""
    if verb.dep_ in ("acl", "amod") or subject_of(verb) is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    preds = [c for c in verb.children if c.i > obj.i and c.dep_ in ("oprd", "xcomp", "ccomp")]
    preds += [
        c for c in (*verb.children, *obj.children) if c.i > obj.i and c.dep_ == "prep" and c.lower_ in ("as", "for")
    ]
    if not preds:
        return None
    pred = min(preds, key=lambda c: c.i)
    return list(verb.doc[obj.left_edge.i : pred.right_edge.i + 1])


def _of_content(verb: Token) -> list[Token] | None:
    return _prep_content(verb, "of")


_LATER_FRAMES: tuple[tuple[str, Callable[[Token], list[Token] | None]], ...] = (
    # after the "to" frame: "..., promising to lift regulations" is no inverted report
    ("clause", _inverted_content),
    ("of", _of_content),
    ("object", _object_content),
    ("small_clause", _small_clause),
)
"""The frames tried after a complement clause and an infinitive, in this order."""


def _content(verb: Token, frames: frozenset[str], particle: Token | None, index: DocIndex) -> Found | None:
    """The content of a reporting verb in the first of its frames that gives one: the second
    word's frame, a complement clause (unless an infinitive comes nearer: "promising to lift
    regulations ― not what Graham had in mind"), an infinitive, then :data:`_LATER_FRAMES`."""
    if particle is not None:
        decided, found = _particle_content(verb, frames, particle, index)
        if decided:
            return found
    infinitive = _to_content(verb) if "object_to" in frames or "to" in frames else None
    if "clause" in frames:
        clause = _clause_content(verb, index, addressee="object_to" in frames)
        if clause and not (infinitive and min(t.i for t in infinitive) < min(t.i for t in clause)):
            return clause, "clause"
    if infinitive:
        return infinitive, "to"
    for frame, finder in _LATER_FRAMES:
        later = finder(verb) if frame in frames else None
        if later:
            return later, frame
    return None


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
    inner = [(a, b) for h in hit for a, b in index.passages[h].pieces]
    return sum(
        1 for c, d in pieces for k in range(c, d) if index.text[k].isalnum() and not any(a <= k < b for a, b in inner)
    )


def _classify(index: DocIndex, pieces: list[tuple[int, int]]) -> tuple[QuoteKind, list[tuple[int, int]], list[int]]:
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
    :func:`_without_reports`); tokens outside the top's subtree stay."""
    top = min(tokens, key=lambda t: index.depth(t.i))
    keep = {t.i for t in _without_reports(top, index)} | {t.i for t in tokens if not index.is_under(t.i, top.i)}
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


def _candidate(
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
    skipped), at least ``_MIN_CONTENT_CHARS`` long, its kind read from the marks inside."""
    found = _content_tokens(index, tokens, cue_token, source) if index.allows(rule) else None
    pieces = _pieces(index, found) if found else []
    if pieces:
        pieces[0] = _skip_dateline(index, *pieces[0])
    if not pieces or sum(b - a for a, b in pieces) < _MIN_CONTENT_CHARS:
        return None
    kind, pieces, hit = _classify(index, pieces)
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


def _phrase_starts(index: DocIndex, words: list[str]) -> list[int]:
    """The tokens where the source phrase ``words`` starts, outside quotation marks."""
    doc = index.doc
    lowered = index.lower_text
    n = len(words)
    starts = set()
    at = lowered.find(words[0])
    while at != -1:
        starts.add(index.token_at(at))
        at = lowered.find(words[0], at + 1)
    return [
        i
        for i in sorted(starts)
        if i + n <= len(doc) and [t.lower_ for t in doc[i : i + n]] == words and index.in_passage(doc[i].idx) is None
    ]


def _phrase_source(doc: Doc, i: int, n: int) -> Token | None:
    """The source of "according to X": the phrase's object, else the noun the next words head."""
    source = next((c for c in doc[i + n - 1].children if c.dep_ == "pobj"), None)
    if source is None and i + n < len(doc):
        source = doc[i + n]
        while source.dep_ in ("det", "amod", "compound", "nummod") and source.head.i > source.i:
            source = source.head
    return source


def _leading_comma(doc: Doc, i: int, sent: Span) -> int | None:
    """For a phrase opening its sentence ("According to X, <content>."), the comma after it."""
    if i != sent.start and not all(t.is_punct or t.is_space for t in doc[sent.start : i]):
        return None
    return next((t.i for t in doc[i : sent.end] if t.text == ","), None)


def _reporting_head(token: Token) -> Token:
    """The verb a source phrase hangs on (past the nouns, and to the first of conjoined verbs)."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head


def _phrase_quote(index: DocIndex, i: int, n: int) -> Candidate | None:
    """The quote of the source phrase at tokens ``[i, i + n)``: the words after its comma when it
    opens the sentence, else the clause it hangs on without the phrase and its source."""
    doc = index.doc
    last = doc[i + n - 1]
    cue = (doc[i].idx, last.idx + len(last.text))
    sent = _sentence(doc, i)
    comma = _leading_comma(doc, i, sent)
    if comma is not None:
        found = _candidate(
            index, list(doc[comma + 1 : sent.end]), cue, i, None, rule="according_to", frame="according_to"
        )
        if found is not None:
            found.mention = _phrase_before(doc, i + n, comma) if comma > i + n else None
        return found
    source = _phrase_source(doc, i, n)
    phrase_tokens = {t.i for t in doc[i].subtree} | set(range(i, i + n))
    if source is not None:
        phrase_tokens.update(t.i for t in source.subtree)
    head = _reporting_head(doc[i])
    tokens = [t for t in head.subtree if t.i not in phrase_tokens and sent.start <= t.i < sent.end]
    found = _candidate(index, tokens, cue, i, source, rule="according_to", frame="according_to")
    if found is not None:
        found.cue_token = i
    return found


def _according_to(index: DocIndex) -> list[Candidate]:
    """ "According to X, <content>" and "<content>, according to X" (``[[phrase]]`` of
    reporting.toml)."""
    out = []
    for phrase in index.lex.reporting.source_phrases:
        words = phrase.split()
        for i in _phrase_starts(index, words):
            found = _phrase_quote(index, i, len(words))
            if found is not None:
                out.append(found)
    return out


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``, found from its neighbours (``Token.sent`` walks the whole doc)."""
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _phrase_before(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """Token range ``[start, stop)`` trimmed of punctuation."""
    while stop > start and doc[stop - 1].is_punct:
        stop -= 1
    return start, stop


_MAX_TITLE_RUN = 8  # tokens in "Israeli Energy Minister Gilad Tzur" or "South Africa's Naledi Mokoena"
_RUN_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def _title_name_run(name: Span) -> bool:
    """A title and name before a headline colon ("White House aide Carla Jennings: ..."): up to
    eight words of nouns, adjectives, possessives and hyphens, no stop word, ending in a proper
    name (the model often tags a foreign name ORG); a longer head is a clause or a topic
    ("What the poll found: ...")."""
    if len(name) > _MAX_TITLE_RUN or name[-1].pos_ != "PROPN" or name[-1].ent_type_ not in ("PERSON", "ORG", ""):
        return False
    if not name[-1].text[:1].isupper() or not name[0].text[:1].isupper():
        return False
    for tok in name:
        if tok.tag_ == "POS" or tok.text in ("-", "."):
            continue
        if tok.pos_ not in _RUN_POS or (tok.is_stop and tok.pos_ != "PROPN"):
            return False
    return True


def _line_opening(index: DocIndex, line_start: int) -> int | None:
    """The first token of a line (past a transcript turn's opening mark: “PENCE: ...), or
    ``None`` when no token starts the line."""
    doc = index.doc
    first = index.token_at(line_start)
    if first >= len(doc) or doc[first].idx < line_start:
        return None
    if doc[first].text in ('"', "\u201c") and first + 1 < len(doc):
        first += 1
    return first


def _line_colon(doc: Doc, first: int) -> int | None:
    """The colon within the first ten tokens of a line, before its sentence or line ends."""
    for j in range(first, min(first + 10, len(doc))):
        t = doc[j]
        if t.text == ":":
            return j
        if t.text == "\n" or t.is_sent_end:
            return None
    return None


def _colon_head(doc: Doc, first: int, colon: int) -> Span | None:
    """The words before a line's colon that can name a speaker: up to "on" ("Obama on Climate
    Change: ..." names Obama), else at most four words or a title-and-name run."""
    name = doc[first:colon]
    on = next((tok.i for tok in name[1:4] if tok.lower_ == "on"), None)
    if on is not None:
        return doc[first:on]
    if len(name) > 4 and not _title_name_run(name):
        return None
    return name


def _proper_everywhere(name: Span, index: DocIndex) -> bool:
    """ "Sanders: Clinton needs to ..." with the headline's first word tagged a noun: a name
    the document uses as a proper noun elsewhere."""
    return all(tok.text in index.proper_words and tok.text[:1].isupper() and not tok.is_stop for tok in name)


def _names_a_speaker(name: Span, index: DocIndex) -> bool:
    """A head that names a speaker: a registry name, an entity, a short label in capitals
    ("PENCE"), an organisation noun alone ("Police: ..."), or a short proper name."""
    if not name:
        return False
    if index.known_name(name.text) or any(tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for tok in name):
        return True
    if name.text.isupper() and len(name) <= 3 and name.text.isalpha():
        return True
    if len(name) == 1 and name[0].lower_ in index.lex.references.org_heads:
        return True
    if len(name) > 3:
        return False
    # "Gallant: Hamas uninterested in deal": a short proper name the model did not tag
    return all(tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_stop for tok in name) or (
        _proper_everywhere(name, index)
    )


def _not_a_speaker(name: Span, head: Span, index: DocIndex) -> bool:
    """Heads that name no speaker: labels ("Update:", "VIDEO:", "Twitter: @name"), datelines
    ("TEL AVIV (Agencies):", "CAIRO:") and clauses (a verb in the head)."""
    if any(tok.lower_ in index.lex.references.labels for tok in head):
        return True
    if ")" in name.text or (name.text.isupper() and any(tok.ent_type_ in ("GPE", "LOC") for tok in name)):
        return True
    return any(tok.pos_ in ("VERB", "AUX") for tok in name)


def _colon_content(index: DocIndex, colon: Token, transcript: bool) -> tuple[int, int] | None:
    """The rest of the line after a speaker's colon, trimmed; a transcript line (verbatim
    speech) keeps its last stop as inside quotation marks; a headline claim has 3 to
    ``_MAX_HEADLINE_WORDS`` words."""
    text = index.text
    stop = text.find("\n", colon.idx)
    stop = len(text) if stop == -1 else stop
    a, b = trim(text, colon.idx + 1, stop, keep_marks=True)
    if transcript:
        while b < stop and text[b] in ".!?\u2026\u2014\u2013-":
            b += 1
    words = len(text[a:b].split())
    if b - a < _MIN_CONTENT_CHARS or not (transcript or 3 <= words <= _MAX_HEADLINE_WORDS):
        return None
    return a, b


def _colon_line(index: DocIndex, first: int) -> Candidate | None:
    """``Name: claim`` on one line starting at token ``first``, or ``None``."""
    doc = index.doc
    colon = _line_colon(doc, first)
    if colon is None:
        return None
    name = _colon_head(doc, first, colon)
    if name is None or not _names_a_speaker(name, index) or _not_a_speaker(name, doc[first:colon], index):
        return None
    if index.in_passage(doc[colon].idx + 2) is not None:
        return None  # "Name: “...”" is a direct quote, found by the direct extractor
    # "PENCE: Well, look, ..." is a transcript line: verbatim speech, a direct quote
    transcript = name.text.isupper() and len(name) <= 3
    rule = "transcript" if transcript else "colon_headline"
    span = _colon_content(index, doc[colon], transcript) if index.allows(rule) else None
    if span is None:
        return None
    # a headline claim with a quoted word ("The Trends Are 'Terrifying.'") is mixed
    kind, pieces, hit = (QuoteKind.DIRECT, [span], []) if transcript else _classify(index, [span])
    return Candidate(kind=kind, pieces=pieces, mention=(first, name.end), passages=hit, rule=rule, frame="colon")


def _colon_headlines(index: DocIndex) -> list[Candidate]:
    """``Name: claim`` at the start of a line (headline form), with no marks."""
    out = []
    for line_start in index.lines:
        first = _line_opening(index, line_start)
        found = None if first is None else _colon_line(index, first)
        if found is not None:
            out.append(found)
    return out


def _attributes_passage(index: DocIndex, verb: Token, source: Token | None) -> bool:
    """Whether the cue's clause follows a quotation that ends open (“…,” Warren told Stumpf)."""
    doc = index.doc
    first = verb.i if source is None else min(verb.i, source.left_edge.i)
    j = first - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].idx == 0:
        return False
    k = index.in_passage(doc[j].idx)
    if k is None or index.passages[k].close != doc[j].idx + len(doc[j].text) - 1:
        return False
    inner = index.text[index.passages[k].start : index.passages[k].end].rstrip()
    return bool(inner) and inner[-1] in ",?!\u2014\u2013-\u2026"


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


def _noun_cues(index: DocIndex) -> list[Candidate]:
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
        found = _candidate(index, content[0], cue, token.i, source, rule="noun_cue", frame=content[1])
        if found is not None:
            out.append(found)
    return out


VERB_RULES = {
    "clause": "clausal_complement",
    "to": "infinitive",
    "object_to": "infinitive",
    "for": "prepositional",
    "of": "prepositional",
    "object": "object",
    "small_clause": "object",
}
"""The rule each frame of a reporting verb belongs to (content before the cue: ``inverted``)."""


def verb_rule(frame: str, tokens: list[Token], cue: Token) -> str:
    """The registered rule of a reporting verb's quote: its frame's rule, or ``inverted`` for a
    clause that starts before the cue ("The plan is dead, she said", "The plan, she said, is dead")."""
    if frame == "clause" and tokens and min(t.i for t in tokens) < cue.i:
        return "inverted"
    return VERB_RULES.get(frame, "clausal_complement")


def _reports_nothing(
    index: DocIndex, cue: Token, verb: ReportingVerb, frame: str, tokens: list[Token], source: Token | None
) -> bool:
    """Readings of a cue that report nothing: a clause after a comma when the cue attributes
    the quotation before it (“…,” Warren told Stumpf, after he admitted …), a caption's source
    ("PHOTO SHOWS a man ..."), and an object frame whose subject the verb does not report with
    ("a poll shows a close race" reports; "the conflict shows no sign of ending" does not)."""
    if frame == "clause" and tokens and min(t.i for t in tokens) > cue.i:
        lead = index.doc[min(t.i for t in tokens) - 1]
        if lead.text == "," and _attributes_passage(index, cue, source):
            return True
    if source is not None and source.lower_ in index.lex.references.non_sources:
        return True
    limited = frame in ("object", "small_clause") and bool(verb.subjects)
    return limited and (source is None or source.lemma_.lower() not in verb.subjects)


def _clause_source(cue: Token, frame: str, tokens: list[Token], source: Token | None) -> Token | None:
    """The source of a clause frame: none when it lies inside its own content (a misparse:
    "Scott, Roberts said, …"), and for content before the cue, the inverted source."""
    if frame != "clause":
        return source
    if source is not None and any(t.i == source.i for t in tokens):
        source = None
    if source is None and tokens and min(t.i for t in tokens) < cue.i:
        source = _inverted_source(cue)
    return source


def _verb_quote(index: DocIndex, token: Token) -> Candidate | None:
    """The quote a reporting verb introduces, if ``token`` is one outside quotation marks."""
    found = index.cue(token)
    if found is None or index.in_passage(token.idx) is not None:
        return None
    verb, particle = found
    content = _content(token, verb.frames, particle, index)
    if content is None:
        return None
    tokens, frame = content
    source = _as_source(token) or subject_of(token, is_cue=index.is_cue) or noun_subject(token)
    if _reports_nothing(index, token, verb, frame, tokens, source):
        return None
    source = _clause_source(token, frame, tokens, source)
    rule = verb_rule(frame, tokens, token)
    return _candidate(index, tokens, index.cue_span(token, particle), token.i, source, rule=rule, frame=frame)


def find_verb_cues(index: DocIndex) -> list[Candidate]:
    """The quotes of the reporting verbs (the ``verb_cues`` rules)."""
    doc = index.doc
    return [c for i in index.cue_words if (c := _verb_quote(index, doc[i])) is not None]


def find_reported(index: DocIndex) -> list[Candidate]:
    """Find every reported quote (indirect, mixed, or direct through a governing cue).

    Runs the families of :data:`quotebank.extract.rules.REGISTRY` that need no quotation
    marks, in the registry's order: reporting verbs, reporting nouns, source phrases and
    name-and-colon lines.

    Args:
        index: the document's lookups.

    Returns:
        Candidates in no particular order; overlaps are settled by the caller.
    """
    finders = {
        "verb_cues": find_verb_cues,
        "noun_cues": _noun_cues,
        "according_to": _according_to,
        "headlines": _colon_headlines,
    }
    out: list[Candidate] = []
    for name in families():
        if name in finders:
            out.extend(finders[name](index))
    return out
