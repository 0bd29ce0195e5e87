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
    # and the speaker is the full name the document gives him
    assert quotes[0][2] == "Bernie Sanders"


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


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        # the parser hangs the opening clause on the cue
        (
            "If the talks fail, the mayor argues, there are other ways to pay for the bridge.",
            ["If the talks fail", "there are other ways to pay for the bridge"],
            "mayor",
        ),
        # ... or the source on the opening clause, as an apposition
        (
            "To understand the delay, City Engineer Jane Roe said, one should visit the bridge.",
            ["To understand the delay", "one should visit the bridge"],
            "Jane Roe",  # a title + name run resolves to the name (issue 13)
        ),
        # ... or the cue on the subject it interrupts
        (
            "The bridge, as one of the engineers pointed out, has never been inspected.",
            ["The bridge", "has never been inspected"],
            "one of the engineers",
        ),
    ],
)
def test_parenthetical_cue_inside_a_sentence(
    extractor: quotebank.Extractor, text: str, pieces: list[str], speaker: str
) -> None:
    [quote] = extractor.extract(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert [piece.text for piece in quote.content] == pieces
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


def test_parenthetical_cue_before_a_quotation_is_no_parenthetical(extractor: quotebank.Extractor) -> None:
    [(kind, content, speaker, cue)] = _quotes(
        extractor, 'Asked about the bridge, the mayor said, "We will see what the engineers find."'
    )
    assert (kind, content, speaker, cue) == ("direct", "We will see what the engineers find.", "mayor", "said")


def test_sentence_final_cue_after_a_fragment(extractor: quotebank.Extractor) -> None:
    # "<verbless fragment>, experts say.": the parser hangs the fragment on the cue
    [(kind, content, speaker, cue)] = _quotes(
        extractor, "Bridge repairs unclear on whether the city can pay, engineers say."
    )
    assert (kind, content, speaker, cue) == (
        "indirect",
        "Bridge repairs unclear on whether the city can pay",
        "engineers",
        "say",
    )


@pytest.mark.parametrize(
    "text",
    [
        "But when the council cut the budget, the mayor said enough.",  # an adverbial clause is no content
        "But in July, the bridge failed as predicted.",  # "the bridge failed as" is no source
        "As expected, the council passed the budget on Monday.",  # "expect" is no reporting cue
    ],
)
def test_opening_adverbials_are_not_content(extractor: quotebank.Extractor, text: str) -> None:
    assert extractor.extract(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "As the mayor said on Sunday, the bridge will reopen in May.",
            "the bridge will reopen in May",
            "mayor",
            "said",
        ),
        (
            "As reported by The Washington Post, the city spent two million dollars on the bridge.",
            "the city spent two million dollars on the bridge",
            "Washington Post",
            "reported",
        ),
        (
            "The city spent two million dollars on the bridge, as reported by The Washington Post.",
            "The city spent two million dollars on the bridge",
            "Washington Post",
            "reported",
        ),
    ],
)
def test_as_clauses_attribute_the_sentence(
    extractor: quotebank.Extractor, text: str, content: str, speaker: str, cue: str
) -> None:
    assert _quotes(extractor, text) == [("indirect", content, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The mayor made it clear she would not reopen the bridge.",
            "she would not reopen the bridge",
            "made it clear",
        ),
        ("The mayor made clear that the bridge would stay closed.", "the bridge would stay closed", "made clear"),
    ],
)
def test_make_clear(extractor: quotebank.Extractor, text: str, content: str, cue: str) -> None:
    assert _quotes(extractor, text) == [("indirect", content, "mayor", cue)]


def test_make_something_clear_is_no_cue(extractor: quotebank.Extractor) -> None:
    assert extractor.extract("The mayor makes this clear in her new report “Bridges.”") == []


