"""The published JSON Schema of JSONL rows, checked against real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from quotebank.cli import main
from quotebank.errors import InputError
from quotebank.schema import quote_schema, validate_row
from tests.conftest import ROOT, SEEDS


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(quote_schema())


def test_the_published_copy_is_the_schema() -> None:
    published = json.loads((ROOT / "docs" / "quote.schema.json").read_text(encoding="utf-8"))
    assert published == quote_schema(), "run: quotebank schema -o docs/quote.schema.json"


def test_quotebank_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == quote_schema()


def test_real_output_validates(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(SEEDS), "-o", str(out), "--no-progress"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 50
    validator = jsonschema.Draft202012Validator(quote_schema())
    for row in rows:
        validator.validate(row)
    assert {row["kind"] for row in rows} == {"direct", "indirect", "mixed"}


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r.update(kind="sung"), "kind"),
        (lambda r: r.update(spans=[[1]]), "spans/0"),
        (lambda r: r.update(extra=1), "the top level"),
        (lambda r: r["stance"].update(x={"label": "MAYBE", "score": 0, "evidence": []}), "stance/x/label"),
    ],
)
def test_a_broken_row_is_named(change: object, where: str) -> None:
    row = {
        "doc": "a",
        "kind": "direct",
        "rule": "inverted",
        "content": ["x"],
        "spans": [[0, 1]],
        "speaker": None,
        "cue": None,
        "stance": {},
    }
    validate_row(row)
    change(row)  # type: ignore[operator]
    with pytest.raises(InputError, match=where):
        validate_row(row)
