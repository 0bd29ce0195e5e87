"""Quality regression tests on the development set (thresholds, not timings)."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.evaluation import GoldReport, from_quote, load_gold, score_gold
from tests.conftest import shared


@pytest.fixture(scope="module")
def report(extractor: quotebank.Extractor, seed_texts: dict[str, str]) -> GoldReport:
    gold = load_gold(shared("annotation", "seeds.gold.jsonl"))
    predictions = {doc: [from_quote(q) for q in extractor.extract(text)] for doc, text in seed_texts.items()}
    return score_gold(seed_texts, gold, predictions)


def test_gold_content_is_found_in_the_seeds(report: GoldReport) -> None:
    assert report.errors == ()


def test_quote_f1(report: GoldReport) -> None:
    assert report.quote.f1 >= 0.90


def test_attribution_f1(report: GoldReport) -> None:
    assert report.attribution.f1 >= 0.85


def test_kind_accuracy(report: GoldReport) -> None:
    assert report.kind_accuracy >= 0.90
