"""Web pages: the article text trafilatura finds, and how input with markup is handled."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import quotebank
from quotebank.errors import PageError
from quotebank.io import Source, collect_documents, markup_warning, read_source
from quotebank.webpages import is_page, looks_like_html, looks_like_markup, page_text
from tests.conftest import DATA

PAGES = DATA / "pages"


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_a_page_gives_headline_and_paragraphs_without_boilerplate(page: Path) -> None:
    text = page_text(page.read_text(encoding="utf-8"))
    first = text.split("\n\n")[0]
    assert first.startswith(("Truce talks resume", "Allies warn against"))
    for chrome in ("Subscribe", "Most read", "cookies", "Comments", "Privacy", "analytics", "All rights reserved"):
        assert chrome not in text
    assert "<" not in text
    assert "&ldquo;" not in text


def test_entities_and_inline_tags_become_plain_text() -> None:
    html = "<html><body><article><p>The <b>UN secretary-general</b> said &ldquo;now&rdquo;.</p></article></body></html>"
    assert page_text(html) == "The UN secretary-general said “now”."


def test_a_page_without_article_text_is_a_page_error() -> None:
    with pytest.raises(PageError, match="no article text"):
        page_text("<html><head><title></title></head><body><script>x()</script></body></html>")


def test_extract_html_offsets_refer_to_page_text(extractor: quotebank.Extractor) -> None:
    html = (PAGES / "truce-talks.html").read_text(encoding="utf-8")
    text = page_text(html)
    quotes = extractor.extract_html(html, doc_id="truce")
    assert len(quotes) >= 3
    for quote in quotes:
        for piece in quote.content:
            assert text[piece.start : piece.end] == piece.text
    assert {q.speaker.name for q in quotes if q.speaker} >= {"Antonio Guterres", "Benjamin Netanyahu"}


def test_a_folder_is_searched_for_pages_and_text() -> None:
    ids = {s.doc_id for s in collect_documents([PAGES])}
    assert ids == {"truce-talks", "rafah-warning"}
    assert all(is_page(s.path) for s in collect_documents([PAGES]))


def test_a_page_source_reads_as_its_article_text() -> None:
    [source] = collect_documents([PAGES / "truce-talks.html"])
    text = read_source(source)
    assert isinstance(text, str)
    assert text.startswith("Truce talks resume in Cairo")
    assert markup_warning(source, text) is None


def test_stdin_html_is_read_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (PAGES / "rafah-warning.html").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html.encode("utf-8")), encoding="utf-8"))
    [source] = collect_documents(["-"])
    assert source.stdin
    assert source.doc_id == "stdin"
    text = read_source(source)
    assert isinstance(text, str)
    assert text.startswith("Allies warn against Rafah assault")


def test_markup_in_a_txt_file_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text("<p>The <b>UN</b> chief said so.</p>", encoding="utf-8")
    [source] = collect_documents([path])
    text = read_source(source)
    assert isinstance(text, str)
    message = markup_warning(source, text)
    assert message is not None
    assert "scraped.txt" in message
    assert ".html" in message


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("<p>Hello</p>", True),
        ("He said &quot;no&quot; twice.", True),
        ("Profits rose 5% (to <$2m).", False),
        ("If x < 3 and y > 4 then", False),
        ("AT&T said so.", False),
    ],
)
def test_looks_like_markup(text: str, markup: bool) -> None:
    assert looks_like_markup(text) is markup


def test_looks_like_html_needs_a_document_tag() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("The <b>UN</b> chief said so.")


def test_source_of_a_txt_is_not_a_page() -> None:
    assert not Source(path=Path("a.txt"), doc_id="a").page
