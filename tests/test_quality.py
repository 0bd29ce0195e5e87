"""Quality regression tests on the development set (thresholds, not timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotebank
from quotebank.errors import GoldError
from quotebank.evaluation import (
    GoldReport,
    from_quote,
    load_gold,
    load_polnear_canonical,
    oracle_predictions,
    score_gold,
)
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
    assert report.attribution.f1 >= 0.90  # issue 13 (measured 0.902)


def test_kind_accuracy(report: GoldReport) -> None:
    assert report.kind_accuracy >= 0.90


@pytest.mark.parametrize("target", ["rafah_offensive", "ceasefire"])
def test_stance_f_avg_on_matched_quotes(report: GoldReport, target: str) -> None:
    assert report.stance[target].f_avg >= 0.80


@pytest.fixture(scope="module")
def oracle(extractor: quotebank.Extractor, seed_texts: dict[str, str]) -> GoldReport:
    """Stance with gold quote boundaries, to separate stance errors from extraction errors."""
    gold = load_gold(shared("annotation", "seeds.gold.jsonl"))
    predictions = {
        doc_id: oracle_predictions(
            extractor.parse(text), [g for g in gold if g.doc == doc_id], extractor.component.scorer
        )
        for doc_id, text in seed_texts.items()
    }
    return score_gold(seed_texts, gold, predictions)


@pytest.mark.parametrize("target", ["rafah_offensive", "ceasefire"])
def test_stance_f_avg_with_gold_boundaries(oracle: GoldReport, target: str) -> None:
    assert oracle.stance[target].f_avg >= 0.80


def test_canonical_layer_lines_are_checked(tmp_path: Path) -> None:
    good = tmp_path / "canonical.jsonl"
    good.write_text(
        '{"doc": "a", "source": "T1", "spans": [[0, 5]], "mention": "Trump", "speaker": "Donald Trump", '
        '"speaker_aliases": [], "kind": "person"}\n',
        encoding="utf-8",
    )
    layer = load_polnear_canonical(good)
    assert layer["a"][((0, 5),)].names == ("Donald Trump",)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a", "spans": "0 5"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 1"):
        load_polnear_canonical(bad)