def test_the_nearer_complement_wins(extractor: quotebank.Extractor) -> None:
    text = (
        "On Thursday, however, the mayor spoke to a gathering of engineers, promising to lift the weight "
        "limits and open more lanes to traffic ― probably not exactly what the council had in mind."
    )
    [(kind, content, speaker, cue)] = _quotes(extractor, text)
    assert (kind, speaker, cue) == ("indirect", "mayor", "promising")
    assert content.startswith("to lift the weight limits and open more lanes to traffic")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a third-person verb the model tags as a noun, its subject as a compound
        (
            "The bridge needs repairs. But Okafor claims that the city should pay for them. The council disagrees.",
            "the city should pay for them",
            "Okafor",
        ),
        (
            "Secrecy is not a stranger when it comes to the mayor's health, the mayor's former doctor maintains.",
            "Secrecy is not a stranger when it comes to the mayor's health",
            "doctor",
        ),
    ],
)
def test_verb_tagged_as_a_noun(extractor: quotebank.Extractor, text: str, content: str, speaker: str) -> None:
    [(kind, found, name, _)] = _quotes(extractor, text)
    assert (kind, found, name) == ("indirect", content, speaker)


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker"),
    [
        # an organisation or document word as the headline's source ("Poll:", "Police:")
        (
            "Poll: Voters Back the Mayor on the Bridge Repairs.\n\nThe poll was taken in May.",
            "indirect",
            "Voters Back the Mayor on the Bridge Repairs",
            "poll",
        ),
        # "Name on Topic: claim", with a quoted word: a mixed quote
        (
            "Okafor on the Bridge: The Repairs Are 'Overdue.'\n\nThe mayor spoke on Monday.",
            "mixed",
            "The Repairs Are 'Overdue.'",
            "Okafor",
        ),
    ],
)
def test_headline_sources_and_topics(
    extractor: quotebank.Extractor, text: str, kind: str, content: str, speaker: str
) -> None:
    [(found_kind, found, name, cue)] = _quotes(extractor, text)
    assert (found_kind, found, name, cue) == (kind, content, speaker, None)


@pytest.mark.parametrize(
    ("text", "narration"),
    [
        # a participle reports forward, never the clause it follows
        (
            "Sanders went first at the town hall hosted by the network, predicting a closer-than-expected primary.",
            "Sanders went first",
        ),
        ("The senator has struggled to win the south, instead claiming some victories in the Midwest.", "struggled"),
        ("Four people were slightly injured, showing the gulf between the two cities.", "Four people"),
        # a temporal "as": the cue talks with someone, it does not attribute the sentence
        (
            "As the mayor joked with her friends at the table, her brother grew impatient.",
            "her brother grew impatient",
        ),
        # an opening prepositional phrase is no claim
        ("In primary after primary this cycle, young voters just aren't showing up.", "In primary after primary"),
    ],
)
def test_narration_is_not_content(extractor: quotebank.Extractor, text: str, narration: str) -> None:
    assert not any(narration in quote.text for quote in extractor.extract(text))


def test_headline_topic_form_skips_labels(extractor: quotebank.Extractor) -> None:
    text = "Okafor on Twitter: The Bridge Will Reopen in May.\n\nThe mayor spoke on Monday."
    assert extractor.extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an unpaired dash opens the writer's aside
        (
            "The senator urged the mayor to close the bridge -- a move that engineers have long demanded.",
            "to close the bridge",
        ),
        (
            "The mayor said the city would close the bridge -- a decision that angered commuters.",
            "the city would close the bridge",
        ),
        # a pair of dashes is an aside inside the reported clause
        (
            "The mayor said the bridge -- built in 1920 -- would be closed for a year.",
            "the bridge -- built in 1920 -- would be closed for a year",
        ),
        # a hyphen inside a word is no dash
        (
            "The mayor said the same-sex couples would be married on the bridge.",
            "the same-sex couples would be married on the bridge",
        ),
    ],
)
def test_dashes_and_the_end_of_the_content(extractor: quotebank.Extractor, text: str, content: str) -> None:
    assert _quotes(extractor, text)[0][1] == content


