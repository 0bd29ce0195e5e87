"""Batches that lose nothing: checkpointed output, resume after kill -9 and signals,
every path processed or named, unique document ids, umask permissions, exit codes."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quotebank.checkpoint import manifest_path, read_manifest
from quotebank.cli import main
from tests.conftest import shared

_LINES = [
    "“We will rebuild the bridge,” Maria Okafor said.",
    "Officials said the bridge would reopen in May.",
    "The mayor said the budget was balanced. “No new taxes,” he added.",
    "Nothing was said here at all.",
]


def _folder(tmp_path: Path, n: int = 6) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i:02}.txt").write_text(_LINES[i % len(_LINES)] + "\n", encoding="utf-8")
    return folder


def _docs_in(out: Path) -> list[str]:
    return [r.doc for r in read_manifest(manifest_path(out), format="jsonl")[0]]


def test_every_document_is_in_the_manifest_even_without_quotes(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "q.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    assert _docs_in(out) == [f"d{i:02}" for i in range(6)]
    assert {json.loads(line)["doc"] for line in out.read_text().splitlines()} == {"d00", "d01", "d02", "d04", "d05"}


def test_resume_processes_only_what_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out, whole = _folder(tmp_path), tmp_path / "q.jsonl", tmp_path / "whole.jsonl"
    assert main(["extract", str(folder), "-o", str(whole)]) == 0
    assert main(["extract", *(str(folder / f"d{i:02}.txt") for i in range(3)), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    assert "3 documents, 3 already done" in capsys.readouterr().err
    assert out.read_bytes() == whole.read_bytes()


def test_csv_resume_writes_one_header(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "q.csv"
    assert main(["extract", str(folder / "d00.txt"), "--format", "csv", "-o", str(out)]) == 0
    assert main(["extract", str(folder), "--format", "csv", "-o", str(out), "--resume"]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert sum(row.startswith("doc,start,end,kind,") for row in rows) == 1
    assert len(rows) > 3


def test_resuming_an_output_without_manifest_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.jsonl"
    out.write_text('{"doc": "x"}\n')
    assert main(["extract", str(_folder(tmp_path)), "-o", str(out), "--resume"]) == 2
    err = capsys.readouterr().err
    assert "no manifest" in err
    assert len(err.strip().splitlines()) == 1


def test_outputs_keep_the_umask(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    old = os.umask(0o022)
    try:
        for fmt in ("jsonl", "csv", "table"):
            out = tmp_path / f"q.{fmt}"
            assert main(["extract", str(folder), "--format", fmt, "-o", str(out), "--errors", str(tmp_path / "e")]) == 0
            assert stat.S_IMODE(out.stat().st_mode) == 0o644, fmt
        assert stat.S_IMODE((tmp_path / "e").stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_colliding_stems_get_distinct_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for part in ("a", "b"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "report.txt").write_text(f"“Plan {part} works,” Maria Okafor said.\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "a", "b", "-o", str(out)]) == 0
    assert _docs_in(out) == ["a/report", "b/report"]
    assert main(["extract", "a", "b", "-o", str(out), "--resume"]) == 0
    assert _docs_in(out) == ["a/report", "b/report"]


def test_special_entries_in_a_folder_are_named_not_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, 2)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    errors = tmp_path / "errors.jsonl"
    status = main(["extract", str(folder), "-o", str(tmp_path / "q.jsonl"), "--errors", str(errors)])
    assert status == 1
    reasons = {Path(e["file"]).name: e["reason"] for e in map(json.loads, errors.read_text().splitlines())}
    assert reasons == {"dangling.txt": "broken symbolic link", "pipe.txt": "not a regular file (a pipe)"}
    err = capsys.readouterr().err
    assert "dangling.txt: broken symbolic link" in err
    assert "pipe.txt" in err


def test_an_unlistable_folder_is_named(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can list any folder")
    folder = _folder(tmp_path, 1)
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        errors = tmp_path / "errors.jsonl"
        assert main(["extract", str(folder), "-o", str(tmp_path / "q.jsonl"), "--errors", str(errors)]) == 1
        assert "cannot list folder" in errors.read_text()
    finally:
        locked.chmod(0o755)


def test_an_output_folder_that_cannot_be_made_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["extract", str(_folder(tmp_path)), "-o", str(blocker / "q.jsonl")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_setup_errors_are_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = [\n")
    folder = _folder(tmp_path)
    for extra in (["--model", "no_such_model"], ["--speakers", str(bad)], ["--targets", str(tmp_path / "none.toml")]):
        assert main(["extract", str(folder), *extra]) == 2, extra
        assert len(capsys.readouterr().err.strip().splitlines()) == 1, extra


# ----------------------------------------------------------------------- real processes


def _command(folder: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "quotebank.cli", "extract", str(folder), "-o", str(out), "--no-progress", *extra]


def _wait_for_records(out: Path, k: int, process: subprocess.Popen[Any], timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    log = manifest_path(out)
    while time.monotonic() < end and process.poll() is None:
        if log.exists() and log.read_bytes().count(b"\n") > k:
            return
        time.sleep(0.01)


def _corpus(tmp_path: Path, n: int) -> Path:
    """Real articles nobody here wrote (PolNeAR dev), copied into a scratch folder of the test."""
    texts = sorted(shared("polnear", "dev", "text").glob("*.txt"))[:n]
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in texts:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.mark.slow
def test_kill_9_at_random_points_then_resume_equals_one_run(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, 24)
    whole = tmp_path / "whole.jsonl"
    subprocess.run(_command(folder, whole), check=True, capture_output=True)
    rng = random.Random(14)
    for round_ in range(3):
        out = tmp_path / f"killed{round_}.jsonl"
        process = subprocess.Popen(_command(folder, out), stderr=subprocess.PIPE)
        _wait_for_records(out, rng.randrange(1, 20), process)
        time.sleep(rng.random() * 0.3)
        process.send_signal(signal.SIGKILL)
        process.wait()
        finished = len(_docs_in(out))
        done = subprocess.run(_command(folder, out, "--resume"), capture_output=True, text=True, check=True)
        assert f"{24 - finished} documents, {finished} already done" in done.stderr
        assert out.read_bytes() == whole.read_bytes(), round_
        assert _docs_in(out) == _docs_in(whole)


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_finishes_the_document_and_exits_with_its_status(tmp_path: Path, sig: int, status: int) -> None:
    folder = _corpus(tmp_path, 24)
    out = tmp_path / "q.jsonl"
    process = subprocess.Popen(_command(folder, out, "--batch-size", "1"), stderr=subprocess.PIPE, text=True)
    _wait_for_records(out, 2, process)
    process.send_signal(sig)
    _, err = process.communicate(timeout=120)
    assert process.returncode == status, err
    assert f"interrupted by {signal.Signals(sig).name}" in err
    assert "--resume" in err
    records = read_manifest(manifest_path(out), format="jsonl")[0]
    assert 2 <= len(records) < 24
    assert records[-1].end == out.stat().st_size  # the document in progress was committed whole


@pytest.mark.slow
def test_sigterm_with_two_workers_ends_the_pool_and_resume_completes(tmp_path: Path) -> None:
    """Forked workers must not inherit the parent's stop-after-this-document handler, or the
    pool's own SIGTERM could never end them and the run would hang."""
    folder = _corpus(tmp_path, 24)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "q.jsonl"
    subprocess.run(_command(folder, whole), check=True, capture_output=True)
    process = subprocess.Popen(_command(folder, out, "--workers", "2"), stderr=subprocess.PIPE, text=True)
    _wait_for_records(out, 3, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    subprocess.run(_command(folder, out, "--workers", "2", "--resume"), check=True, capture_output=True)
    assert out.read_bytes() == whole.read_bytes()


def test_a_bad_worker_count_leaves_the_previous_output_alone(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "q.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    before = out.read_bytes()
    for bad in (["--workers", "0"], ["--batch-size", "0"], ["--batch-size", "x"]):
        with pytest.raises(SystemExit) as exited:
            main(["extract", str(folder), "-o", str(out), *bad])
        assert exited.value.code == 2
    assert out.read_bytes() == before
