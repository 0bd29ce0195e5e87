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
from quotebank.evaluation import PolnearReport, from_quote, load_polnear, load_polnear_canonical, score_polnear
from quotebank.suite import off_topic
from tests.conftest import shared
from tests.test_properties import _check_offsets

pytestmark = pytest.mark.slow


def _texts(split: str) -> list[Path]:
    return sorted(shared("polnear", split, "text").glob("*.txt"))


@pytest.fixture(scope="module")
def every_article(extractor: quotebank.Extractor) -> list[tuple[str, str, list[quotebank.Quote]]]:
    """(doc id, text, quotes) for the 924 articles of train and dev."""
    paths = _texts("train") + _texts("dev")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    results = list(extractor.pipe(texts, doc_ids=[p.stem for p in paths], batch_size=16))
    assert len(results) == len(texts)
    return [(p.stem, t, list(q)) for p, t, q in zip(paths, texts, results, strict=True)]


def test_every_polnear_article_is_processed(every_article: list[tuple[str, str, list[quotebank.Quote]]]) -> None:
    assert len(every_article) == 924
    for _, text, quotes in every_article:
        _check_offsets(text, quotes)
    assert sum(len(q) for _, _, q in every_article) > 5000


def test_off_topic_false_alarms(every_article: list[tuple[str, str, list[quotebank.Quote]]]) -> None:
    """Issue 12: US politics of 2016 is off topic for both targets; at most 0.5% of its quotes
    may get a label other than NONE."""
    report = off_topic((doc, quotes) for doc, _, quotes in every_article)
    assert report.quotes > 10_000
    assert report.rate <= 0.005, [(d, q.text[:80]) for d, q in report.alarms[:20]]


@pytest.fixture(scope="module")
def dev_report(extractor: quotebank.Extractor) -> PolnearReport:
    root = shared("polnear", "dev")
    texts, gold, predictions = {}, {}, {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        text = (root / "text" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        texts[ann.stem] = text
        gold[ann.stem] = load_polnear(ann)
        predictions[ann.stem] = [from_quote(q) for q in extractor.extract(text)]
    canonical = load_polnear_canonical(shared("polnear", "dev-canonical.jsonl"))
    return score_polnear(texts, gold, predictions, canonical)


def test_polnear_dev_precision(dev_report: PolnearReport) -> None:
    assert dev_report.events.precision >= 0.80


def test_polnear_dev_speaker_mentions(dev_report: PolnearReport) -> None:
    assert dev_report.speaker_mention_accuracy >= 0.88


def test_polnear_dev_recall_floors(dev_report: PolnearReport) -> None:
    # the targets: with marks 0.90 (measured 0.913), without marks 0.45 (measured 0.451)
    assert dev_report.marked_recall >= 0.90
    assert dev_report.unmarked_recall >= 0.45


def test_polnear_dev_canonical_speakers(dev_report: PolnearReport) -> None:
    # issue 13: canonical speaker accuracy on dev-canonical.jsonl (goal 0.85; measured 0.856,
    # from 0.770 at the start of the issue)
    assert dev_report.canonical_pairs > 500
    assert dev_report.canonical_accuracy is not None
    assert dev_report.canonical_accuracy >= 0.85


def test_polnear_dev_one_person_one_key(dev_report: PolnearReport) -> None:
    # the five most quoted people each come out under one speaker key
    assert len(dev_report.person_keys) == 5
    assert all(len(keys) == 1 for keys in dev_report.person_keys.values()), dev_report.person_keys
