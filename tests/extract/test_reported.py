"""Indirect and mixed quotes through reporting cues and their frames."""

from __future__ import annotations

import pytest

import quotebank
from quotebank import QuoteKind


def _quotes(extractor: quotebank.Extractor, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (q.kind.value, q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None)
        for q in extractor.extract(text)
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The mayor said that the bridge would reopen in May.", "the bridge would reopen in May", "said"),
        ("The bridge would reopen in May, the mayor said.", "The bridge would reopen in May", "said"),
        ("The mayor vowed to reopen the bridge in May.", "to reopen the bridge in May", "vowed"),
        ("The mayor urged residents to avoid the bridge.", "to avoid the bridge", "urged"),
        ("The mayor accused the contractor of hiding the cracks.", "hiding the cracks", "accused"),
        ("The mayor called for an inquiry into the collapse.", "an inquiry into the collapse", "called for"),
    ],
)
def test_frames(extractor: quotebank.Extractor, text: str, content: str, cue: str) -> None:
    [(kind, found, speaker, found_cue)] = _quotes(extractor, text)
    assert kind == "indirect"
    assert found == content
    assert found_cue == cue
    assert speaker == "mayor"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # "that" several words on, which the parser hangs on "time" as a relative clause
        (
            "The mayor told reporters at the time that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "told",
        ),
        ("The bridge would reopen in May, as the mayor put it.", "The bridge would reopen in May", "put it"),
        (
            "Yet, as the mayor observed, the bridge would reopen in May.",
            "Yet the bridge would reopen in May",
            "observed",
        ),
    ],
)
def test_late_and_parenthetical_cues(extractor: quotebank.Extractor, text: str, content: str, cue: str) -> None:
    [(kind, found, speaker, found_cue)] = _quotes(extractor, text)
    assert (kind, found, found_cue, speaker) == ("indirect", content, cue, "mayor")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # a complement clause after an adverbial phrase, parsed as an adverbial clause
        (
            "The mayor said after the meeting he would not reopen the bridge.",
            "after the meeting he would not reopen the bridge",
            "said",
        ),
        # "to" before an inverted reading: the participle's own infinitive is its content
        (
            "On Thursday the mayor spoke to engineers, promising to reopen the bridge by May.",
            "to reopen the bridge by May",
            "promising",
        ),
    ],
)
def test_misparsed_complements(extractor: quotebank.Extractor, text: str, content: str, cue: str) -> None:
    [(kind, found, speaker, found_cue)] = _quotes(extractor, text)
    assert (kind, found, found_cue, speaker) == ("indirect", content, cue, "mayor")


def test_adverbial_clause_is_not_content(extractor: quotebank.Extractor) -> None:
    assert _quotes(extractor, "The mayor resigned when the bridge collapsed, and said nothing.") == []


def test_put_it_attributes_a_quotation(extractor: quotebank.Extractor) -> None:
    text = "As Maria Okafor, a tax lawyer, recently put it, “Did he lower his taxes legally?”"
    [(kind, content, speaker, cue)] = _quotes(extractor, text)
    assert (kind, content, speaker, cue) == ("direct", "Did he lower his taxes legally?", "Maria Okafor", "put it")


def test_cue_after_an_open_quotation_takes_no_clause(extractor: quotebank.Extractor) -> None:
    text = (
        "“You should resign,” Warren told the chief executive, after he admitted under questioning "
        "he had not been held accountable."
    )
    [(kind, content, speaker, cue)] = _quotes(extractor, text)
    assert (kind, content, speaker, cue) == ("direct", "You should resign,", "Warren", "told")


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Reporters checked the mayor's claim that the bridge was safe.", "the bridge was safe", "claim", "mayor"),
        (
            "He ignored repeated warnings from the engineer that the bridge was unsafe.",
            "the bridge was unsafe",
            "warnings",
            "engineer",
        ),
        ("Voters remember the mayor's promise to reopen the bridge.", "to reopen the bridge", "promise", "mayor"),
    ],
)
def test_reporting_nouns(extractor: quotebank.Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    [(kind, found, found_speaker, found_cue)] = _quotes(extractor, text)
    assert (kind, found, found_cue, found_speaker) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The claim that the bridge was safe turned out to be false.",  # no source
        "The claim that the court rejected was old.",  # a relative clause, not content
    ],
)
def test_reporting_nouns_need_a_source_and_a_clause(extractor: quotebank.Extractor, text: str) -> None:
    assert _quotes(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Polls show a close contest in the state.", "a close contest in the state", "show"),
        ("The mayor proposed closing the bridge for a month.", "closing the bridge for a month", "proposed"),
        ("The mayor asked whether the bridge would reopen in May.", "the bridge would reopen in May", "asked"),
    ],
)
def test_object_and_question_frames(extractor: quotebank.Extractor, text: str, content: str, cue: str) -> None:
    [(kind, found, _, found_cue)] = _quotes(extractor, text)
    assert (kind, found, found_cue) == ("indirect", content, cue)


