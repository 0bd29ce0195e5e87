"""The stance scorer: cues through the parse, negation, conditionals, patterns, evidence."""

from __future__ import annotations

import pytest

import quotebank
from quotebank import StanceLabel
from tests.conftest import DATA


def _stance(extractor: quotebank.Extractor, text: str, target: str) -> quotebank.Stance:
    quotes = extractor.extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0].stance[target]


@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("“We will fight until complete victory,” the minister said.", "ceasefire", "AGAINST"),
        ("The minister said Israel would reject any deal with the group.", "ceasefire", "AGAINST"),
        ("The minister said they welcome the truce.", "ceasefire", "FAVOR"),
        ("The minister said the army would not stop fighting until the group is destroyed.", "ceasefire", "AGAINST"),
        ("The minister said Israel must commit to ending the war.", "ceasefire", "FAVOR"),
        (
            "The minister said Israel has ordered troops to prepare for an invasion of Rafah.",
            "rafah_offensive",
            "FAVOR",
        ),
        ("The envoy said an assault on Rafah would be a catastrophe.", "rafah_offensive", "AGAINST"),
        ("The envoy said the weather in Rafah was mild.", "rafah_offensive", "NONE"),
        ("The envoy said the weather was mild.", "ceasefire", "NONE"),
    ],
)
def test_labels(extractor: quotebank.Extractor, text: str, target: str, label: str) -> None:
    assert _stance(extractor, text, target).label.value == label


def test_negated_negative_is_positive(extractor: quotebank.Extractor) -> None:
    stance = _stance(extractor, "The minister said Israel would not reject the truce.", "ceasefire")
    assert stance.label is StanceLabel.FAVOR


def test_conditional(extractor: quotebank.Extractor) -> None:
    text = "The senator said that if they go into Rafah, they will not get our support."
    assert _stance(extractor, text, "rafah_offensive").label is StanceLabel.AGAINST


def test_no_speaker_priors(extractor: quotebank.Extractor) -> None:
    words = "“We will fight until complete victory,” {} said."
    labels = {
        _stance(extractor, words.format(name), "ceasefire").label
        for name in ("Benjamin Netanyahu", "Ismail Haniyeh", "Maria Okafor", "the spokesman")
    }
    assert labels == {StanceLabel.AGAINST}


def test_evidence_points_into_the_text(extractor: quotebank.Extractor) -> None:
    text = "The minister said Israel would reject any deal with the group."
    [quote] = extractor.extract(text)
    stance = quote.stance["ceasefire"]
    assert stance.evidence
    for ev in stance.evidence:
        assert ev.span is not None
        assert text[ev.span.start : ev.span.end] == ev.span.text
    assert any("reject" in ev.cue for ev in stance.evidence)
    assert -1.0 <= stance.score < 0


def test_a_third_target_is_one_file() -> None:
    extractor = quotebank.Extractor(targets=[DATA / "humanitarian_aid.toml"])
    assert "humanitarian_aid" in extractor.targets
    [quote] = extractor.extract("The agency said Israel must allow aid trucks into Gaza.")
    assert quote.stance["humanitarian_aid"].label is StanceLabel.FAVOR
    # a third party's obstruction reported as fact is blame: the agency is for the aid
    [quote] = extractor.extract("The agency said Israel had blocked aid deliveries for weeks.")
    assert quote.stance["humanitarian_aid"].label is StanceLabel.FAVOR
    [quote] = extractor.extract("The minister said Israel would block aid deliveries.")
    assert quote.stance["humanitarian_aid"].label is StanceLabel.AGAINST
    # an [exclude] word moves a term to another domain
    [quote] = extractor.extract("The senator said military aid to Ukraine must continue.")
    assert quote.stance["humanitarian_aid"].label is StanceLabel.NONE


def test_the_first_target_file_layout_is_still_read() -> None:
    extractor = quotebank.Extractor(targets=[DATA / "legacy_target.toml"])
    [quote] = extractor.extract("The agency said Israel must allow aid trucks into Gaza.")
    assert quote.stance["humanitarian_aid"].label is StanceLabel.FAVOR
