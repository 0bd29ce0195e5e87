"""Robustness and quality on PolNeAR, read in place from ../shared (slow).

The 924 articles of PolNeAR train and dev are real political news from seven
US outlets. Every one must be processed without an error, with exact
offsets; on dev, extraction must meet the project's recall and precision
targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quotebank
from quotebank.evaluation import PolnearReport, from_quote, load_polnear, score_polnear
from tests.conftest import shared
from tests.test_properties import _check_offsets

pytestmark = pytest.mark.slow


def _texts(split: str) -> list[Path]:
    return sorted(shared("polnear", split, "text").glob("*.txt"))


def test_every_polnear_article_is_processed(extractor: quotebank.Extractor) -> None:
    paths = _texts("train") + _texts("dev")
    assert len(paths) == 924
    texts = [p.read_text(encoding="utf-8") for p in paths]
    results = list(extractor.pipe(texts, doc_ids=[p.stem for p in paths], batch_size=16))
    assert len(results) == len(texts)
    for text, quotes in zip(texts, results, strict=True):
        _check_offsets(text, quotes)
    assert sum(len(q) for q in results) > 5000


@pytest.fixture(scope="module")
def dev_report(extractor: quotebank.Extractor) -> PolnearReport:
    root = shared("polnear", "dev")
    texts, gold, predictions = {}, {}, {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        text = (root / "text" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        texts[ann.stem] = text
        gold[ann.stem] = load_polnear(ann)
        predictions[ann.stem] = [from_quote(q) for q in extractor.extract(text)]
    return score_polnear(texts, gold, predictions)


def test_polnear_dev_precision(dev_report: PolnearReport) -> None:
    assert dev_report.events.precision >= 0.80


def test_polnear_dev_speaker_mentions(dev_report: PolnearReport) -> None:
    assert dev_report.speaker_mention_accuracy >= 0.88


def test_polnear_dev_recall_floors(dev_report: PolnearReport) -> None:
    # the targets: with marks 0.90 (measured 0.913), without marks 0.45 (measured 0.451)
    assert dev_report.marked_recall >= 0.90
    assert dev_report.unmarked_recall >= 0.45
