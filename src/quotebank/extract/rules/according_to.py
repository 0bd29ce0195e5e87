"""Source phrases: "According to X, …" and "…, according to X" (``[[phrase]]`` of reporting.toml)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotebank.extract._base import (
    Candidate,
    DocIndex,
)
from quotebank.extract.content import (
    candidate,
)
from quotebank.extract.rules._rule import Example, Rule

__all__ = ["FAMILY", "RULES", "find"]

FAMILY = "according_to"

RULES = (
    Rule(
        name="according_to",
        family=FAMILY,
        summary="According to X, <clause> / <clause>, according to X (``[phrases]`` of reporting.toml).",
        handles=("source phrase",),
        examples=(
            Example(
                text="According to the ministry, more than 300 people were wounded.",
                quote="more than 300 people were wounded",
            ),
            Example(text="The strike will continue, according to union leaders.", quote="The strike will continue"),
            Example(text="The strike will continue until the end of the month."),
        ),
    ),
)


def _phrase_starts(index: DocIndex, words: list[str]) -> list[int]:
    """The tokens where the source phrase ``words`` starts, outside quotation marks."""
    lowered, n = index.lower_words, len(words)
    return [
        i
        for i in index.tokens_lowered(words[0])
        if lowered[i : i + n] == words and index.in_passage(index.char_of(i)) is None
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
    sent = sentence_of(doc, i)
    comma = _leading_comma(doc, i, sent)
    if comma is not None:
        found = candidate(
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
    found = candidate(index, tokens, cue, i, source, rule="according_to", frame="according_to")
    if found is not None:
        found.cue_token = i
    return found


def find(index: DocIndex) -> list[Candidate]:
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


def sentence_of(doc: Doc, i: int) -> Span:
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
