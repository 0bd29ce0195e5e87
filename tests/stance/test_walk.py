"""The walker's named rules, each with sentences written for its class and a negative case."""

from __future__ import annotations

import pytest

import quotebank


def _read(extractor: quotebank.Extractor, text: str, target: str) -> quotebank.Stance:
    doc = extractor.parse(text)
    return extractor.component.scorer.score_quotes(doc, [[(0, len(text))]])[0][target]


def _label(extractor: quotebank.Extractor, text: str, target: str) -> str:
    return _read(extractor, text, target).label.value


@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        # an obstruction noun: a named third party is blamed, which favours what it obstructs
        ("The settlers are the main obstacle to a truce.", "ceasefire", "FAVOR"),
        ("Washington is the last barrier to an invasion of Rafah.", "rafah_offensive", "FAVOR"),
        # the speaker's own side denies obstructing: no blame, still for it
        ("We are not an obstacle to a ceasefire.", "ceasefire", "FAVOR"),
        # an existential has no obstructor to blame
        ("There is no obstacle to an operation in Rafah.", "rafah_offensive", "NONE"),
    ],
)
def test_obstruction_nouns(extractor: quotebank.Extractor, text: str, target: str, label: str) -> None:
    assert _label(extractor, text, target) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Their endless demands are the only reason the agreement has not been finalised.", "FAVOR"),
        ("Hamas's refusal is the reason the deal has not been signed.", "FAVOR"),
        ("American pressure is the reason the truce was agreed.", "NONE"),  # credit takes no side
    ],
)
def test_the_cause_rule(extractor: quotebank.Extractor, text: str, label: str) -> None:
    stance = _read(extractor, text, "ceasefire")
    assert stance.label.value == label
    if label != "NONE":
        assert any("cause:reason" in ev.composition for ev in stance.evidence)


@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("The last truce did nothing but buy the militants time to rearm.", "ceasefire", "AGAINST"),
        ("The pause did little except give Hamas time to regroup.", "ceasefire", "AGAINST"),
        ("The Rafah offensive did nothing but kill civilians.", "rafah_offensive", "AGAINST"),
    ],
)
def test_did_nothing_but(extractor: quotebank.Extractor, text: str, target: str, label: str) -> None:
    stance = _read(extractor, text, target)
    assert stance.label.value == label
    assert len(stance.evidence) == 1  # one predicate, read once
    assert not any(n.startswith("contrast") for n in stance.evidence[0].composition)  # "but" is exceptive here


def test_a_contrast_still_counts(extractor: quotebank.Extractor) -> None:
    stance = _read(extractor, "“We want a truce, but Hamas refuses,” he said.", "ceasefire")
    assert "contrast:before" in stance.evidence[0].composition


def test_a_participle_that_judges_is_read_as_an_adjective(extractor: quotebank.Extractor) -> None:
    assert _label(extractor, "The truce text is balanced.", "ceasefire") == "FAVOR"


def test_evidence_names_every_predicate_on_the_way(extractor: quotebank.Extractor) -> None:
    stance = _read(extractor, "The envoy urged Israel to halt the offensive in Rafah.", "rafah_offensive")
    [evidence] = stance.evidence
    assert evidence.cue == "halt -> offensive"
    assert "via:urge" in evidence.composition
