"""``quotebank extract``: the quotes of text files, web pages or standard input.

Folders are searched for ``*.txt``, ``*.html`` and ``*.htm``; ``-`` reads standard input
(HTML is recognised by its first tag). Web pages are reduced to their article text with
trafilatura (:mod:`quotebank.webpages`), and ``--text-dir DIR`` writes the text every
offset refers to as ``DIR/<doc>.txt``. A plain-text file that holds HTML tags gets a
warning on stderr.

Output: JSONL (default), CSV, a table for people, or Parquet. ``-o FILE`` names the file
(``-`` or none: standard output; Parquet needs a file). A JSONL or CSV file is written
document by document with a manifest beside it (``FILE.manifest``) that records every
processed document, with or without quotes; after a kill, SIGTERM or SIGINT,
``--resume`` continues where the run stopped and the output equals an uninterrupted
run's. Table and Parquet files are written atomically.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from quotebank.checkpoint import Checkpoint
from quotebank.cli.common import Formatter, Stop, build_extractor, model_options, positive, progress, skipped, warn
from quotebank.errors import DocumentError
from quotebank.io import (
    STDIN,
    Source,
    atomic_writer,
    collect_documents,
    format_table,
    markup_warning,
    printable,
    read_source,
    write_csv,
    write_jsonl,
)
from quotebank.model import Quote

__all__ = ["FORMATS", "add_parser", "run"]

#: The output formats of ``--format``.
FORMATS = ("jsonl", "csv", "table", "parquet")
_CHECKPOINTED = ("jsonl", "csv")


def add_parser(sub: Any) -> None:
    """Add the ``extract`` subcommand."""
    ex = sub.add_parser(
        "extract",
        help="extract quotes from text files, web pages or stdin",
        description=__doc__,
        formatter_class=Formatter,
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="text files, .html pages, folders of them, or - for stdin")
    ex.add_argument("--format", choices=FORMATS, default="jsonl", help="output format")
    ex.add_argument("-o", "--output", default=None, metavar="FILE", help="output file; - or none: standard output")
    ex.add_argument("--errors", default=None, metavar="FILE", help="write failed documents here as JSONL")
    ex.add_argument("--resume", action="store_true", help="continue an interrupted run from FILE.manifest")
    ex.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar="NAME",
        dest="speaker_names",
        help="keep only quotes of this speaker (name, key or alias, whole words, any case); repeatable",
    )
    ex.add_argument(
        "--text-dir", default=None, metavar="DIR", help="write the text each offset refers to as DIR/<doc>.txt"
    )
    ex.add_argument(
        "--csv-formulas",
        action="store_true",
        help="CSV cells as written: no ' before a cell that opens with = + - @ (off: safe in spreadsheets)",
    )
    ex.add_argument("--workers", type=positive, default=1, help="worker processes (spaCy n_process)")
    ex.add_argument("--batch-size", type=positive, default=16, help="documents per spaCy batch")
    ex.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show progress (default: on a TTY)",
    )
    ex.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    model_options(ex)
    ex.set_defaults(run=run)


# --------------------------------------------------------------------------- checks


def _output_problem(output: str | None) -> str | None:
    """Why ``-o`` cannot be written in place, found before any work: a directory, a symlink
    or a device would be replaced by (or lost under) the regular file the run writes."""
    if output is None:
        return None
    path = Path(output)
    if path.is_symlink():
        return "is a symbolic link; name the file it points to"
    if path.is_dir():
        return "is a directory; name a file inside it"
    if path.exists() and not path.is_file():
        return "is not a regular file (a device or a pipe)"
    return None


def _usage_problem(args: argparse.Namespace) -> str | None:
    """A combination of options that cannot work, named before any document is read."""
    if args.resume and (args.output is None or args.format not in _CHECKPOINTED):
        return "--resume needs -o FILE and --format jsonl or csv"
    if args.format == "parquet" and args.output is None:
        return "--format parquet needs -o FILE (Parquet is binary, not for a terminal)"
    if args.paths.count(STDIN) > 1:
        return "- (standard input) can be read once"
    problem = _output_problem(args.output)
    return None if problem is None else f"-o {args.output}: {problem}"


# --------------------------------------------------------------------------- output


class _Sink(Protocol):
    """Where each document's quotes go."""

    done: set[str]

    def commit(self, doc_id: str, quotes: Sequence[Quote]) -> None: ...


def _render(quotes: Sequence[Quote], args: argparse.Namespace, targets: Sequence[str], *, header: bool) -> str:
    """One document's output in a text format."""
    block = io.StringIO()
    if args.format == "jsonl":
        write_jsonl(quotes, block)
    elif args.format == "csv":
        write_csv(quotes, block, targets, header=header, formula_guard=not args.csv_formulas)
    else:
        _write_table(block, quotes, targets)
    return block.getvalue()


def _write_table(handle: IO[str], quotes: Sequence[Quote], targets: Sequence[str]) -> None:
    if not quotes:
        return
    handle.write(printable(f"\n== {quotes[0].doc_id} ({len(quotes)} quotes)\n"))
    handle.write(format_table(quotes, targets))