def test_subject_limited_object_frame(extractor: quotebank.Extractor) -> None:
    # "show" reports an object only from a poll, a study, a report ...
    assert _quotes(extractor, "The conflict shows no signs of ending.") == []


def test_a_semicolon_ends_the_reported_clause(extractor: quotebank.Extractor) -> None:
    text = "The mayor said the bridge would reopen in May; engineers had finished the repairs in April."
    [(kind, content, _, cue)] = _quotes(extractor, text)
    assert (kind, content, cue) == ("indirect", "the bridge would reopen in May", "said")


def test_according_to(extractor: quotebank.Extractor) -> None:
    text = "At least 40 people were hurt in the blast, according to the health ministry in Gaza."
    [(kind, content, speaker, cue)] = _quotes(extractor, text)
    assert (kind, cue, speaker) == ("indirect", "according to", "health ministry in Gaza")
    assert content == "At least 40 people were hurt in the blast"


def test_mixed_quote_keeps_the_whole_clause(extractor: quotebank.Extractor) -> None:
    text = "Netanyahu said Israel would not accept the group’s “ludicrous demands.”"
    [quote] = extractor.extract(text)
    assert quote.kind is QuoteKind.MIXED
    assert quote.text.startswith("Israel would not accept")
    assert quote.text.endswith("”")


def test_direct_quote_under_a_reporting_verb_is_direct(extractor: quotebank.Extractor) -> None:
    text = "He commented on the plan, stating that “giving in to these demands will only invite another war.”"
    [quote] = extractor.extract(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text.startswith("giving in")


def test_coordinated_reports_are_two_quotes(extractor: quotebank.Extractor) -> None:
    text = "The army says it takes steps to protect civilians and accuses the militants of hiding in schools."
    kinds = _quotes(extractor, text)
    assert [k[3] for k in kinds] == ["says", "accuses"]


def test_nested_report_stays_inside(extractor: quotebank.Extractor) -> None:
    text = "Relatives of hostages said they would protest at what they said was a scandalous decision."
    quotes = extractor.extract(text)
    assert len(quotes) == 1
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "hostage families"


def test_headline_colon_form(extractor: quotebank.Extractor) -> None:
    [(kind, content, speaker, cue)] = _quotes(
        extractor, "Gallant: Hamas uninterested in a deal\n\nMore text follows here."
    )
    assert (kind, speaker, cue) == ("indirect", "Yoav Gallant", None)
    assert content == "Hamas uninterested in a deal"


def test_headline_with_an_untagged_surname(extractor: quotebank.Extractor) -> None:
    text = "Okafor: Bridge Will Reopen Before the Winter.\n\nThe engineer spoke on Monday."
    [(kind, content, _, cue)] = _quotes(extractor, text)
    assert (kind, content, cue) == ("indirect", "Bridge Will Reopen Before the Winter", None)


@pytest.mark.parametrize(
    "text",
    [
        "Update: The bridge will reopen before the winter.\n\nMore text.",
        "Stealth Over Health: The Bridge Will Reopen Before Winter.\n\nMore text.",
    ],
)
def test_headline_labels_are_not_speakers(extractor: quotebank.Extractor, text: str) -> None:
    assert extractor.extract(text) == []


def test_headline_name_tagged_as_a_noun(extractor: quotebank.Extractor) -> None:
    # the model tags a headline's first word as a noun; the document names Sanders elsewhere
    text = "Sanders: Clinton needs to change her message.\n\nBernie Sanders spoke in Vermont on Friday."
    quotes = _quotes(extractor, text)
    assert quotes[0][:2] == ("indirect", "Clinton needs to change her message")
    assert quotes[0][2] == "Sanders"


def test_transcript_in_marks_is_one_quote_per_turn(extractor: quotebank.Extractor) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n'
        '"PENCE: She will not be attending the debate, and that is the end of it.\n\n'
        '"WALLACE: Thank you for joining us this morning, Governor."'
    )
    quotes = _quotes(extractor, text)
    assert [(q[0], q[2]) for q in quotes] == [("direct", "WALLACE"), ("direct", "PENCE"), ("direct", "WALLACE")]
    assert quotes[1][1] == "She will not be attending the debate, and that is the end of it."


def test_no_reporting_no_quote(extractor: quotebank.Extractor) -> None:
    assert extractor.extract("The bridge reopened in May after repairs that cost millions.") == []


def test_passive_quoted_as_saying(extractor: quotebank.Extractor) -> None:
    [(kind, content, speaker, cue)] = _quotes(
        extractor, "The minister was quoted as saying that the border would stay closed."
    )
    assert (kind, content, speaker, cue) == ("indirect", "the border would stay closed", "minister", "saying")


def test_inverted_cue_with_a_late_subject(extractor: quotebank.Extractor) -> None:
    text = "The operation would continue for months, said Maria Okafor, the army spokeswoman."
    [(kind, content, speaker, cue)] = _quotes(extractor, text)
    assert (kind, content, speaker, cue) == (
        "indirect",
        "The operation would continue for months",
        "Maria Okafor",
        "said",
    )
