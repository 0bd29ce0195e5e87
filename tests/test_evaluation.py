"""Gold files are validated line by line: wrong types, kinds and labels name file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotebank.cli import main
from quotebank.errors import GoldError
from quotebank.evaluation import load_gold

_GOOD: dict[str, Any] = {
    "doc": "d",
    "kind": "direct",
    "content": ["We are ready"],
    "speaker": "Maria Okafor",
    "speaker_aliases": [],
    "stance": {"ceasefire": "FAVOR"},
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"content": "We are ready"}, "'content' must be a list of strings, got str"),
        ({"content": []}, "'content'"),
        ({"content": [3]}, "'content' must be"),
        ({"kind": "quoted"}, "'kind' must be in"),
        ({"stance": {"ceasefire": "PRO"}}, "'stance' must be in"),
        ({"stance": ["FAVOR"]}, "'stance' must be an object"),
        ({"doc": 3}, "'doc' must be"),
        ({"speaker": ["Maria Okafor"]}, "'speaker' must be"),
        ({"speaker_aliases": "Okafor"}, "'speaker_aliases' must be a list"),
    ],
)
def test_a_wrongly_typed_line_names_file_line_and_field(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_GOOD) + "\n" + json.dumps({**_GOOD, **change}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="line 2") as caught:
        load_gold(gold)
    assert message in str(caught.value)
    assert str(gold) in str(caught.value)


def test_a_missing_field_and_a_non_object_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({k: v for k, v in _GOOD.items() if k != "kind"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="line 1: not a gold quote \\(no field 'kind'\\)"):
        load_gold(gold)
    gold.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(GoldError, match="must be a JSON object"):
        load_gold(gold)


def test_a_good_line_loads() -> None:
    [quote] = _load([_GOOD])
    assert quote.content == ("We are ready",)
    assert quote.stance == {"ceasefire": "FAVOR"}


def _load(lines: list[dict[str, Any]]) -> list[Any]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "g.jsonl"
        gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        return load_gold(gold)


def test_evaluate_with_a_bad_gold_line_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({**_GOOD, "kind": "quoted"}) + "\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--docs", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "line 1" in err[0]
