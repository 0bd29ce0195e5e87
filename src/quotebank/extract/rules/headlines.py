"""Name-and-colon lines: headline claims ("Sanders: Clinton needs to …") and transcript turns."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotebank.extract._base import (
    Candidate,
    DocIndex,
    trim,
)
from quotebank.extract.content import (
    MIN_CONTENT_CHARS,
    classify,
)
from quotebank.extract.rules._rule import Example, Rule
from quotebank.model import QuoteKind

__all__ = ["FAMILY", "RULES", "find"]

FAMILY = "headlines"

RULES = (
    Rule(
        name="colon_headline",
        family=FAMILY,
        summary="Sanders: Clinton needs to … — a headline claim after a name the registry or the recogniser knows.",
        handles=("name colon",),
        examples=(
            Example(
                text="Sanders: Clinton needs to release her speeches",
                quote="Clinton needs to release her speeches",
            ),
            Example(
                text="Obama: Congress has to act on guns now\nThe president spoke on Sunday.",
                quote="Congress has to act on guns now",
            ),
            Example(text="Economy: Growth slows in the third quarter"),
        ),
    ),
    Rule(
        name="transcript",
        family=FAMILY,
        summary="TRUMP: We're going to … — a transcript line: verbatim speech after a name in capitals.",
        handles=("capitals colon",),
        examples=(
            Example(
                text="TRUMP: We're going to build a wall.\nCLINTON: That is not a plan.",
                quote="We're going to build a wall.",
            ),
            Example(
                text="TRUMP: We're going to build a wall.\nCLINTON: That is not a plan.",
                quote="That is not a plan.",
            ),
            Example(text="UPDATE: The road is closed until further notice."),
        ),
    ),
)


_MAX_HEADLINE_WORDS = 20


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


def _line_colon(index: DocIndex, first: int) -> int | None:
    """The colon within the first ten tokens of a line, before its sentence or line ends."""
    words, ends = index.lower_words, index.sent_ends
    for j in range(first, min(first + 10, len(words))):
        if words[j] == ":":
            return j
        if words[j] == "\n" or ends[j]:
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
    if b - a < MIN_CONTENT_CHARS or not (transcript or 3 <= words <= _MAX_HEADLINE_WORDS):
        return None
    return a, b


def _colon_line(index: DocIndex, first: int) -> Candidate | None:
    """``Name: claim`` on one line starting at token ``first``, or ``None``."""
    doc = index.doc
    colon = _line_colon(index, first)
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
    kind, pieces, hit = (QuoteKind.DIRECT, [span], []) if transcript else classify(index, [span])
    return Candidate(kind=kind, pieces=pieces, mention=(first, name.end), passages=hit, rule=rule, frame="colon")


def find(index: DocIndex) -> list[Candidate]:
    """``Name: claim`` at the start of a line (headline form), with no marks."""
    out = []
    for line_start in index.lines:
        first = _line_opening(index, line_start)
        found = None if first is None else _colon_line(index, first)
        if found is not None:
            out.append(found)
    return out
