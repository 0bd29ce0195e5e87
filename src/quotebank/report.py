"""A self-contained HTML report: who stands where, and every quote in its text.

:func:`render_report` turns documents and their quotes into one HTML page with no
network access, no scripts and no external files (styles and charts are inline, charts
are SVG): first a corpus summary — one row per speaker with the counts of ``FAVOR``,
``AGAINST`` and ``NONE`` for each stance target, as numbers and as stacked bars — then
each document's text with every quote highlighted by kind. Hovering a highlight shows
its speaker and stance; each quote's card below the text expands to the evidence behind
its labels. Overlapping quotes and quotes split around their attribution are drawn from
the text cut at every piece boundary, so a stretch of text covered by two quotes is
marked once and names both.

Every string that comes from a document (text, speaker names, evidence) is escaped by
jinja2's autoescaping, so a quote holding ``<script>`` or ``"onmouseover=`` shows as text.

``quotebank report PATH... -o report.html`` writes the page from the command line.

Examples:
    >>> import quotebank
    >>> text = '"We reject this ceasefire," Netanyahu said.'
    >>> page = render_report([ReportDocument(doc_id="a", text=text, quotes=quotebank.extract(text, doc_id="a"))])
    >>> page.count('class="q '), "Benjamin Netanyahu" in page, "<script" in page
    (1, True, False)
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotebank.io import atomic_writer
from quotebank.model import Quote, StanceLabel

__all__ = [
    "ReportDocument",
    "Segment",
    "SpeakerRow",
    "render_report",
    "segments",
    "speaker_rows",
    "write_report",
]

_LABELS = (StanceLabel.FAVOR, StanceLabel.AGAINST, StanceLabel.NONE)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ReportDocument:
    """One document of a report: its id, the text its offsets refer to, and its quotes.

    Raises:
        ValueError: a quote reaches beyond the text.
    """

    doc_id: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    quotes: tuple[Quote, ...] = attrs.field(
        converter=_quotes, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Quote))
    )

    @quotes.validator
    def _inside(self, attribute: attrs.Attribute[Any], value: tuple[Quote, ...]) -> None:
        for quote in value:
            if quote.end > len(self.text):
                raise ValueError(f"{self.doc_id}: a quote ends at {quote.end}, past the text's {len(self.text)}")


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch of a document's text and the quotes (by index) that cover it."""

    start: int
    end: int
    text: str
    quotes: tuple[int, ...]


def segments(text: str, quotes: Sequence[Quote]) -> list[Segment]:
    """Cut ``text`` at every boundary of every quote piece.

    Each segment lies wholly inside or outside each piece, so overlapping quotes and
    split quotes are both drawn right.

    Examples:
        >>> from quotebank.model import Quote, TextSpan
        >>> text = "A said x y z here."
        >>> one = Quote(kind="indirect", content=[TextSpan(start=7, end=12, text="x y z")])
        >>> two = Quote(kind="indirect", content=[TextSpan(start=9, end=17, text="y z here")])
        >>> [(s.text, s.quotes) for s in segments(text, [one, two])]
        [('A said ', ()), ('x ', (0,)), ('y z', (0, 1)), (' here', (1,)), ('.', ())]
    """
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for k, quote in enumerate(quotes):
        for piece in quote.content:
            opens.setdefault(piece.start, []).append(k)
            closes.setdefault(piece.end, []).append(k)
    bounds = sorted({0, len(text), *opens, *closes})
    active: Counter[int] = Counter()
    out = []
    for start, end in itertools.pairwise(bounds):
        active.subtract(closes.get(start, ()))
        active.update(opens.get(start, ()))
        covering = tuple(sorted(k for k, n in active.items() if n > 0))
        out.append(Segment(start=start, end=end, text=text[start:end], quotes=covering))
    return out


@attrs.frozen(kw_only=True)
class SpeakerRow:
    """One speaker's line of the summary: how many quotes, and the labels per target."""

    key: str
    name: str
    quotes: int
    counts: dict[str, dict[str, int]]


