"""Direct quotes: attribution orders, split quotes, follow-ons, scare quotes."""

from __future__ import annotations

import pytest

import quotebank


def _one(extractor: quotebank.Extractor, text: str) -> quotebank.Quote:
    quotes = extractor.extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“We will rebuild the bridge,” Maria Okafor said on Tuesday.", "Maria Okafor", "said"),
        ("“We will rebuild the bridge,” said Maria Okafor.", "Maria Okafor", "said"),
        ("Maria Okafor said: “We will rebuild the bridge.”", "Maria Okafor", "said"),
        ("Maria Okafor told reporters, “We will rebuild the bridge.”", "Maria Okafor", "told"),
        ('"We will rebuild the bridge," Maria Okafor said.', "Maria Okafor", "said"),
    ],
)
def test_attribution_orders(extractor: quotebank.Extractor, text: str, speaker: str, cue: str) -> None:
    quote = _one(extractor, text)
    assert quote.kind is quotebank.QuoteKind.DIRECT
    assert quote.text.rstrip(".,") == "We will rebuild the bridge"
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    assert quote.cue is not None
    assert quote.cue.text == cue


def test_colon_and_dash_attributions(extractor: quotebank.Extractor) -> None:
    colon = _one(extractor, "Maria Okafor: “We will rebuild the bridge.”")
    assert colon.speaker is not None
    assert colon.speaker.name == "Maria Okafor"
    dash = _one(extractor, "“We will rebuild the bridge.” — Maria Okafor, mayor of the town")
    assert dash.speaker is not None
    assert dash.speaker.name == "Maria Okafor"


def test_split_quote_is_one_quote_with_two_pieces(extractor: quotebank.Extractor) -> None:
    quote = _one(extractor, "“The bridge,” Maria Okafor said, “will be rebuilt by spring.”")
    assert [p.text for p in quote.content] == ["The bridge,", "will be rebuilt by spring."]


def test_follow_on_quote_keeps_the_speaker(extractor: quotebank.Extractor) -> None:
    text = (
        "“The bridge will be rebuilt,” Maria Okafor said.\n\n"
        "The council met for three hours on Monday and voted on the budget.\n\n"
        "“We have the money and we have the workers to finish it.”"
    )
    quotes = extractor.extract(text)
    assert len(quotes) == 2
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.name == "Maria Okafor"
    assert quotes[1].speaker.resolution is quotebank.Resolution.CONTEXT
    assert quotes[1].speaker.mention is None


def test_continued_quote_in_the_next_sentence_is_another_piece(extractor: quotebank.Extractor) -> None:
    text = "“There is no other way,” Okafor said on Monday. “If we wait, the river will take the town.”"
    quote = _one(extractor, text)
    assert len(quote.content) == 2


def test_scare_quotes_and_titles_are_not_quotes(extractor: quotebank.Extractor) -> None:
    text = (
        "A forum called “The Heroic” marched with banners reading “the road to victory is near” "
        "as the so-called “peace plan” stalled."
    )
    assert extractor.extract(text) == []


def test_pronoun_speaker(extractor: quotebank.Extractor) -> None:
    text = "Maria Okafor visited the site on Monday.\n\n“It will take a year,” she said."
    quote = _one(extractor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Maria Okafor"
    assert quote.speaker.resolution is quotebank.Resolution.PRONOUN
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "she"


def test_a_nickname_in_marks_does_not_hide_the_cue(extractor: quotebank.Extractor) -> None:
    text = '"This is a big year for all of us!" his niece, state Del. Marcia "Cia" Price, shouted to the crowd.'
    quotes = extractor.extract(text)
    assert [(q.kind.value, q.text, q.cue.text if q.cue else None) for q in quotes] == [
        ("direct", "This is a big year for all of us!", "shouted")
    ]


def test_a_relative_clause_with_its_own_speaker_reports(extractor: quotebank.Extractor) -> None:
    text = "The tax ruling, which Tim Cook called “total political crap,” was upheld on Monday."
    [quote] = extractor.extract(text)
    assert quote.kind.value == "direct"
    assert quote.text == "total political crap,"
    assert quote.speaker is not None
    assert quote.speaker.name == "Tim Cook"


def test_headline_line_before_a_colon_names_the_speaker(extractor: quotebank.Extractor) -> None:
    text = (
        "Warren Hammers Bank Chief Over Fraud: ‘You Should Resign.’\n\n"
        "Senator Elizabeth Warren grilled the bank's chief on Tuesday."
    )
    quote = _one(extractor, text)
    assert quote.kind is quotebank.QuoteKind.DIRECT
    assert quote.text == "You Should Resign."
    assert quote.speaker is not None
    assert quote.speaker.name == "Elizabeth Warren"


def test_a_long_frame_inside_a_paragraph_is_no_colon_attribution(extractor: quotebank.Extractor) -> None:
    text = "The council met on Monday. Residents of the old town near the river had one demand: “Fix it.”"
    assert extractor.extract(text) == []