def test_a_participle_after_the_content_describes_the_source(extractor: quotebank.Extractor) -> None:
    text = "Small groups of protesters called for an inquiry into the shooting, looping the streets around the stadium."
    [(kind, content, _, cue)] = _quotes(extractor, text)
    assert (kind, content, cue) == ("indirect", "an inquiry into the shooting", "called for")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Israeli Energy Minister Gilad Tzur: I am against this plan and will vote against it", "Gilad Tzur"),
        ("White House aide Carla Jennings: The bridge will be rebuilt by the spring", "Carla Jennings"),
        ("South Africa's Naledi Mokoena: The talks have to resume next week", "Naledi Mokoena"),
    ],
)
def test_headline_title_and_name_run_before_a_colon(extractor: quotebank.Extractor, text: str, speaker: str) -> None:
    [(_, found, name, _)] = _quotes(extractor, text)
    assert found == text.split(": ", 1)[1]
    assert name is not None
    assert speaker in name


@pytest.mark.parametrize(
    "text",
    [
        "What the survey of the voters found in the state: turnout was low again this year",
        "Where the money for the new bridge came from: a story of two cities",
    ],
)
def test_a_long_headline_head_that_is_not_a_name_is_no_source(extractor: quotebank.Extractor, text: str) -> None:
    assert _quotes(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The envoy called on Israel to drop its plans and agree to an immediate halt.",
            "to drop its plans and agree to an immediate halt",
        ),
        (
            "Repairing the bridge and calling off the strike is the only sane path, according to the mayor.",
            "Repairing the bridge and calling off the strike is the only sane path",
        ),
    ],
)
def test_a_conjoined_non_finite_verb_is_more_of_the_content(
    extractor: quotebank.Extractor, text: str, content: str
) -> None:
    assert [q[1] for q in _quotes(extractor, text)] == [content]


def test_a_conjoined_finite_report_is_still_a_quote_of_its_own(extractor: quotebank.Extractor) -> None:
    found = [
        q[1] for q in _quotes(extractor, "The envoy urged Hamas to accept the deal and said the talks would resume.")
    ]
    assert found == ["to accept the deal", "the talks would resume"]


def test_a_second_that_clause_belongs_to_the_same_report(extractor: quotebank.Extractor) -> None:
    text = "The mayor said the council wanted a deal, but that if talks failed, the strike would go on."
    assert [q[1] for q in _quotes(extractor, text)] == [
        "the council wanted a deal, but that if talks failed, the strike would go on"
    ]


# ------------------------------------------------------------- bounds on pathological parses


def test_path_up_is_bounded(extractor: quotebank.Extractor) -> None:
    from quotebank.extract.rules.verb_cues import _path_up

    doc = extractor.nlp("The minister, who spoke on Tuesday, said the talks would resume.")
    said = next(t for t in doc if t.lower_ == "said")
    resume = next(t for t in doc if t.lower_ == "resume")
    path = _path_up(resume, said)
    assert path is not None
    assert path[0].i == resume.i
    assert _path_up(resume, said, limit=0) is None
    assert _path_up(said, resume) is None  # "said" is not below "resume"


def test_a_verb_with_hundreds_of_dependants_has_no_subject(extractor: quotebank.Extractor) -> None:
    from quotebank.extract._base import MAX_FANOUT, subject_of

    doc = extractor.nlp("She said " + ", ".join(["yes"] * (MAX_FANOUT + 10)) + ".")
    said = next(t for t in doc if t.lower_ == "said")
    if said.n_lefts + said.n_rights <= MAX_FANOUT:
        pytest.skip("the parser did not hang the list on the verb")
    assert subject_of(said) is None
    short = extractor.nlp("She said yes.")
    assert subject_of(next(t for t in short if t.lower_ == "said")).text == "She"  # type: ignore[union-attr]


def test_a_parenthetical_cue_still_works_after_the_bounds(extractor: quotebank.Extractor) -> None:
    text = "The talks, the minister argued on Tuesday, would resume within a week."
    [quote] = extractor.extract(text)
    assert quote.speaker is not None
    assert quote.speaker.name == "minister"
