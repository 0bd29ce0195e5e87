"""Checkpointed output: a batch that is killed keeps every document it finished.

A :class:`Checkpoint` appends each document's output to the file as soon as
the document is done, flushes it, and only then appends one line to a sidecar
**manifest** (``<output>.manifest``) naming the document and the byte offset
at which its output ends. The manifest is a JSON-lines journal: every record
is written with one ``write`` of a whole line, so after ``kill -9``, SIGTERM or
an out-of-memory kill it holds complete records plus at most one torn last
line, which is ignored.

Resuming (:meth:`Checkpoint.open` with ``resume=True``) reads the manifest,
cuts the output back to the end of the last finished document (dropping
whatever a killed run had half written after it) and reports the documents to
skip. The resumed output therefore equals the output of a run that was never
interrupted: no document twice, none lost. Both files are appended to, so the
whole run is linear in its output, and new files get the permissions of the
user's umask.

Examples:
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "quotes.jsonl"
    >>> with Checkpoint.open(out, format="jsonl") as run:
    ...     run.commit("a", '{"doc": "a"}\\n', quotes=1)
    ...     run.commit("b", "", quotes=0)
    >>> run = Checkpoint.open(out, format="jsonl", resume=True)
    >>> sorted(run.done), run.size
    (['a', 'b'], 13)
    >>> run.close()
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import attrs

from quotebank.errors import OutputError

__all__ = ["MANIFEST_SUFFIX", "Checkpoint", "ManifestRecord", "manifest_path", "read_manifest"]

MANIFEST_SUFFIX = ".manifest"
"""The manifest of ``out.jsonl`` is ``out.jsonl.manifest``."""

_VERSION = 1


def manifest_path(output: Path | str) -> Path:
    """The sidecar manifest of an output file.

    Examples:
        >>> manifest_path("runs/quotes.jsonl").name
        'quotes.jsonl.manifest'
    """
    path = Path(output)
    return path.with_name(path.name + MANIFEST_SUFFIX)


@attrs.frozen(kw_only=True)
class ManifestRecord:
    """One finished document in a manifest.

    Attributes:
        doc: the document id.
        end: the byte offset of the output file at which this document's output ends.
        quotes: how many quotes (rows) it wrote.
    """

    doc: str = attrs.field(validator=attrs.validators.instance_of(str))
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(0)])
    quotes: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(0)])


def _header(format: str) -> dict[str, Any]:
    return {"quotebank_manifest": _VERSION, "format": format}


def _record(line: str) -> ManifestRecord | None:
    """A complete, well-formed record line, or ``None`` (a torn or foreign line)."""
    if not line.endswith("\n"):
        return None
    try:
        data = json.loads(line)
        return ManifestRecord(doc=data["doc"], end=data["end"], quotes=data["quotes"])
    except (ValueError, TypeError, KeyError):
        return None


def read_manifest(path: Path | str, *, format: str) -> tuple[list[ManifestRecord], int]:
    """The finished documents of a manifest, and the byte length of its valid part.

    Reading stops at the first line that is not a complete record (the torn
    last line of a killed run); records must end at non-decreasing offsets.

    Raises:
        OutputError: the file is not a quotebank manifest, or one for another format.
    """
    records: list[ManifestRecord] = []
    with open(path, "rb") as handle:
        first = handle.readline()
        try:
            header = json.loads(first)
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("quotebank_manifest") != _VERSION:
            raise OutputError(f"{path}: not a quotebank manifest (version {_VERSION})")
        if header.get("format") != format:
            raise OutputError(f"{path}: records a --format {header.get('format')} run, not {format}")
        valid = len(first)
        for raw in handle:
            record = _record(raw.decode("utf-8", "replace"))
            if record is None or (records and record.end < records[-1].end):
                break
            records.append(record)
            valid += len(raw)
    return records, valid


def _open_append(path: Path) -> IO[bytes]:
    """Open for appending; a new file gets ``0o666`` less the umask, as any tool's output."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
    return os.fdopen(fd, "ab", buffering=0)


@attrs.define(kw_only=True)
class Checkpoint:
    """An output file written document by document, with its manifest.

    Open one with :meth:`open`; call :meth:`commit` once per finished document.

    Attributes:
        path: the output file.
        done: ids of the documents already finished (from the manifest when resuming).
        size: the output's length in bytes (where the next document's output goes).
        resumed: how many documents the manifest held when the run started.
    """

    path: Path
    done: set[str]
    size: int
    resumed: int
    _out: IO[bytes]
    _log: IO[bytes]

    @classmethod
    def open(cls, path: Path | str, *, format: str, resume: bool = False) -> Checkpoint:
        """Start a run (``resume=False``: the output and manifest are emptied) or resume one.

        Raises:
            OutputError: resuming an output that has no manifest, or whose manifest claims
                more output than the file holds (the file was changed by hand).
        """
        target = Path(path)
        log = manifest_path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        records: list[ManifestRecord] = []
        if resume and log.exists():
            records, valid = read_manifest(log, format=format)
            _cut(log, valid)
            size = records[-1].end if records else 0
            _cut_output(target, size)
        elif resume and target.exists() and target.stat().st_size:
            raise OutputError(f"{target}: cannot resume, it has no manifest ({log.name}); run again without --resume")
        else:
            size = 0
            _cut(target, 0)
            _cut(log, 0)
            with _open_append(log) as handle:
                handle.write((json.dumps(_header(format)) + "\n").encode())
        return cls(
            path=target,
            done={r.doc for r in records},
            size=size,
            resumed=len(records),
            out=_open_append(target),
            log=_open_append(log),
        )

    def commit(self, doc: str, output: str, *, quotes: int) -> None:
        """Append one finished document's output, then record it as done.

        The output reaches the file before the record reaches the manifest, so a
        record never names output that is not there.
        """
        data = output.encode("utf-8")
        _write_all(self._out, data)
        self.size += len(data)
        line = json.dumps({"doc": doc, "end": self.size, "quotes": quotes}, ensure_ascii=False) + "\n"
        _write_all(self._log, line.encode("utf-8"))
        self.done.add(doc)

    def close(self) -> None:
        """Flush both files to disk and close them."""
        for handle in (self._out, self._log):
            if not handle.closed:
                os.fsync(handle.fileno())
                handle.close()

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _write_all(handle: IO[bytes], data: bytes) -> None:
    """An unbuffered write may take fewer bytes than given; write the rest."""
    view = memoryview(data)
    while view:
        written = handle.write(view)
        view = view[written or 0 :]


def _cut(path: Path, size: int) -> None:
    """Truncate (or create) ``path`` to ``size`` bytes, keeping its permissions."""
    with _open_append(path) as handle:
        handle.truncate(size)


def _cut_output(path: Path, size: int) -> None:
    have = path.stat().st_size if path.exists() else 0
    if have < size:
        raise OutputError(
            f"{path}: holds {have} bytes but its manifest records {size}; it was changed since the run "
            "(run again without --resume)"
        )
    _cut(path, size)
