"""The command line in the shell: stdin and stdout, HTML folders, targets, speakers,
Parquet, the text offsets refer to, help and version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import quotebank
from quotebank.cli import main
from quotebank.io import read_quotes
from tests.conftest import DATA, ROOT

PAGES = DATA / "pages"
TEXT = (
    '"We reject this ceasefire," Netanyahu said on Sunday.\n\n'
    "The UN chief said the offensive on Rafah would be a catastrophe.\n\n"
    "Officials said the bridge would reopen in May.\n"
)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotebank.cli", *args]


def _rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"quotebank {quotebank.__version__}"


@pytest.mark.parametrize("command", ["extract", "report", "explain", "evaluate", "schema"])
def test_help_shows_defaults(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--model" in out or command == "schema"
    assert "(default:" in out


def test_stdin_to_jq(tmp_path: Path) -> None:
    jq = shutil.which("jq")
    if jq is None:
        if os.environ.get("CI") == "true":
            pytest.fail("jq is not installed: make test installs it with apt-get")
        pytest.skip("jq is not installed")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    pipeline = f"cat {article} | {sys.executable} -m quotebank.cli extract - --format jsonl | {jq} -r .speaker.name"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["Benjamin Netanyahu", "Antonio Guterres"]
    assert "3 quotes from 1 documents" in done.stderr


def test_dash_output_is_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "-o", "-"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [r["doc"] for r in rows] == ["a", "a", "a"]
    assert not (tmp_path / "-").exists()
    assert not Path("-").exists()


def test_a_folder_of_pages_with_its_texts(tmp_path: Path) -> None:
    out, texts = tmp_path / "q.jsonl", tmp_path / "texts"
    assert main(["extract", str(PAGES), "-o", str(out), "--text-dir", str(texts), "--no-progress"]) == 0
    quotes = read_quotes(out)
    assert {q.doc_id for q in quotes} == {"truce-talks", "rafah-warning"}
    for quote in quotes:
        text = (texts / f"{quote.doc_id}.txt").read_text(encoding="utf-8")
        for piece in quote.content:
            assert text[piece.start : piece.end] == piece.text
        assert quote.speaker is not None
        assert "<" not in (quote.speaker.name or "")


def test_tags_in_a_txt_file_are_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "scraped.txt"
    article.write_text("<p>The <b>UN</b> chief said the war must end.</p>\n", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(tmp_path / "q.jsonl")]) == 0
    assert "scraped.txt holds HTML tags" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("targets", "expected"),
    [
        ([], ["ceasefire", "rafah_offensive"]),
        (["--targets", "none"], []),
        (["--targets", "rafah_offensive"], ["rafah_offensive"]),
        (["--targets", "rafah_offensive,ceasefire"], ["rafah_offensive", "ceasefire"]),
        (["--targets", str(DATA / "humanitarian_aid.toml")], ["ceasefire", "humanitarian_aid", "rafah_offensive"]),
        (["--targets", str(DATA / "humanitarian_aid.toml"), "--targets", "humanitarian_aid"], ["humanitarian_aid"]),
    ],
)
def test_targets_are_chosen(
    targets: list[str], expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--format", "csv", *targets]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    labels = [c for c in header[13:] if not c.endswith("_score")]
    assert sorted(labels) == sorted(expected)


def test_an_unknown_target_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--targets", "rafah"]) == 2
    err = capsys.readouterr().err
    assert "rafah" in err
    assert "rafah_offensive" in err
    assert len(err.strip().splitlines()) == 1


def test_speaker_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--speaker", "netanyahu", "--speaker", "Officials"]) == 0
    names = [r["speaker"]["name"] for r in _rows(capsys.readouterr().out)]  # type: ignore[index]
    assert names == ["Benjamin Netanyahu", "officials"]


def test_parquet_is_the_frame(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, jsonl = tmp_path / "q.parquet", tmp_path / "q.jsonl"
    assert main(["extract", str(PAGES), "--format", "parquet", "-o", str(out)]) == 0
    assert main(["extract", str(PAGES), "-o", str(jsonl)]) == 0
    frame = pd.read_parquet(out)
    expected = quotebank.to_frame(read_quotes(jsonl), targets=["ceasefire", "rafah_offensive"])
    pd.testing.assert_frame_equal(frame, expected, check_categorical=False)


def test_parquet_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(PAGES), "--format", "parquet"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err


def test_resume_does_not_rerun_documents_without_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("The bridge reopened in May.\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    (folder / "c.txt").write_text("The river flooded the old town.\n", encoding="utf-8")
    seen: list[str] = []
    real = quotebank.Extractor.pipe

    def counting(self: quotebank.Extractor, texts: object, **kwargs: object) -> object:
        def record(items: object) -> object:
            for text in items:  # type: ignore[attr-defined]
                seen.append(text)
                yield text

        return real(self, record(texts), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quotebank.Extractor, "pipe", counting)
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    assert seen == ["The river flooded the old town.\n"]


def test_table_shows_resolution_and_confidence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "resolved" in out.splitlines()[2]
    assert "alias 0.90" in out


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "quotebank"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.startswith("quotebank ")


def test_progress_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    quiet = subprocess.run(_command("extract", str(PAGES), "-o", str(out)), capture_output=True, text=True, check=True)
    assert quiet.stderr == "quotebank: 6 quotes from 2 documents, 0 failed\n"
    shown = subprocess.run(
        _command("extract", str(PAGES), "-o", str(out), "--progress"), capture_output=True, text=True, check=True
    )
    assert "documents" in shown.stderr
    assert "2/2" in shown.stderr
