"""displaCy rendering of quotes: labels "speaker · stance", every piece a span, bad input typed."""

from __future__ import annotations

import html.parser

import pytest

import quotebank
from quotebank.display import label, labels
from quotebank.errors import InputError


class _Spans(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def handle_data(self, data: str) -> None:
        self.text += data


def test_labels_name_speaker_and_stance(extractor: quotebank.Extractor) -> None:
    doc = extractor.parse('"We reject this ceasefire," Netanyahu said. Officials said the bridge would reopen in May.')
    assert labels(doc) == ["Benjamin Netanyahu · ceasefire AGAINST", "officials · no stance"]


def test_render_draws_every_piece(extractor: quotebank.Extractor) -> None:
    doc = extractor.parse('"We want," she said, "a truce now." Netanyahu said the army would enter Rafah.')
    page = quotebank.render(doc, jupyter=False)
    for quote in doc._.quotes:
        assert page.count(label(quote)) == len(quote.content)
    parser = _Spans()
    parser.feed(page)
    assert "truce" in parser.text


def test_render_escapes_the_text(extractor: quotebank.Extractor) -> None:
    doc = extractor.parse('"<script>alert(1)</script> is no plan," the minister said.')
    page = quotebank.render(doc, jupyter=False)
    assert "<script" not in page
    assert "</script" not in page
    assert "alert(1)&lt;/script" in page


def test_render_needs_a_parsed_doc() -> None:
    with pytest.raises(InputError, match="spaCy Doc"):
        quotebank.render("some text", jupyter=False)  # type: ignore[arg-type]
