"""The attrs types: frozen, validated, and losslessly round-tripped."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest
from hypothesis import given

from quotebank import Evidence, Quote, QuoteKind, Speaker, SpeakerKind, Stance, StanceLabel, StanceLayer, TextSpan
from tests import strategies as st_qb


def test_text_span_rejects_bad_offsets() -> None:
    with pytest.raises(ValueError, match="0 <= start <= end"):
        TextSpan(start=5, end=2, text="")
    with pytest.raises(ValueError, match="0 <= start <= end"):
        TextSpan(start=-1, end=2, text="abc")
    with pytest.raises(ValueError, match="covers"):
        TextSpan(start=0, end=2, text="abc")
    with pytest.raises(TypeError):
        TextSpan(start="0", end=2, text="ab")  # type: ignore[arg-type]


def test_text_span_from_text_checks_bounds() -> None:
    assert TextSpan.from_text("hello", 1, 3).text == "el"
    with pytest.raises(ValueError, match="past the end"):
        TextSpan.from_text("hello", 1, 9)


def test_types_are_frozen_and_keyword_only() -> None:
    span = TextSpan(start=0, end=1, text="a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        TextSpan(0, 1, "a")  # type: ignore[misc]
    quote = Quote(kind=QuoteKind.DIRECT, content=(span,))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.kind = QuoteKind.MIXED  # type: ignore[misc]
    with pytest.raises(TypeError):
        quote.stance["x"] = None  # type: ignore[index]


def test_quote_validators() -> None:
    a = TextSpan(start=0, end=3, text="abc")
    b = TextSpan(start=2, end=4, text="cd")
    with pytest.raises(ValueError, match="at least one"):
        Quote(kind=QuoteKind.DIRECT, content=())
    with pytest.raises(ValueError, match="text order"):
        Quote(kind=QuoteKind.DIRECT, content=(a, b))
    with pytest.raises(ValueError, match="spoken"):
        Quote(kind="spoken", content=(a,))  # type: ignore[arg-type]
    stance = Stance(target="ceasefire", label=StanceLabel.NONE)
    with pytest.raises(ValueError, match="holds a Stance for target"):
        Quote(kind=QuoteKind.DIRECT, content=(a,), stance={"rafah": stance})


def test_score_and_confidence_ranges() -> None:
    with pytest.raises(ValueError, match=r"\[-1, 1\]"):
        Stance(target="t", label=StanceLabel.FAVOR, score=1.5)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        Speaker(name="x", confidence=2.0)
    with pytest.raises(ValueError, match="finite"):
        Stance(target="t", label=StanceLabel.FAVOR, score=float("nan"))


def test_enums_accept_their_values() -> None:
    assert Speaker(name="x", kind="group").kind is SpeakerKind.GROUP  # type: ignore[arg-type]
    assert Stance(target="t", label="AGAINST").label is StanceLabel.AGAINST  # type: ignore[arg-type]


@given(st_qb.quotes())
def test_json_round_trip_is_lossless(quote: Quote) -> None:
    data = json.loads(json.dumps(quote.to_dict()))
    assert Quote.from_dict(data) == quote


@given(st_qb.quotes())
def test_quotes_are_hashable_and_picklable(quote: Quote) -> None:
    assert hash(quote) == hash(Quote.from_dict(quote.to_dict()))
    assert pickle.loads(pickle.dumps(quote)) == quote


def test_to_dict_has_the_cli_schema() -> None:
    span = TextSpan(start=1, end=4, text="abc")
    quote = Quote(
        kind=QuoteKind.INDIRECT,
        content=(span,),
        speaker=Speaker(name="Ann", mention=TextSpan(start=6, end=9, text="she"), kind=SpeakerKind.PERSON),
        cue=TextSpan(start=10, end=14, text="said"),
        stance={
            "ceasefire": Stance(
                target="ceasefire",
                label=StanceLabel.FAVOR,
                score=0.5,
                evidence=(
                    Evidence(
                        layer=StanceLayer.PREDICATE,
                        rule="support",
                        cue="welcome -> truce",
                        weight=1.0,
                        span=span,
                        composition=("booster:wholeheartedly",),
                    ),
                ),
            )
        },
        doc_id="d",
    )
    data = quote.to_dict()
    assert data["doc"] == "d"
    assert data["kind"] == "indirect"
    assert data["content"] == ["abc"]
    assert data["spans"] == [[1, 4]]
    assert data["speaker"]["name"] == "Ann"
    assert data["speaker"]["span"] == [6, 9]
    assert data["cue"] == {"text": "said", "span": [10, 14]}
    assert data["stance"]["ceasefire"]["label"] == "FAVOR"
    assert data["stance"]["ceasefire"]["evidence"][0]["span"] == [1, 4]
    assert data["stance"]["ceasefire"]["evidence"][0]["layer"] == "predicate"
    assert data["stance"]["ceasefire"]["evidence"][0]["composition"] == ["booster:wholeheartedly"]


def test_a_quote_rule_is_a_rule_name_or_none() -> None:
    content = (TextSpan(start=0, end=2, text="no"),)
    assert Quote(kind="direct", content=content, rule="inverted").rule == "inverted"
    assert Quote(kind="direct", content=content).to_dict()["rule"] is None
    with pytest.raises(ValueError, match="rule"):
        Quote(kind="direct", content=content, rule="Not A Name")
    # output written before rules were recorded reads back with no rule
    old = Quote(kind="direct", content=content).to_dict()
    del old["rule"]
    assert Quote.from_dict(old).rule is None