class _TextSink:
    """Text output: checkpointed JSONL/CSV files, an atomic table file, or stdout."""

    def __init__(self, write: Any, args: argparse.Namespace, targets: Sequence[str], done: set[str], size: int):
        self._write = write
        self._args = args
        self._targets = targets
        self.done = done
        self._header = size == 0

    def commit(self, doc_id: str, quotes: Sequence[Quote]) -> None:
        self._write(doc_id, _render(quotes, self._args, self._targets, header=self._header), len(quotes))
        self._header = False


class _ParquetSink:
    """A Parquet file, written atomically when the run ends."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer
        self.done: set[str] = set()

    def commit(self, doc_id: str, quotes: Sequence[Quote]) -> None:
        self._writer.write(quotes)


@contextlib.contextmanager
def _sink(args: argparse.Namespace, targets: Sequence[str]) -> Iterator[_Sink]:
    """The sink of the chosen format and output."""
    if args.format == "parquet":
        from quotebank.frames import ParquetWriter

        with ParquetWriter.open(args.output, targets=targets) as writer:
            yield _ParquetSink(writer)
        return
    if args.output is not None and args.format in _CHECKPOINTED:
        with Checkpoint.open(args.output, format=args.format, resume=args.resume) as run:
            yield _TextSink(lambda doc, block, n: run.commit(doc, block, quotes=n), args, targets, run.done, run.size)
        return
    with atomic_writer(args.output) as handle:

        def write(doc: str, block: str, n: int) -> None:
            handle.write(block)
            handle.flush()

        yield _TextSink(write, args, targets, set(), 0)


# --------------------------------------------------------------------------- input


def _keep_text(text_dir: str | None, doc_id: str, text: str) -> None:
    """Write the text a document's offsets refer to as ``text_dir/<doc_id>.txt``."""
    if text_dir is None:
        return
    with atomic_writer(Path(text_dir) / f"{doc_id}.txt") as handle:
        handle.write(text)


def _speaker_filter(names: Sequence[str]) -> Any:
    """Keep the quotes whose speaker :meth:`~quotebank.model.Speaker.matches` one of ``names``."""

    def keep(quotes: list[Quote]) -> list[Quote]:
        if not names:
            return quotes
        return [q for q in quotes if q.speaker is not None and any(q.speaker.matches(n) for n in names)]

    return keep


class _Tally:
    """What the run did, for the closing line."""

    def __init__(self) -> None:
        self.quotes = 0
        self.documents = 0
        self.resumed = 0
        self.failures: list[DocumentError] = []


def _texts(sources: Sequence[Source], done: set[str], args: argparse.Namespace, tally: _Tally, bar: Any) -> Any:
    """The ``(doc_id, text)`` of every readable source not already done; failures and
    resumed documents are counted (and failures named) as they are met."""
    for source in sources:
        if source.doc_id in done:
            tally.resumed += 1
            bar.step()
            continue
        text = read_source(source)
        if isinstance(text, DocumentError):
            tally.failures.append(text)
            skipped(text)
            bar.step()
            continue
        message = markup_warning(source, text)
        if message is not None:
            warn(message)
        _keep_text(args.text_dir, source.doc_id, text)
        yield source.doc_id, text


# --------------------------------------------------------------------------- run


def run(args: argparse.Namespace) -> int:
    """Run ``quotebank extract``; return the exit status."""
    if args.output == STDIN:
        args.output = None
    problem = _usage_problem(args)
    if problem is not None:
        print(printable(f"quotebank: {problem}"), file=sys.stderr)
        return 2
    sources = collect_documents(args.paths)
    extractor = build_extractor(args)
    keep = _speaker_filter(args.speaker_names)
    tally = _Tally()
    with Stop() as stop, progress(len(sources), enabled=args.progress) as bar, _sink(args, extractor.targets) as sink:
        texts, ids, names = itertools.tee(_texts(sources, sink.done, args, tally, bar), 3)
        results = extractor.pipe(
            (text for _, text in texts),
            doc_ids=(doc_id for doc_id, _ in ids),
            n_process=args.workers,
            batch_size=args.batch_size,
        )
        for quotes, (doc_id, _) in zip(results, names, strict=False):
            kept = keep(quotes)
            sink.commit(doc_id, kept)
            tally.quotes += len(kept)
            tally.documents += 1
            bar.step()
            if stop.signal is not None:
                break
        getattr(results, "close", lambda: None)()
    _write_errors(args.errors, tally.failures)
    return _close(args, stop, tally)


def _write_errors(path: str | None, failures: Sequence[DocumentError]) -> None:
    if path is None:
        return
    with atomic_writer(path) as err:
        for failure in failures:
            err.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")


def _close(args: argparse.Namespace, stop: Stop, tally: _Tally) -> int:
    """The closing line on stderr, and the exit status."""
    resumed = f", {tally.resumed} already done" if args.resume else ""
    summary = f"{tally.quotes} quotes from {tally.documents} documents{resumed}, {len(tally.failures)} failed"
    if stop.signal is not None:
        name = signal.Signals(stop.signal).name
        hint = "; run again with --resume to continue" if args.output and args.format in _CHECKPOINTED else ""
        print(f"quotebank: interrupted by {name}: {summary}{hint}", file=sys.stderr)
        return stop.status
    print(f"quotebank: {summary}", file=sys.stderr)
    return 1 if tally.failures else 0