def _speaker_of(quote: Quote) -> tuple[str, str]:
    speaker = quote.speaker
    if speaker is None or speaker.name is None:
        return "", "(unresolved)"
    return speaker.key or speaker.name, speaker.name


def speaker_rows(quotes: Iterable[Quote], targets: Sequence[str]) -> list[SpeakerRow]:
    """Who stands where: per speaker, the count of each label for each target, most quoted first.

    Examples:
        >>> import quotebank
        >>> quotes = quotebank.extract('"We reject this ceasefire," Netanyahu said.')
        >>> [(r.name, r.counts["ceasefire"]["AGAINST"]) for r in speaker_rows(quotes, ["ceasefire"])]
        [('Benjamin Netanyahu', 1)]
    """
    tallies: dict[str, Counter[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    totals: Counter[str] = Counter()
    for quote in quotes:
        key, name = _speaker_of(quote)
        names.setdefault(key, name)
        totals[key] += 1
        tally = tallies.setdefault(key, Counter())
        for target in targets:
            stance = quote.stance.get(target)
            tally[target, StanceLabel.NONE.value if stance is None else stance.label.value] += 1
    order = sorted(totals, key=lambda k: (-totals[k], names[k].casefold()))
    return [
        SpeakerRow(
            key=key,
            name=names[key],
            quotes=totals[key],
            counts={t: {label.value: tallies[key][t, label.value] for label in _LABELS} for t in targets},
        )
        for key in order
    ]


@functools.cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("quotebank", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _stance_line(quote: Quote, targets: Sequence[str]) -> str:
    parts = []
    for target in targets:
        stance = quote.stance.get(target)
        if stance is not None and stance.label is not StanceLabel.NONE:
            parts.append(f"{target} {stance.label.value}")
    return ", ".join(parts) or "no stance"


def _hover(quote: Quote, targets: Sequence[str]) -> str:
    """The tooltip of a highlight: speaker · stance."""
    return f"{_speaker_of(quote)[1]} · {_stance_line(quote, targets)}"


def render_report(
    documents: Sequence[ReportDocument],
    *,
    targets: Sequence[str] | None = None,
    title: str = "quotebank report",
    max_documents: int | None = None,
) -> str:
    """The report as one HTML string.

    Args:
        documents: the documents, in the order to show them.
        targets: the stance targets to summarise (default: those of the first quote).
        title: the page's title.
        max_documents: show the text of only the first N documents (the summary still
            counts every quote; the page says how many were left out).
    """
    quotes = [q for d in documents for q in d.quotes]
    chosen = list(targets) if targets is not None else (list(quotes[0].stance) if quotes else [])
    shown = documents if max_documents is None else documents[:max_documents]
    rows = speaker_rows(quotes, chosen)
    return str(
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            targets=chosen,
            labels=[label.value for label in _LABELS],
            rows=rows,
            widest=max((r.quotes for r in rows), default=1),
            total_quotes=len(quotes),
            total_documents=len(documents),
            documents=[_document_view(d, chosen) for d in shown],
            omitted=len(documents) - len(shown),
        )
    )


def _document_view(document: ReportDocument, targets: Sequence[str]) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "segments": segments(document.text, document.quotes),
        "quotes": [
            {"quote": q, "hover": _hover(q, targets), "speaker": _speaker_of(q)[1], "stances": _stances(q, targets)}
            for q in document.quotes
        ],
    }


def _stances(quote: Quote, targets: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for target in targets:
        stance = quote.stance.get(target)
        if stance is not None:
            out.append(
                {"target": target, "label": stance.label.value, "score": stance.score, "evidence": stance.evidence}
            )
    return out


def write_report(
    path: Path | str,
    documents: Sequence[ReportDocument],
    *,
    targets: Sequence[str] | None = None,
    title: str = "quotebank report",
    max_documents: int | None = None,
) -> None:
    """Write :func:`render_report` to ``path`` atomically (UTF-8)."""
    page = render_report(documents, targets=targets, title=title, max_documents=max_documents)
    with atomic_writer(path) as handle:
        handle.write(page)
