"""Quotes drawn by displaCy in a notebook or a page: :func:`render`.

Each piece of each quote becomes a span in displaCy's ``span`` style, labelled
"speaker · stance" ("Benjamin Netanyahu · ceasefire AGAINST"); overlapping quotes are
drawn on separate lines, as displaCy draws overlapping spans. For a whole corpus with a
summary and the evidence, use :mod:`quotebank.report` instead.

Examples:
    >>> import quotebank
    >>> doc = quotebank.Extractor().parse('"We reject this ceasefire," Netanyahu said.')
    >>> labels(doc)
    ['Benjamin Netanyahu · ceasefire AGAINST']
    >>> html = quotebank.render(doc, jupyter=False)
    >>> "Benjamin Netanyahu · ceasefire AGAINST" in html
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from quotebank.errors import InputError
from quotebank.model import Quote, StanceLabel

__all__ = ["label", "labels", "render"]

_COLOURS = {"FAVOR": "#9be3bf", "AGAINST": "#f7a8a8", "NONE": "#dfe3e8"}


def label(quote: Quote, targets: Sequence[str] | None = None) -> str:
    """A quote's label: its speaker, then every target it takes a side on (or "no stance")."""
    speaker = quote.speaker.name if quote.speaker is not None and quote.speaker.name else "?"
    chosen = list(quote.stance) if targets is None else targets
    sides = [
        f"{t} {quote.stance[t].label.value}"
        for t in chosen
        if t in quote.stance and quote.stance[t].label is not StanceLabel.NONE
    ]
    return f"{speaker} · {', '.join(sides) or 'no stance'}"


def _quotes(doc: Doc) -> list[Quote]:
    if not isinstance(doc, Doc):
        raise InputError(f"render() needs a spaCy Doc parsed by quotebank, got {type(doc).__name__}")
    if not Doc.has_extension("quotes"):
        raise InputError("render() needs a Doc parsed by a pipeline with the quotebank component")
    return list(doc._.quotes)


def labels(doc: Doc, targets: Sequence[str] | None = None) -> list[str]:
    """The label of every quote of ``doc``, in text order."""
    return [label(q, targets) for q in _quotes(doc)]


def _side(quote: Quote) -> str:
    found = {s.label.value for s in quote.stance.values()} - {"NONE"}
    return found.pop() if len(found) == 1 else "NONE"


def _spans(doc: Doc, targets: Sequence[str] | None) -> list[dict[str, Any]]:
    spans = []
    for quote in _quotes(doc):
        for piece in quote.content:
            span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            spans.append({"start_token": span.start, "end_token": span.end, "label": label(quote, targets)})
    return spans


def render(
    doc: Doc,
    *,
    targets: Sequence[str] | None = None,
    jupyter: bool | None = None,
    options: dict[str, Any] | None = None,
) -> str:
    """Draw the quotes of ``doc`` with displaCy's span style.

    Args:
        doc: a ``Doc`` from :meth:`quotebank.Extractor.parse` or a pipeline with the
            ``quotebank`` component.
        targets: the targets named in labels (default: all the quotes carry).
        jupyter: draw inline in a notebook (default: when running in one, as displaCy decides).
        options: displaCy options, over quotebank's (a colour per label's side).

    Returns:
        The HTML (also when drawn in a notebook).

    Raises:
        InputError: ``doc`` is not a ``Doc`` parsed with the quotebank component.
    """
    spans = _spans(doc, targets)
    colours = {s["label"]: _COLOURS["NONE"] for s in spans}
    for quote in _quotes(doc):
        colours[label(quote, targets)] = _COLOURS[_side(quote)]
    data = {"text": doc.text, "tokens": [t.text for t in doc], "spans": spans}
    settings = {"colors": colours, **(options or {})}
    html = displacy.render(data, style="span", manual=True, jupyter=jupyter, options=settings)
    if html is None:  # drawn in the notebook; the HTML is still returned
        html = displacy.render(data, style="span", manual=True, jupyter=False, options=settings)
    return str(html)
