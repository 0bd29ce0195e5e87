"""Chunking of over-long texts: pieces cover the text, respect the limits, never cut a quotation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank.chunking import chunks, cut_points

_PARAGRAPHS = st.lists(
    st.sampled_from(
        [
            "“We will stay,” she said.",
            "“The first part of a long quote.",  # continues into the next paragraph
            "He said talks failed. Then he left.",
            '"Straight marks," he said.',
            '"An unclosed straight quote',
            "x" * 40,
            "",
        ]
    ),
    max_size=40,
)


@given(paragraphs=_PARAGRAPHS, soft=st.integers(1, 120), extra=st.integers(0, 120))
def test_pieces_tile_the_text_within_the_hard_limit(paragraphs: list[str], soft: int, extra: int) -> None:
    text = "\n".join(paragraphs)
    pieces = list(chunks(text, soft=soft, hard=soft + extra))
    assert "".join(p for _, p in pieces) == text
    offset = 0
    for start, piece in pieces:
        assert start == offset
        assert 0 < len(piece) <= soft + extra
        offset += len(piece)


@given(paragraphs=_PARAGRAPHS, soft=st.integers(40, 120))
def test_every_cut_is_outside_a_quotation_when_one_fits(paragraphs: list[str], soft: int) -> None:
    text = "\n".join(paragraphs)
    safe = set(cut_points(text).paragraphs) | set(cut_points(text).sentences)
    pieces = list(chunks(text, soft=soft, hard=soft + len(text)))
    for start, _ in pieces[1:]:
        assert start in safe


def test_a_quote_that_runs_over_paragraphs_is_not_cut() -> None:
    text = "“First paragraph of the quote.\n“Second paragraph,” she said.\nAfter.\n"
    assert cut_points(text).paragraphs == [len(text) - len("After.\n"), len(text)]


def test_sentence_ends_inside_marks_are_not_cut_points() -> None:
    text = "“Stop. Now. Please,” he said. Then"
    assert cut_points(text).sentences == [len("“Stop. Now. Please,” he said. ")]


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="soft <= hard"):
        list(chunks("text", soft=10, hard=5))


def test_a_long_quote_straddling_the_soft_limit_stays_one_quote(extractor: quotebank.Extractor) -> None:
    long_quote = " ".join(["We will rebuild every bridge in the province."] * 6)
    text = "Intro paragraph here.\n" + f"“{long_quote}” Maria Okafor said on Tuesday.\n" + "Closing words.\n"
    old = extractor.nlp.max_length
    extractor.nlp.max_length = len(text) - 10  # soft limit falls inside the quotation
    try:
        quotes = extractor.extract(text)
    finally:
        extractor.nlp.max_length = old
    [quote] = [q for q in quotes if q.kind.value == "direct"]
    assert quote.content[0].text.startswith("We will rebuild")
    assert quote.content[-1].text.endswith("province.")
    assert quote.speaker is not None
    assert quote.speaker.name == "Maria Okafor"
