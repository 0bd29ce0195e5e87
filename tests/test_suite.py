"""The behavioural suite: loading with file and line errors, matching, scoring, and the floors.

The floors are the issue's targets on the shared suite (read in place from ``../shared``) and on
the project's own capability suite (``tests/stance/data/capabilities.jsonl``, written separately
from the same capability list).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotebank
from quotebank.suite import (
    SuiteError,
    SuiteItem,
    SuiteMode,
    SuiteOutcome,
    SuiteReport,
    is_speaker_suite,
    load_speaker_suite,
    load_suite,
    matching_quote,
    run_speaker_suite,
    run_suite,
    score_speaker_suite,
    score_suite,
)
from tests.conftest import DATA, shared

_LINE = {
    "id": "t-1",
    "capability": "negation_scope",
    "text": '"We will never accept a truce," she said.',
    "content": "We will never accept a truce,",
    "stance": {"ceasefire": "AGAINST", "rafah_offensive": "NONE"},
}


def _write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "suite.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_load_reads_items_and_skips_blank_lines(tmp_path: Path) -> None:
    items = load_suite(_write(tmp_path, _LINE, "", {**_LINE, "id": "t-2", "content": ["We will", "a truce"]}))
    assert [i.id for i in items] == ["t-1", "t-2"]
    assert items[1].content == ("We will", "a truce")
    assert items[0].spans() == ((1, 30),)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "suite.jsonl:2:"),
        ({k: v for k, v in _LINE.items() if k != "stance"}, "missing stance"),
        ({**_LINE, "stance": {"ceasefire": "PRO"}}, "'PRO'"),
        ({**_LINE, "stance": {}}, "stance must be"),
        ({**_LINE, "content": ""}, "content must be"),
        ({**_LINE, "content": "words that are not there"}, "not in its text"),
        ({**_LINE, "id": 3}, "id"),
        (["a", "list"], "JSON object"),
        (_LINE, "used twice"),
    ],
)
def test_load_names_file_and_line_of_a_bad_line(tmp_path: Path, line: object, message: str) -> None:
    with pytest.raises(SuiteError, match=r"suite\.jsonl:2:") as caught:
        load_suite(_write(tmp_path, _LINE, line))
    assert message in str(caught.value)
    assert isinstance(caught.value, quotebank.errors.QuotebankError)


def test_matching_quote_follows_the_overlap_rule(extractor: quotebank.Extractor) -> None:
    item = SuiteItem(**_LINE)  # type: ignore[arg-type]
    quotes = extractor.extract(item.text)
    assert matching_quote(item, quotes) is quotes[0]
    elsewhere = SuiteItem(**{**_LINE, "content": "she said"})  # type: ignore[arg-type]
    assert matching_quote(elsewhere, quotes) is None


def _outcome(capability: str, gold: str, predicted: str | None) -> SuiteOutcome:
    item = SuiteItem(**{**_LINE, "capability": capability, "stance": {"ceasefire": gold}})  # type: ignore[arg-type]
    return SuiteOutcome(item=item, predicted={} if predicted is None else {"ceasefire": predicted}, found=True)


def test_score_counts_capabilities_and_reads_a_missing_label_as_none() -> None:
    report = score_suite(
        [_outcome("a", "FAVOR", "FAVOR"), _outcome("a", "AGAINST", "FAVOR"), _outcome("b", "NONE", None)],
        mode=SuiteMode.END_TO_END,
    )
    assert report.capabilities["a"].accuracy == 0.5
    assert report.capabilities["b"].accuracy == 1.0
    assert report.accuracy == round(2 / 3, 4)
    assert report.to_dict()["failures"] == ["t-1"]
    assert report.stance["ceasefire"].f1_favor == round(2 / 3, 4)


def _report(extractor: quotebank.Extractor, path: Path, mode: SuiteMode) -> SuiteReport:
    items = load_suite(path)
    outcomes = run_suite(items, extractor.parse, extractor.component.scorer.score_quotes, mode=mode)
    return score_suite(outcomes, mode=mode)


@pytest.fixture(scope="module", params=list(SuiteMode), ids=lambda m: m.value)
def shared_suite(request: pytest.FixtureRequest, extractor: quotebank.Extractor) -> SuiteReport:
    return _report(extractor, shared("annotation", "stance_suite.jsonl"), request.param)


@pytest.fixture(scope="module", params=list(SuiteMode), ids=lambda m: m.value)
def own_suite(request: pytest.FixtureRequest, extractor: quotebank.Extractor) -> SuiteReport:
    return _report(extractor, DATA.parent / "stance" / "data" / "capabilities.jsonl", request.param)


# Issue 12: F_avg >= 0.85 per target and every capability >= 0.75 with gold bounds; end to end the
# same floors hold (an item whose quote is not found counts as NONE).
_FLOORS = {
    SuiteMode.GOLD_BOUNDS: {"f_avg": 0.85, "capability": 0.75},
    SuiteMode.END_TO_END: {"f_avg": 0.85, "capability": 0.75},
}


@pytest.mark.parametrize("target", ["ceasefire", "rafah_offensive"])
def test_shared_suite_f_avg(shared_suite: SuiteReport, target: str) -> None:
    assert shared_suite.stance[target].f_avg >= _FLOORS[shared_suite.mode]["f_avg"], shared_suite.to_dict()


def test_shared_suite_every_capability(shared_suite: SuiteReport) -> None:
    floor = _FLOORS[shared_suite.mode]["capability"]
    weak = {c: s.accuracy for c, s in shared_suite.capabilities.items() if s.accuracy < floor}
    assert not weak, weak


@pytest.mark.parametrize("target", ["ceasefire", "rafah_offensive"])
def test_own_suite_f_avg(own_suite: SuiteReport, target: str) -> None:
    assert own_suite.stance[target].f_avg >= 0.90, own_suite.to_dict()


def test_own_suite_every_capability(own_suite: SuiteReport) -> None:
    weak = {c: s.accuracy for c, s in own_suite.capabilities.items() if s.accuracy < 0.75}
    assert not weak, weak


_SPEAKER_LINE = {
    "id": "s-1",
    "capability": "surname_back_reference",
    "text": 'Mayor Ann Lee said the bridge would reopen. "It is safe," Lee told reporters.',
    "quotes": [
        {"content": "the bridge would reopen", "speaker": "Ann Lee"},
        {"content": "It is safe,", "speaker": "Ann Lee", "speaker_aliases": ["Mayor Lee"]},
    ],
}


def test_a_speaker_suite_is_told_apart_and_loaded(tmp_path: Path) -> None:
    stance = tmp_path / "stance"
    stance.mkdir()
    assert not is_speaker_suite(_write(stance, _LINE))
    path = _write(tmp_path, _SPEAKER_LINE)
    assert is_speaker_suite(path)
    [item] = load_speaker_suite(path)
    assert item.quotes[1].names == ("Ann Lee", "Mayor Lee")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({**_SPEAKER_LINE, "quotes": [{"content": "the bridge would reopen"}]}, "content and speaker"),
        ({**_SPEAKER_LINE, "quotes": [{"content": "not in the text", "speaker": "X"}]}, "not in its text"),
        ({**_SPEAKER_LINE, "quotes": "none"}, "must be a list"),
    ],
)
def test_a_bad_speaker_line_names_file_and_line(tmp_path: Path, line: object, message: str) -> None:
    with pytest.raises(SuiteError, match=r"suite\.jsonl:1:") as caught:
        load_speaker_suite(_write(tmp_path, line))
    assert message in str(caught.value)


def test_speaker_suite_scores_each_gold_quote(extractor: quotebank.Extractor, tmp_path: Path) -> None:
    items = load_speaker_suite(_write(tmp_path, _SPEAKER_LINE))
    report = score_speaker_suite(run_speaker_suite(items, extractor.extract))
    assert report.found == 2
    assert report.accuracy == 1.0
    assert report.capabilities["surname_back_reference"].total == 2


def test_shared_speaker_suite(extractor: quotebank.Extractor) -> None:
    """Issue 13: the shared speaker suite, 0.90 overall and 0.80 in every capability
    (measured 0.946; weakest capability statement_sources 0.826)."""
    items = load_speaker_suite(shared("annotation", "speaker_suite.jsonl"))
    report = score_speaker_suite(run_speaker_suite(items, extractor.extract))
    assert report.accuracy >= 0.90
    weak = {c: s.accuracy for c, s in report.capabilities.items() if s.accuracy < 0.80}
    assert not weak
