"""Reporting verbs and their frames: ``X said (that) …``, ``…, X said``, ``X vowed to …``.

A verb of ``reporting.toml`` reports in the frames its entry lists; the frame that gives the
content names the rule:

* ``clause``: ``X said (that) <clause>`` (``clausal_complement``) and the inverted
  ``<clause>, X said`` or parenthetical ``<A>, X said, <B>`` (``inverted``);
* ``to`` / ``object_to``: ``X vowed to <verb phrase>``, ``X urged Y to <verb phrase>`` (``infinitive``);
* ``for`` / ``of``: ``X called for <noun phrase>``, ``X accused Y of <clause>`` (``prepositional``);
* ``object`` / ``small_clause``: ``X threatened <noun phrase>``, ``a poll shows <result>`` (``object``).

A passage in quotation marks inside the content makes the quote mixed, a content that is all
one passage makes it direct (:func:`quotebank.extract.content.classify`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from quotebank.extract._base import (
    SENT_END,
    Candidate,
    DocIndex,
    noun_subject,
    subject_of,
)
from quotebank.extract.content import (
    candidate,
    too_long,
    without_reports,
)
from quotebank.extract.rules._rule import Example, Rule
from quotebank.lexicons import ReportingVerb

__all__ = ["FAMILY", "RULES", "VERB_RULES", "find", "verb_rule"]

FAMILY = "verb_cues"

RULES = (
    Rule(
        name="clausal_complement",
        family=FAMILY,
        summary="X said (that) <clause>: the verb's complement clause after it, or a passage after its colon.",
        handles=("clause",),
        examples=(
            Example(
                text="The minister said that the border crossing would reopen on Monday.",
                quote="the border crossing would reopen on Monday",
            ),
            Example(
                text="Aid agencies warned the convoys could not reach the north before winter.",
                quote="the convoys could not reach the north before winter",
            ),
            Example(
                text='In a statement, the ministry said: "The border remains closed."',
                quote="The border remains closed.",
            ),
            Example(text="The spokesman said nothing about the talks."),
        ),
    ),
    Rule(
        name="inverted",
        family=FAMILY,
        summary="<content>, X said / <A>, X said, <B>: content before its cue, or around it.",
        handles=("clause", "marks before the cue"),
        examples=(
            Example(text="The talks have stalled, the mediator said on Tuesday.", quote="The talks have stalled"),
            Example(
                text="The offer, a senior official said, was never formally made.",
                quote="The offer was never formally made",
            ),
            Example(text='"We will rebuild the bridge," Maria Okafor said.', quote="We will rebuild the bridge,"),
            Example(text="The bridge, which opened in May, was closed again."),
        ),
    ),
    Rule(
        name="infinitive",
        family=FAMILY,
        summary="X promised to <act> / X urged Y to <act>: an infinitive after the verb or its object.",
        handles=("to", "object_to"),
        examples=(
            Example(
                text="The governor promised to rebuild the bridge within a year.",
                quote="to rebuild the bridge within a year",
            ),
            Example(text="The union urged its members to reject the offer.", quote="to reject the offer"),
            Example(text="The senator wanted to go home."),
        ),
    ),
    Rule(
        name="prepositional",
        family=FAMILY,
        summary="X called for <demand> / X spoke of <matter>: the object of the verb's preposition.",
        handles=("for", "of"),
        examples=(
            Example(text="Protesters called for an immediate end to the siege.", quote="an immediate end to the siege"),
            Example(
                text="The mayor called for calm after the floods.",
                quote="calm after the floods",
            ),
            Example(text="The report was published in the spring."),
        ),
    ),
    Rule(
        name="object",
        family=FAMILY,
        summary="X denied / described <object>, a poll shows <result>: the verb's object (limited subjects).",
        handles=("object", "small_clause"),
        examples=(
            Example(text="A new poll shows a close race in Ohio.", quote="a close race in Ohio"),
            Example(
                text='The coach described the game as "a nightmare".',
                quote='the game as "a nightmare"',
            ),
            Example(text="The conflict shows no sign of ending."),
        ),
    ),
)


_THAT_DEPS = frozenset({"mark", "advmod", "nsubj"})


_SUBORDINATORS = frozenset(
    {"if", "when", "as", "because", "although", "though", "while", "after", "before", "since", "until", "unless"}
)


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
            return [*gap, *without_reports(conj, index)]
    return []


def _complement_clause(verb: Token, index: DocIndex, addressee: bool) -> list[Token] | None:
    """The verb's first complement clause (after it, else before it), with a second "that"
    clause; "said people in Rafah ... “cannot vanish”": a subject misparsed as the verb's object
    joins the clause."""
    ccomps = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: (c.i < verb.i, c.i))
    if not ccomps:
        return None
    child = ccomps[0]
    tokens = without_reports(child, index)
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
            return without_reports(child, index)
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
    if too_long(root):
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
            return without_reports(clause, index)
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
    return candidate(index, tokens, index.cue_span(token, particle), token.i, source, rule=rule, frame=frame)


def find(index: DocIndex) -> list[Candidate]:
    """The quotes of the reporting verbs (the ``verb_cues`` rules)."""
    doc = index.doc
    return [c for i in index.cue_words if (c := _verb_quote(index, doc[i])) is not None]
