"""The command line: JSONL schema, formats, bad files, atomic and checkpointed output, resume."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotebank.cli import main
from quotebank.extract.rules import REGISTRY
from tests.conftest import SEEDS, shared

RULE_NAMES = {rule.name for rule in REGISTRY}


def _docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("“We will rebuild the bridge,” Maria Okafor said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Officials said the bridge would reopen in May.\n", encoding="utf-8")
    return folder


def test_jsonl_schema(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(SEEDS / "004_5621e81417cc91a2.txt"), "-o", str(out)]) == 0
    text = (SEEDS / "004_5621e81417cc91a2.txt").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines
    for row in lines:
        assert set(row) >= {"doc", "kind", "rule", "content", "spans", "speaker", "cue", "stance"}
        assert row["doc"] == "004_5621e81417cc91a2"
        assert row["rule"] in RULE_NAMES
        assert row["kind"] in {"direct", "indirect", "mixed"}
        for piece, (start, end) in zip(row["content"], row["spans"], strict=True):
            assert text[start:end] == piece
        speaker = row["speaker"]
        assert set(speaker) >= {"name", "mention", "span", "kind"}
        if speaker["span"] is not None:
            assert text[speaker["span"][0] : speaker["span"][1]] == speaker["mention"]
        if row["cue"] is not None:
            assert text[row["cue"]["span"][0] : row["cue"]["span"][1]] == row["cue"]["text"]
        assert {"rafah_offensive", "ceasefire"} <= set(row["stance"])
        for stance in row["stance"].values():
            assert stance["label"] in {"FAVOR", "AGAINST", "NONE"}
            assert -1 <= stance["score"] <= 1
            for ev in stance["evidence"]:
                if ev["span"] is not None:
                    assert text[ev["span"][0] : ev["span"][1]] == ev["text"]


def test_csv_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _docs(tmp_path)
    out = tmp_path / "q.csv"
    assert main(["extract", str(folder), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["doc"] for r in rows] == ["a", "b"]
    assert [r["rule"] for r in rows] == ["inverted", "clausal_complement"]
    assert "ceasefire" in rows[0]
    assert main(["extract", str(folder), "--format", "table"]) == 0
    shown = capsys.readouterr().out
    assert "Maria Okafor" in shown
    assert "ceasefire" in shown


def test_bad_files_are_named_and_the_rest_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _docs(tmp_path)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 data")
    (folder / "latin1.txt").write_bytes("caf\xe9 said".encode("latin-1"))
    missing = folder / "missing.txt"
    out = tmp_path / "q.jsonl"
    errors = tmp_path / "errors.jsonl"
    status = main(["extract", str(folder), str(missing), "-o", str(out), "--errors", str(errors)])
    assert status == 1
    err = capsys.readouterr().err
    assert "binary.txt" in err
    assert "latin1.txt" in err
    assert "missing.txt" in err
    failed = {
        Path(json.loads(line)["file"]).name: json.loads(line)["reason"] for line in errors.read_text().splitlines()
    }
    assert set(failed) == {"binary.txt", "latin1.txt", "missing.txt"}
    assert "UTF-8" in failed["latin1.txt"]
    assert "binary" in failed["binary.txt"]
    docs = {json.loads(line)["doc"] for line in out.read_text().splitlines()}
    assert docs == {"a", "b"}


def test_a_table_file_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _docs(tmp_path)
    out = tmp_path / "q.txt"
    out.write_text("previous content\n", encoding="utf-8")
    import quotebank.cli.extract as cli

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "_write_table", boom)
    with pytest.raises(RuntimeError):
        main(["extract", str(folder), "--format", "table", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous content\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_crash_keeps_finished_documents_for_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _docs(tmp_path)
    out, whole = tmp_path / "q.jsonl", tmp_path / "whole.jsonl"
    assert main(["extract", str(folder), "-o", str(whole)]) == 0
    import quotebank.cli.extract as cli

    real = cli.write_jsonl
    calls = []

    def second_fails(quotes: object, handle: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(quotes, handle)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "write_jsonl", second_fails)
    with pytest.raises(RuntimeError):
        main(["extract", str(folder), "-o", str(out)])
    monkeypatch.setattr(cli, "write_jsonl", real)
    assert [json.loads(line)["doc"] for line in out.read_text().splitlines()] == ["a"]
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == whole.read_bytes()


def test_resume_needs_jsonl_output(tmp_path: Path) -> None:
    assert main(["extract", str(_docs(tmp_path)), "--resume"]) == 2


def test_explain_shows_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEEDS / "004_5621e81417cc91a2.txt")]) == 0
    out = capsys.readouterr().out
    assert "ceasefire: AGAINST" in out
    assert "cue" in out


def test_evaluate_gold_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = shared("annotation", "seeds.gold.jsonl")
    out = tmp_path / "metrics.json"
    assert (
        main(["evaluate", "--gold", str(gold), "--docs", str(SEEDS), "--baseline", "textacy", "--json", str(out)]) == 0
    )
    shown = capsys.readouterr().out
    assert "attribution F1" in shown
    assert "F_avg" in shown
    assert "confusion" in shown
    metrics = json.loads(out.read_text())
    assert metrics["gold"]["quotebank"]["quote"]["f1"] > metrics["gold"]["textacy"]["quote"]["f1"]


def test_evaluate_suite_prints_targets_and_capabilities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "suite.jsonl"
    lines = [
        {
            "id": "a",
            "capability": "explicit_support",
            "text": '"We welcome the truce," the minister said.',
            "content": "We welcome the truce,",
            "stance": {"ceasefire": "FAVOR", "rafah_offensive": "NONE"},
        },
        {
            "id": "b",
            "capability": "neutral_report",
            "text": "The minister said the talks would resume on Monday.",
            "content": "the talks would resume on Monday",
            "stance": {"ceasefire": "NONE", "rafah_offensive": "NONE"},
        },
    ]
    suite.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = tmp_path / "metrics.json"
    assert main(["evaluate", "--suite", str(suite), "--json", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "explicit_support (1)" in shown
    assert "gold bounds" in shown
    metrics = json.loads(out.read_text())
    assert set(metrics["suite"]) == {"end_to_end", "gold_bounds"}
    assert metrics["suite"]["end_to_end"]["found"] == 2
    assert metrics["suite"]["end_to_end"]["failures"] == []


def test_evaluate_suite_names_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suite = tmp_path / "suite.jsonl"
    suite.write_text("{oops\n", encoding="utf-8")
    assert main(["evaluate", "--suite", str(suite)]) == 2
    assert "suite.jsonl:1:" in capsys.readouterr().err


def test_evaluate_off_topic_counts_alarms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("The senator said the trade deal would create jobs.", encoding="utf-8")
    (tmp_path / "b.txt").write_text('"We will fight until victory," the general said.', encoding="utf-8")
    out = tmp_path / "metrics.json"
    assert main(["evaluate", "--off-topic", str(tmp_path), "--json", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "2 documents, 2 quotes" in shown
    metrics = json.loads(out.read_text())
    assert metrics["off_topic"]["quotes"] == 2


def test_console_script_runs() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotebank.cli",
            "extract",
            str(SEEDS / "002_3ac2d9fa2db862bd.txt"),
            "--format",
            "table",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Antony Blinken" in done.stdout


_HOSTILE = '"=HYPERLINK(""http://evil.example"")\x1b[2J\x07 we will win," @Cmdr Rhee said.\n'


def test_csv_cells_that_open_like_formulas_are_neutralised(tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text(_HOSTILE, encoding="utf-8")
    guarded, raw = tmp_path / "guarded.csv", tmp_path / "raw.csv"
    assert main(["extract", str(doc), "--format", "csv", "-o", str(guarded)]) == 0
    assert main(["extract", str(doc), "--format", "csv", "--csv-formulas", "-o", str(raw)]) == 0
    [row] = list(csv.DictReader(guarded.open(encoding="utf-8")))
    [exact] = list(csv.DictReader(raw.open(encoding="utf-8")))
    assert exact["text"].startswith("=HYPERLINK")
    assert row["text"] == "'" + exact["text"]
    for cells in (row, exact):  # scores stay numbers
        assert all(float(cells[k]) == float(cells[k]) for k in cells if k.endswith("_score"))


def test_terminal_output_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "hostile\x1b]0;pwned\x07.txt"
    doc.write_text(_HOSTILE, encoding="utf-8")
    assert main(["extract", str(doc), "--format", "table"]) == 0
    assert main(["explain", str(doc)]) == 0
    out = capsys.readouterr()
    for stream in (out.out, out.err):
        assert "\x1b" not in stream
        assert "\x07" not in stream
    assert "\\x1b[2J" in out.out


@pytest.mark.parametrize("kind", ["directory", "symlink"])
def test_an_output_that_is_not_a_regular_file_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("kept\n", encoding="utf-8")
    output = tmp_path / "out"
    if kind == "directory":
        output.mkdir()
    else:
        output.symlink_to(target)
    assert main(["extract", str(SEEDS / "004_5621e81417cc91a2.txt"), "-o", str(output)]) == 2
    assert kind.replace("symlink", "symbolic link") in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert output.is_dir() if kind == "directory" else output.is_symlink()


def test_the_textacy_baseline_without_textacy_is_one_line_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "textacy" else real(name, *a))
    assert main(["evaluate", "--polnear", "nowhere", "--baseline", "textacy"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "quotebank[eval]" in err[0]


def test_disable_rule_switches_a_rule_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _docs(tmp_path)
    out = tmp_path / "q.csv"
    assert (
        main(["extract", str(folder / "a.txt"), "--format", "csv", "-o", str(out), "--disable-rule", "inverted"]) == 0
    )
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["rule"] == "direct_cue_after"
    assert row["speaker"] == "Maria Okafor"
    assert main(["extract", str(folder), "--disable-rule", "invertd"]) == 2
    assert "no extraction rule is named 'invertd'" in capsys.readouterr().err
