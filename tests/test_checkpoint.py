"""Checkpointed output: commits survive, a torn tail is dropped, resuming equals one run."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebank.checkpoint import Checkpoint, manifest_path, read_manifest
from quotebank.errors import OutputError


def _blocks(n: int) -> list[tuple[str, str]]:
    return [(f"d{i}", "".join(f'{{"doc": "d{i}", "k": {k}}}\n' for k in range(i % 3))) for i in range(n)]


def test_a_fresh_run_writes_output_and_manifest(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    with Checkpoint.open(out, format="jsonl") as run:
        for doc, block in _blocks(4):
            run.commit(doc, block, quotes=block.count("\n"))
    records, _ = read_manifest(manifest_path(out), format="jsonl")
    assert [r.doc for r in records] == ["d0", "d1", "d2", "d3"]
    assert records[-1].end == out.stat().st_size
    assert [r.quotes for r in records] == [0, 1, 2, 0]


def test_a_new_run_without_resume_starts_empty(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    with Checkpoint.open(out, format="jsonl") as run:
        run.commit("a", "x\n", quotes=1)
    with Checkpoint.open(out, format="jsonl") as run:
        assert run.done == set()
    assert out.read_text() == ""


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 8), cut=st.data())
def test_resume_after_a_torn_write_equals_an_uninterrupted_run(
    tmp_path_factory: pytest.TempPathFactory, n: int, cut: st.DataObject
) -> None:
    """Kill at any byte: extra output bytes and a torn manifest line are dropped on resume."""
    root = tmp_path_factory.mktemp("run")
    whole, out = root / "whole.jsonl", root / "q.jsonl"
    blocks = _blocks(n)
    with Checkpoint.open(whole, format="jsonl") as run:
        for doc, block in blocks:
            run.commit(doc, block, quotes=0)
    k = cut.draw(st.integers(0, n - 1), label="documents finished")
    with Checkpoint.open(out, format="jsonl") as run:
        for doc, block in blocks[:k]:
            run.commit(doc, block, quotes=0)
    # the killed run had written part of the next document and part of its record
    partial_out = blocks[k][1][: cut.draw(st.integers(0, len(blocks[k][1])), label="output bytes")]
    with open(out, "a") as handle:
        handle.write(partial_out)
    with open(manifest_path(out), "a") as handle:
        handle.write('{"doc": "' + blocks[k][0][: cut.draw(st.integers(0, 2), label="record bytes")])
    with Checkpoint.open(out, format="jsonl", resume=True) as run:
        assert run.done == {doc for doc, _ in blocks[:k]}
        assert run.resumed == k
        for doc, block in blocks:
            if doc not in run.done:
                run.commit(doc, block, quotes=0)
    assert out.read_bytes() == whole.read_bytes()
    assert read_manifest(manifest_path(out), format="jsonl") == read_manifest(manifest_path(whole), format="jsonl")


def test_resuming_an_output_without_a_manifest_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    out.write_text('{"doc": "old"}\n')
    with pytest.raises(OutputError, match="no manifest"):
        Checkpoint.open(out, format="jsonl", resume=True)


def test_resuming_with_another_format_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    Checkpoint.open(out, format="jsonl").close()
    with pytest.raises(OutputError, match="--format jsonl"):
        Checkpoint.open(out, format="csv", resume=True)


def test_an_output_shorter_than_its_manifest_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    with Checkpoint.open(out, format="jsonl") as run:
        run.commit("a", "0123456789\n", quotes=1)
    out.write_text("")
    with pytest.raises(OutputError, match="changed since"):
        Checkpoint.open(out, format="jsonl", resume=True)


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        Checkpoint.open(tmp_path / "q.jsonl", format="jsonl").close()
    finally:
        os.umask(old)
    for path in (tmp_path / "q.jsonl", manifest_path(tmp_path / "q.jsonl")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
