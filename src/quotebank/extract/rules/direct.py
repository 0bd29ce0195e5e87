"""Direct quotes: passages in quotation marks and the words that attribute them.

A quoted passage is attributed, in this order, by

* a cue after it in the same sentence (``“…,” Netanyahu said``; ``“…,” said X``);
* a cue before it that ends in a colon or comma (``He said, “…”``; ``X: “…”``);
* a dash after it (``“…” — Name``);
* a cue that governs it in the parse (``called the city “Hamas’ last stronghold”``);
* an earlier quote: a passage with no cue of its own continues the direct quote
  just before it (one more piece of the same quote), or, a paragraph or two on,
  is a new quote by the same speaker.

Short fragments with no attribution (scare quotes, titles, banners) are not quotes.

The order of :data:`RULES` is the order in which a passage tries them: the first that
attributes it wins (:data:`DIRECT_RULES` follows it).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from quotebank.extract._base import DASHES, SENT_END, Candidate, DocIndex, mention_range, subject_of
from quotebank.extract._marks import QuotedPassage
from quotebank.extract.rules._rule import Example, Rule
from quotebank.model import QuoteKind

__all__ = ["DIRECT_RULES", "FAMILY", "RULES", "attribute_passages"]

FAMILY = "direct"

RULES = (
    Rule(
        name="direct_cue_after",
        family=FAMILY,
        summary="“…,” X shouted / “…?” asked X: a cue right after the closing mark.",
        handles=("marks", "cue after"),
        examples=(
            Example(text='"Go home," he shouted at the crowd.', quote="Go home,"),
            Example(text='"Is it over?" asked the coach.', quote="Is it over?"),
            Example(text='"The road is long" is the title of her new book.'),
        ),
    ),
    Rule(
        name="direct_dash",
        family=FAMILY,
        summary="“…” — X: a name after a dash that follows the closing mark.",
        handles=("marks", "dash"),
        examples=(
            Example(text='"We will not leave our homes" — Amal Haddad', quote="We will not leave our homes"),
            Example(text='"We will not give up" — Maria Okafor, nurse', quote="We will not give up"),
            Example(text='"The war is over" — that was the headline in 1945.'),
        ),
    ),
    Rule(
        name="direct_cue_before",
        family=FAMILY,
        summary="X told them: “…”: a cue in the words before the opening mark and its colon or comma.",
        handles=("marks", "cue before"),
        examples=(
            Example(text='She told them: "Keep going."', quote="Keep going."),
            Example(
                text='The coach told his players: "Stay calm and keep the ball."', quote="Stay calm and keep the ball."
            ),
            Example(text='The bridge was closed on Monday, "until further notice".'),
        ),
    ),
    Rule(
        name="direct_colon",
        family=FAMILY,
        summary="X: “…”: a name and a colon before the opening mark.",
        handles=("marks", "name colon"),
        examples=(
            Example(text='Amal Haddad: "We will not leave our homes."', quote="We will not leave our homes."),
            Example(text='Maria Okafor: "The bridge will open in May."', quote="The bridge will open in May."),
            Example(text='Update: "The road is closed."'),
        ),
    ),
    Rule(
        name="direct_governed",
        family=FAMILY,
        summary="X called the plan “a disaster”: a passage inside a reporting verb's phrase.",
        handles=("marks", "governing cue"),
        examples=(
            Example(text='Critics called the plan "a disaster" in their review.', quote="a disaster"),
            Example(
                text='Critics branded the reform "a giveaway to the rich" in a letter.', quote="a giveaway to the rich"
            ),
            Example(text='The film "Oppenheimer" won seven awards.'),
        ),
    ),
    Rule(
        name="follow_on",
        family=FAMILY,
        summary="A passage with no cue of its own, soon after a direct quote: the same speaker goes on.",
        handles=("marks", "no cue"),
        examples=(
            Example(
                text=(
                    '"We will rebuild the bridge," Maria Okafor said.\n'
                    "The council met on Monday to discuss it for an hour.\n"
                    '"Nothing lasts forever, and nothing will stop us now."'
                ),
                quote="Nothing lasts forever, and nothing will stop us now.",
            ),
            Example(
                text=(
                    '"We will rebuild," Okafor said at the meeting on Monday, where the council voted on the '
                    "budget for next year and several residents spoke about the bridge.\n"
                    '"Nothing will stop us now, not the rain and not the cost."'
                ),
                quote="Nothing will stop us now, not the rain and not the cost.",
            ),
            Example(text='The bridge was closed on Monday.\n"Traffic is heavy."'),
        ),
    ),
)


_DASHES = DASHES | {"-"}  # "“…” - Name": a hyphen after a closing mark
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MIN_FOLLOW_WORDS = 4
_GOVERNED_DEPS = frozenset(
    {"dobj", "oprd", "attr", "ccomp", "xcomp", "appos", "npadvmod", "dep", "conj", "acomp", "pobj", "prep"}
)
_MAX_GAP_TOKENS = 25


_MAX_FRAME_TOKENS = 60
"""Most words of the frame read after (or before) a quotation: an attribution is near its
marks, and a line of short marked strings (a JSON blob) must not make each read the rest."""

_MAX_COLON_LINE = 12
"""Most tokens of a ``Headline words: “…”`` line before its colon."""


def _words(text: str) -> int:
    return len(text.split())


def _after_frame(index: DocIndex, passage: QuotedPassage) -> list[Token]:
    doc = index.doc
    out: list[Token] = []
    i = index.token_at(passage.close + 1)
    while i < len(doc) and doc[i].idx <= passage.close:
        i += 1
    para = index.paragraph(passage.close)
    while i < len(doc):
        t = doc[i]
        if index.paragraph(t.idx) != para:
            break
        k = index.in_passage(t.idx)
        if k is not None:
            # a nickname in marks inside the name (state Del. Marcia "Cia" Price) is part of the frame
            nick = index.passages[k]
            if nick.end - nick.start > 20 or len(index.text[nick.start : nick.end].split()) > 2 or not out:
                break
        if t.text in SENT_END or len(out) >= _MAX_FRAME_TOKENS:
            break
        if not t.is_space:
            out.append(t)
        i += 1
    return out


def _before_frame(index: DocIndex, passage: QuotedPassage) -> list[Token]:
    doc = index.doc
    out: list[Token] = []
    i = index.token_at(passage.open) - 1
    para = index.paragraph(passage.open)
    if not index.text[index.lines[para] : passage.open].strip() and para > 0:
        # a quotation that opens its paragraph, announced at the end of the last one ("He said:")
        previous = index.text[index.lines[para - 1] : index.lines[para]].rstrip()
        if previous.endswith(":"):
            para -= 1
    while i >= 0:
        t = doc[i]
        if t.idx >= passage.open:
            i -= 1
            continue
        if index.paragraph(t.idx) != para or index.in_passage(t.idx) is not None:
            break
        if t.text in SENT_END or len(out) >= _MAX_FRAME_TOKENS:
            break
        if not t.is_space:
            out.append(t)
        i -= 1
    out.reverse()
    return out


def _cue_in(index: DocIndex, frame: list[Token], *, last: bool) -> tuple[Token, Token | None] | None:
    ordered = reversed(frame) if last else iter(frame)
    for t in ordered:
        found = index.cue(t)
        if found is not None and ("direct" in found[0].frames or "clause" in found[0].frames):
            return t, found[1]
    return None


def _source(token: Token, frame: list[Token]) -> Token | None:
    source = subject_of(token)
    if source is not None:
        return source
    # a parse that lost the subject: the nearest name or pronoun in the frame
    members = {t.i for t in frame}
    best = None
    for t in frame:
        named = t.pos_ in ("PROPN", "PRON") or t.ent_type_ in _SPEAKER_ENTS
        if named and t.dep_ != "poss" and (best is None or abs(t.i - token.i) < abs(best.i - token.i)):
            best = t
    if best is not None:
        while best.dep_ in ("compound", "flat") and best.head.i in members:
            best = best.head
    return best


def _entity_at(frame: list[Token]) -> tuple[int, int] | None:
    """Token range of the first name in ``frame``: a whole entity, or a run of proper nouns."""
    for t in frame:
        if t.ent_type_ in _SPEAKER_ENTS:
            for ent in t.doc.ents:
                if ent.start <= t.i < ent.end:
                    return ent.start, ent.end
        if t.pos_ == "PROPN":
            end = t.i + 1
            while end < len(t.doc) and t.doc[end].pos_ == "PROPN" and end - t.i < 5:
                end += 1
            return t.i, end
    return None


def _governing_cue(index: DocIndex, passage: QuotedPassage) -> tuple[Token, Token | None] | None:
    """A cue whose complement holds the passage ("called the city “…”")."""
    inner = index.tokens(passage.start, passage.end)
    if not len(inner):
        return None
    head = inner.root
    for _ in range(5):
        if head.dep_ not in _GOVERNED_DEPS or head.head.i == head.i:
            return None
        head = head.head
        if passage.open <= head.idx <= passage.close:
            continue
        if head.pos_ in ("VERB", "AUX"):
            found = index.cue(head)
            # "a forum called “The Heroic”" names, it does not report: the cue needs a subject
            # ... unless a relative clause names who said it ("which Tim Cook called “…”")
            has_subject = (head.dep_ not in ("acl", "amod") and subject_of(head) is not None) or any(
                c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in head.children
            )
            if found is not None and "direct" in found[0].frames and has_subject:
                return head, found[1]
            return None
    return None


def _cued(index: DocIndex, k: int, token: Token, particle: Token | None, source: Token | None, rule: str) -> Candidate:
    """A direct quote of passage ``k`` attributed by the cue ``token``."""
    return Candidate(
        kind=QuoteKind.DIRECT,
        pieces=list(index.passages[k].pieces),
        cue=index.cue_span(token, particle),
        cue_token=token.i,
        mention=None if source is None else mention_range(source),
        passages=[k],
        rule=rule,
    )


def _after_open(index: DocIndex, passage: QuotedPassage) -> tuple[list[Token], bool]:
    """The words after a passage's closing mark that can attribute it, and whether the passage
    ends open (with a comma, question mark, dash ...: the sentence goes on after the mark); no
    words when they are more than eight after a closed passage."""
    inner = index.text[passage.start : passage.end].rstrip(" \t\n'\"\u2019\u201d")
    ends_open = bool(inner) and inner[-1] in ",?!\u2026\u2014\u2013-:"
    after = _after_frame(index, passage)
    return (after if ends_open or len(after) <= 8 else []), ends_open


def _cue_after(index: DocIndex, k: int) -> Candidate | None:
    """“…,” X said: a cue right after the closing mark (a far cue after a full stop is not)."""
    after, ends_open = _after_open(index, index.passages[k])
    if not after:
        return None
    found = _cue_in(index, after, last=False)
    if found is None or (not ends_open and found[0].i - after[0].i > 3):
        return None  # “… a full stop.” and a cue far on belongs to other words
    return _cued(index, k, found[0], found[1], _source(found[0], after), "direct_cue_after")


def _dash(index: DocIndex, k: int) -> Candidate | None:
    """“…” — X: a name after a dash that follows the closing mark."""
    passage = index.passages[k]
    after, _ = _after_open(index, passage)
    if not after:
        return None
    rest = index.text[passage.close + 1 : passage.close + 4].lstrip(" \t\u00a0")
    if not (after[0].text in _DASHES or (rest and rest[0] in "\u2014\u2013\u2015-")):
        return None
    mention = _entity_at([t for t in after if t.text not in _DASHES and t.text.strip("\u2014\u2013\u2015-")])
    if mention is None:
        return None
    return Candidate(
        kind=QuoteKind.DIRECT, pieces=list(passage.pieces), mention=mention, passages=[k], rule="direct_dash"
    )


def _framed_before(index: DocIndex, passage: QuotedPassage) -> list[Token]:
    """The words before the opening mark when they end in a colon or a comma, else none."""
    before = _before_frame(index, passage)
    return before if before and before[-1].text in (":", ",") else []


def _cue_before(index: DocIndex, k: int) -> Candidate | None:
    """X said: “…”: a cue in the words before the opening mark, which end in a colon or comma."""
    before = _framed_before(index, index.passages[k])
    found = _cue_in(index, before, last=True) if before else None
    if found is None:
        return None
    return _cued(index, k, found[0], found[1], _source(found[0], before), "direct_cue_before")


def _colon(index: DocIndex, k: int) -> Candidate | None:
    """X: “…”: a name and a colon before the opening mark (a short frame, or a whole line:
    "Warren Hammers Wells Fargo CEO: ‘You Should Be …’")."""
    passage = index.passages[k]
    before = _framed_before(index, passage)
    if not before or before[-1].text != ":":
        return None
    line_start = before[0].idx == index.lines[index.paragraph(before[0].idx)]
    if not (len(before) <= 6 or (line_start and len(before) <= _MAX_COLON_LINE)):
        return None
    mention = _entity_at(before[:-1])
    if mention is None:
        return None
    return Candidate(
        kind=QuoteKind.DIRECT, pieces=list(passage.pieces), mention=mention, passages=[k], rule="direct_colon"
    )


def _governed(index: DocIndex, k: int) -> Candidate | None:
    """X said the plan was “dead on arrival”: a reporting verb whose clause holds the passage."""
    governing = _governing_cue(index, index.passages[k])
    if governing is None:
        return None
    return _cued(index, k, governing[0], governing[1], subject_of(governing[0]), "direct_governed")


_ATTEMPTS: dict[str, Callable[[DocIndex, int], Candidate | None]] = {
    "direct_cue_after": _cue_after,
    "direct_dash": _dash,
    "direct_cue_before": _cue_before,
    "direct_colon": _colon,
    "direct_governed": _governed,
}

DIRECT_RULES: tuple[tuple[str, Callable[[DocIndex, int], Candidate | None]], ...] = tuple(
    (rule.name, _ATTEMPTS[rule.name]) for rule in RULES if rule.name in _ATTEMPTS
)
"""How a passage in marks finds its speaker, in the registry's order of precedence
(:mod:`quotebank.extract.rules`): the first rule that attributes it wins."""


def _attribute(index: DocIndex, k: int) -> Candidate | None:
    for name, attempt in DIRECT_RULES:
        if index.allows(name) and (found := attempt(index, k)) is not None:
            return found
    return None


def _nickname(index: DocIndex, passage: QuotedPassage) -> bool:
    """A name in marks inside a name: Marcia "Cia" Price."""
    inner = index.text[passage.start : passage.end]
    if len(inner.split()) > 2 or not inner[:1].isupper():
        return False
    before = index.text[max(0, passage.open - 30) : passage.open].split()
    after = index.text[passage.close + 1 : passage.close + 30].split()
    return (
        bool(before and after)
        and before[-1][:1].isupper()
        and before[-1][-1].isalpha()
        and after[0][:1].isupper()
        and after[0][0].isalpha()
    )


def _sentence_like(index: DocIndex, passage: QuotedPassage) -> bool:
    """Whether a passage reads as whole sentences: a capital first and a stop, comma or dash last."""
    inner = index.text[passage.start : passage.end].strip(" \t\n'\"\u2018\u2019\u201c\u201d")
    return bool(inner) and inner[0].isupper() and inner[-1] in ".!?,\u2026\u2014-:"


def _starts_sentence(index: DocIndex, passage: QuotedPassage) -> bool:
    before = index.text[index.lines[index.paragraph(passage.open)] : passage.open].rstrip()
    return not before or before[-1] in '.!?\u2026\u201d"' or before.endswith(":")


def attribute_passages(index: DocIndex, used: set[int], quotes: list[Candidate]) -> list[Candidate]:
    """Attribute the quoted passages no reported quote has claimed.

    Args:
        index: the document's lookups.
        used: indexes of passages already inside a quote.
        quotes: the quotes found so far (read, to continue a previous quote).

    Returns:
        New direct quotes; passages that continue an existing quote are
        appended to it as pieces in place.
    """
    out: list[Candidate] = []
    by_cue: dict[int, Candidate] = {}  # the first quote of each cue token
    for q in quotes:
        if q.cue_token is not None:
            by_cue.setdefault(q.cue_token, q)
    for k, passage in enumerate(index.passages):
        if k in used or _nickname(index, passage):
            continue
        candidate = _attribute(index, k)
        if candidate is not None and _place_attributed(candidate, k, by_cue, out, used):
            continue
        if _words(index.text[passage.start : passage.end]) < _MIN_FOLLOW_WORDS or not _starts_sentence(index, passage):
            continue
        earlier = [q for q in (*quotes, *out) if q.end <= passage.open]
        if earlier:
            _follow_on(index, k, max(earlier, key=lambda q: q.end), out, used)
    return out


def _place_attributed(
    candidate: Candidate, k: int, by_cue: dict[int, Candidate], out: list[Candidate], used: set[int]
) -> bool:
    """Keep an attributed passage: one cue, one quote, so a split quote (“A,” he said, “B.”)
    joins its first part; a passage whose cue already has a reported quote is left (``False``)."""
    twin = by_cue.get(candidate.cue_token) if candidate.cue_token is not None else None
    if twin is not None and twin.kind is QuoteKind.DIRECT:
        twin.pieces = sorted({*twin.pieces, *candidate.pieces})
        twin.passages.append(k)
        used.add(k)
        return True
    if twin is not None:
        return False
    out.append(candidate)
    if candidate.cue_token is not None:
        by_cue.setdefault(candidate.cue_token, candidate)
    used.add(k)
    return True


def _continues(index: DocIndex, passage: QuotedPassage, previous: Candidate) -> bool:
    """A passage that goes on with the direct quote just before it: both read as sentences, in
    the same or the next paragraph, with few words and at most one full stop between them."""
    gap = index.tokens(previous.end, passage.open)
    para_gap = index.paragraph(passage.open) - index.paragraph(previous.end)
    stops = sum(1 for t in gap if t.text in SENT_END)
    return (
        previous.kind is QuoteKind.DIRECT
        and _sentence_like(index, passage)
        and any(_sentence_like(index, index.passages[p]) for p in previous.passages)
        and len(gap) <= _MAX_GAP_TOKENS
        and para_gap <= 1
        and stops <= 1
    )


def _follow_on(index: DocIndex, k: int, previous: Candidate, out: list[Candidate], used: set[int]) -> None:
    """A passage with no cue: more of the nearest earlier direct quote, or, up to two
    paragraphs on (not after a transcript turn), a quote of its own by the same speaker."""
    passage = index.passages[k]
    if _continues(index, passage, previous):
        previous.pieces = sorted({*previous.pieces, *passage.pieces})
        previous.passages.append(k)
        used.add(k)
    elif (
        index.paragraph(passage.open) - index.paragraph(previous.end) <= 2
        and previous.rule != "transcript"
        and index.allows("follow_on")
    ):
        out.append(
            Candidate(
                kind=QuoteKind.DIRECT, pieces=list(passage.pieces), passages=[k], context=previous, rule="follow_on"
            )
        )
        used.add(k)
