"""Speaker resolution: registry, surnames, titles, appositions, pronouns, anaphors."""

from __future__ import annotations

import pytest

import quotebank
from quotebank import Resolution, SpeakerKind


def _speakers(extractor: quotebank.Extractor, text: str) -> list[tuple[str | None, Resolution]]:
    return [
        (q.speaker.name, q.speaker.resolution) if q.speaker else (None, Resolution.UNRESOLVED)
        for q in extractor.extract(text)
    ]


def test_registry_titles_and_aliases(extractor: quotebank.Extractor) -> None:
    text = (
        "The Israeli leader said the army would press on.\n\n"
        "Mr. Netanyahu said talks had failed.\n\n"
        "Israel’s defence minister said troops were ready."
    )
    assert [s for s, _ in _speakers(extractor, text)] == ["Benjamin Netanyahu", "Benjamin Netanyahu", "Yoav Gallant"]


def test_surname_goes_back_to_the_full_name(extractor: quotebank.Extractor) -> None:
    text = "Leila Haddad, a nurse in the camp, said water had run out.\n\nHaddad said doctors were leaving."
    assert _speakers(extractor, text) == [("Leila Haddad", Resolution.NAMED), ("Leila Haddad", Resolution.SURNAME)]


def test_apposition_title_resolves_later(extractor: quotebank.Extractor) -> None:
    text = (
        "Richard Peeperkorn, the World Health Organization representative, visited the hospital.\n\n"
        "The World Health Organization representative said supplies were gone."
    )
    [(name, how)] = _speakers(extractor, text)
    assert name == "Richard Peeperkorn"
    assert how is Resolution.TITLE


def test_group_aliases(extractor: quotebank.Extractor) -> None:
    text = "Relatives of Israeli hostages held by Hamas said they would block the road."
    [quote] = extractor.extract(text)
    assert quote.speaker is not None
    assert quote.speaker.name == "hostage families"
    assert quote.speaker.kind is SpeakerKind.GROUP


def test_the_group_goes_to_the_group_in_focus(extractor: quotebank.Extractor) -> None:
    text = (
        "Relatives of hostages said they would block the road.\n\n"
        "The decision “amounts to a death sentence” for the hostages, the group said."
    )
    assert [s for s, _ in _speakers(extractor, text)] == ["hostage families", "hostage families"]


def test_possessive_office(extractor: quotebank.Extractor) -> None:
    text = "Mr. Netanyahu’s office said the delegation would not travel."
    [quote] = extractor.extract(text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Netanyahu's office"
    assert quote.speaker.aliases == ("Benjamin Netanyahu",)


def test_pronoun_respects_gender(extractor: quotebank.Extractor) -> None:
    text = (
        "Ms. Leila Haddad met Mr. Omar Brennan on Monday.\n\n"
        "Brennan said the border was closed.\n\n"
        "She said the clinic would stay open."
    )
    assert [s for s, _ in _speakers(extractor, text)] == ["Omar Brennan", "Leila Haddad"]


def test_open_world_groups_drop_quantifiers(extractor: quotebank.Extractor) -> None:
    [quote] = extractor.extract("Two Lebanese security sources said a strike hit the village.")
    assert quote.speaker is not None
    assert quote.speaker.name == "Lebanese security sources"
    assert quote.speaker.kind is SpeakerKind.GROUP


def test_confidence_orders_resolution_kinds(extractor: quotebank.Extractor) -> None:
    text = "Maria Okafor said the bridge was safe.\n\nShe said repairs would start soon."
    named, pronoun = extractor.extract(text)
    assert named.speaker is not None
    assert pronoun.speaker is not None
    assert named.speaker.confidence > pronoun.speaker.confidence


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a role noun goes to the person the document gave that role, not to the registry's holder
        (
            "Israeli Prime Minister Dana Levin said the army would stay. The prime minister said talks would resume.",
            ["Dana Levin", "Dana Levin"],
        ),
        # two people, two roles: each role goes to its own holder
        (
            "Defence Minister Karl Hoff and Foreign Minister Lena Brandt met in Riga. "
            "The defence minister said the brigade was ready. The foreign minister said the pledge stood.",
            ["Karl Hoff", "Lena Brandt"],
        ),
        # the role in an apposition before the name, then the bare role noun
        (
            "A senior Jordanian official, Omar Khatib, said the crossing had reopened. "
            "The official said more trucks would follow.",
            ["Omar Khatib", "Omar Khatib"],
        ),
    ],
)
def test_role_back_references(extractor: quotebank.Extractor, text: str, speakers: list[str]) -> None:
    assert [s for s, _ in _speakers(extractor, text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A statement from the Kremlin said the talks had failed.", "Kremlin"),
        ("The ministry's statement said the border would stay shut.", "ministry"),
    ],
)
def test_a_document_noun_speaks_for_its_issuer(extractor: quotebank.Extractor, text: str, speaker: str) -> None:
    [(name, _)] = _speakers(extractor, text)
    assert name == speaker
