"""Boilerplate lines: links, credits and notices are found; article sentences are not."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank.extract import Boilerplate, boilerplate_spans
from quotebank.lexicons import References, load_lexicons


@pytest.fixture(scope="module")
def refs() -> References:
    return load_lexicons().references


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Harbour workers strike for a third day",
        "RELATED: Inside the talks that failed",
        "See also",
        "(Reporting by Tomasz Nowak and Ines Cabral; Editing by Lars Holm)",
        "Photo: Kemal Aydin/AFP",
        "Photograph: Jane Hollis/PA",
        "Image credit: Getty",
        "Copyright 2025 The Daily Ledger. All rights reserved.",
        "Story continues below advertisement",
        "ADVERTISEMENT",
        "Sign up for our morning briefing.",
    ],
)
def test_boilerplate_lines(refs: References, line: str) -> None:
    text = f"Marta Quint said the port was closed.\n\n{line}\n\nShe said it would reopen."
    assert [text[a:b] for a, b in boilerplate_spans(text, refs)] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: Harbour master Marta Quint speaks in Gdansk, March 3, 2024.",  # a caption names people
        "Photos of the flooded port spread quickly online on Monday.",
        "Subscribers said prices rose again.",
        "Watch the video of the event here as we discuss it with the mayor.",
        "Related industries were hit hardest, she said.",
        "Advertisements for the show ran daily in the city's papers.",
    ],
)
def test_article_lines_are_not_boilerplate(refs: References, line: str) -> None:
    assert boilerplate_spans(line, refs) == []


def test_a_parenthesised_credit_inside_a_caption(refs: References) -> None:
    text = "Firefighters battle a blaze near Lamia. (AP Photo/Petros Kallis)\n\nThe fire service said so."
    assert [text[a:b] for a, b in boilerplate_spans(text, refs)] == ["(AP Photo/Petros Kallis)"]


_PIECES = ["Read more: x", "Photo: A/B", "(Photo: A)", "He said so.", "\n", " ", "("]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_spans_are_ordered_disjoint_and_inside_the_text(pieces: list[str]) -> None:
    refs = load_lexicons().references
    text = "".join(pieces)
    spans = boilerplate_spans(text, refs)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    marks = Boilerplate(spans)
    assert all(marks.covers(i) == any(a <= i < b for a, b in spans) for i in range(len(text)))


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Read more: Interview with Tom Baker on the border crisis",
        "READ MORE: Daniel Brooks explains the vote",
        "(Reporting by Michael Stone; Editing by Peter Graff)",
        "Photo: Reuters/Ammar Awad",
        "Story continues below advertisement",
    ],
)
def test_nobody_in_boilerplate_speaks_or_is_the_next_pronoun(extractor: quotebank.Extractor, boilerplate: str) -> None:
    text = f'Amir Peretz spoke to reporters in Haifa on Monday.\n\n{boilerplate}\n\n"We will not stop," he said.'
    assert [q.speaker.name if q.speaker else None for q in extractor.extract(text)] == ["Amir Peretz"]
