"""Hypothesis strategies for quotebank's types and for news-like documents.

``quotes()`` builds valid :class:`~quotebank.Quote` objects over a generated
source text. ``news_documents()`` assembles documents with *known* quotes
(speaker, cue and content in every mark style and attribution order), so that
properties can check that a generated quote is found with its speaker.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from quotebank import (
    Evidence,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    Stance,
    StanceLabel,
    StanceLayer,
    TextSpan,
)
from quotebank.extract.rules import REGISTRY

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), min_size=0, max_size=40)


@st.composite
def spans_in(draw: st.DrawFn, source: str, *, min_size: int = 0) -> TextSpan:
    """A span of ``source``."""
    start = draw(st.integers(0, max(len(source) - min_size, 0)))
    end = draw(st.integers(min(start + min_size, len(source)), len(source)))
    return TextSpan.from_text(source, start, end)


@st.composite
def ordered_spans(draw: st.DrawFn, source: str, n: int) -> tuple[TextSpan, ...]:
    """``n`` non-overlapping spans of ``source`` in text order."""
    cuts = sorted(draw(st.lists(st.integers(0, len(source)), min_size=2 * n, max_size=2 * n)))
    return tuple(TextSpan.from_text(source, cuts[2 * k], cuts[2 * k + 1]) for k in range(n))


@st.composite
def stances(draw: st.DrawFn, source: str, target: str) -> Stance:
    evidence = draw(
        st.lists(
            st.builds(
                lambda layer, rule, cue, weight, span, composition: Evidence(
                    layer=layer, rule=rule, cue=cue, weight=weight, span=span, composition=composition
                ),
                st.sampled_from(list(StanceLayer)),
                st.sampled_from(["support", "oppose", "prevent", "announce", "conditional_threat", "pattern"]),
                _TEXT,
                st.floats(-5, 5, allow_nan=False),
                st.none() | spans_in(source),
                st.lists(st.sampled_from(["negation", "question", "conditional", "contrast:after"]), max_size=3),
            ),
            max_size=3,
        )
    )
    return Stance(
        target=target,
        label=draw(st.sampled_from(list(StanceLabel))),
        score=draw(st.floats(-1, 1, allow_nan=False)),
        evidence=tuple(evidence),
    )


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    """A valid quote over a generated text."""
    return draw(quotes_over(draw(st.text(min_size=1, max_size=200))))


@st.composite
def report_documents(draw: st.DrawFn) -> tuple[str, list[Quote]]:
    """A text with up to six quotes over it, free to overlap one another (as a report draws)."""
    source = draw(st.text(min_size=1, max_size=300))
    return source, draw(st.lists(quotes_over(source), max_size=6))


@st.composite
def quotes_over(draw: st.DrawFn, source: str) -> Quote:
    """A valid quote over ``source``."""
    n = draw(st.integers(1, 3))
    content = draw(ordered_spans(source, n))
    speaker = draw(
        st.none()
        | st.builds(
            lambda name, mention, kind, how, conf, aliases: Speaker(
                name=name, mention=mention, kind=kind, resolution=how, confidence=conf, aliases=aliases
            ),
            st.none() | _TEXT,
            st.none() | spans_in(source),
            st.sampled_from(list(SpeakerKind)),
            st.sampled_from(list(Resolution)),
            st.floats(0, 1, allow_nan=False),
            st.lists(_TEXT, max_size=2).map(tuple),
        )
    )
    targets = draw(st.lists(st.sampled_from(["ceasefire", "rafah_offensive", "aid"]), unique=True, max_size=3))
    return Quote(
        kind=draw(st.sampled_from(list(QuoteKind))),
        content=content,
        speaker=speaker,
        cue=draw(st.none() | spans_in(source)),
        stance={t: draw(stances(source, t)) for t in targets},
        doc_id=draw(st.none() | _TEXT),
        rule=draw(st.none() | st.sampled_from([r.name for r in REGISTRY])),
    )


# ----------------------------------------------------------------------------- news documents

FIRST = ["Maria", "Yusuf", "Daniel", "Aisha", "Tomas", "Hannah", "Omar", "Leila"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreno", "Kowalski", "Tanaka", "Brennan", "Rahimi"]
SENTENCES = [
    "The talks will continue next week",
    "We have no choice but to keep working",
    "The city needs clean water and power",
    "Nobody expected the vote to pass so quickly",
    "Our teams are ready to help the families",
    "This agreement is the best chance we have",
]
FILLER = [
    "The meeting took place in the capital on Tuesday.",
    "Officials gave no further details.",
    "Prices rose for the third month in a row.",
    "The river flooded parts of the old town.",
]
MARKS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")]


@attrs.frozen(kw_only=True)
class KnownQuote:
    """A quote planted in a generated document."""

    content: str
    speaker: str
    surname: str


@attrs.frozen(kw_only=True)
class NewsDocument:
    """A generated document and the quotes planted in it."""

    text: str
    quotes: tuple[KnownQuote, ...]


@st.composite
def _attributed(draw: st.DrawFn, name: str, sentence: str) -> str:
    open_, close = draw(st.sampled_from(MARKS))
    verb = draw(st.sampled_from(["said", "told reporters", "added", "warned"]))
    inner = sentence + ","
    form = draw(st.integers(0, 4))
    if form == 0:
        return f"{open_}{inner}{close} {name} {verb}."
    if form == 1:
        return f"{open_}{inner}{close} said {name}."
    if form == 2:
        return f"{name} said: {open_}{sentence}.{close}"
    if form == 3:
        return f"{name}: {open_}{sentence}.{close}"
    first, _, rest = sentence.partition(" ")
    return f"{open_}{first},{close} {name} said, {open_}{rest}.{close}"


@st.composite
def news_documents(draw: st.DrawFn) -> NewsDocument:
    """A small news article with 1-3 attributed direct quotes by distinct people."""
    n = draw(st.integers(1, 3))
    firsts = draw(st.lists(st.sampled_from(FIRST), min_size=n, max_size=n, unique=True))
    lasts = draw(st.lists(st.sampled_from(LAST), min_size=n, max_size=n, unique=True))
    paragraphs = [draw(st.sampled_from(FILLER))]
    planted = []
    for first, last in zip(firsts, lasts, strict=False):
        name = f"{first} {last}"
        sentence = draw(st.sampled_from(SENTENCES))
        paragraphs.append(draw(_attributed(name, sentence)))
        planted.append(KnownQuote(content=sentence, speaker=name, surname=last))
        if draw(st.booleans()):
            paragraphs.append(draw(st.sampled_from(FILLER)))
    return NewsDocument(text="\n\n".join(paragraphs), quotes=tuple(planted))


def unicode_text() -> st.SearchStrategy[str]:
    """Arbitrary text, surrogates and control characters included."""
    return st.text(alphabet=st.characters(), max_size=300)


@st.composite
def head_arrays(draw: st.DrawFn, *, max_size: int = 80) -> list[int]:
    """Dependency heads of a forest (a root is its own head), in any token order: the shape of
    ``head_indices(doc)`` for a document of several sentences, parsed or hand-made."""
    n = draw(st.integers(0, max_size))
    # build in a random order so that heads point left and right
    order = draw(st.permutations(list(range(n))))
    heads = [0] * n
    for k, token in enumerate(order):
        is_root = k == 0 or draw(st.integers(0, 9)) == 0
        heads[token] = token if is_root else order[draw(st.integers(0, k - 1))]
    return heads
