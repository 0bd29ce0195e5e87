"""Quotation-mark pairing on plain text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotebank.extract import find_quoted


def _pieces(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in p.pieces] for p in find_quoted(text)]


def test_apostrophes_never_break_double_marks() -> None:
    text = "“A change in Hamas’ positions is needed,” it said of the hostages’ fate. “We’re ready.”"
    assert _pieces(text) == [["A change in Hamas’ positions is needed,"], ["We’re ready."]]


def test_multi_paragraph_quote_is_one_passage() -> None:
    text = (
        "He said:\n\n“First paragraph of the speech.\n\n“Second paragraph goes on.\n\n“Last one ends here.”\n\nAfter."
    )
    assert _pieces(text) == [["First paragraph of the speech.", "Second paragraph goes on.", "Last one ends here."]]


def test_mark_styles() -> None:
    assert _pieces('She said "yes, at once" today.') == [["yes, at once"]]
    assert _pieces("Il a dit «\u00a0non\u00a0» hier.") == [["non"]]
    assert _pieces("Er sagte „wir kommen“ morgen.") == [["wir kommen"]]
    assert _pieces("He vowed the army 'will not stop fighting', ruling out a truce.") == [["will not stop fighting"]]


def test_unmatched_marks_do_not_stop_the_scan() -> None:
    text = "“This one never closes.\n\nA plain paragraph.\n\n“This one does,” she said."
    assert _pieces(text) == [["This one does,"]]


def test_closing_mark_without_opener_opens_at_paragraph_start() -> None:
    text = "Intro.\n'We will continue the war to the end,” Netanyahu said."
    assert _pieces(text) == [["We will continue the war to the end,"]]


def test_transcript_turns_are_not_one_passage() -> None:
    text = (
        'Transcript:\n\n"HOST: Will she be there?\n\n"GUEST: She will not, and “Shark Tank” is a show.\n\n'
        '"HOST: Thank you."'
    )
    # each turn is found by its label; the title in marks stays a passage of its own
    assert _pieces(text) == [["Shark Tank"]]


@given(st.text(alphabet="ab “”\"'‘’«»\n", max_size=80))
def test_passages_are_ordered_and_within_bounds(text: str) -> None:
    last = -1
    for passage in find_quoted(text):
        assert passage.open < passage.close <= len(text)
        for a, b in passage.pieces:
            assert passage.open <= a <= b <= passage.close
        assert passage.open >= last
        last = passage.open
