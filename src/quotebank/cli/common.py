"""What every ``quotebank`` subcommand shares: model options, the extractor they build,
progress on stderr, messages about skipped documents and the stop-after-this-document
signal handling."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from quotebank.errors import DocumentError
from quotebank.io import printable

__all__ = [
    "NO_TARGETS",
    "Formatter",
    "Stop",
    "TargetChoice",
    "build_extractor",
    "model_options",
    "positive",
    "progress",
    "skipped",
    "split_targets",
    "warn",
]

#: The ``--targets`` value that switches stance off.
NO_TARGETS = "none"


class Formatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """``--help`` shows every option's default and keeps the description's line breaks."""


def skipped(failure: DocumentError) -> None:
    """Name a document that could not be read, and why, on stderr."""
    print(printable(f"quotebank: skipped {failure.file}: {failure.reason}"), file=sys.stderr)


def warn(message: str) -> None:
    """One warning line on stderr."""
    print(printable(f"quotebank: warning: {message}"), file=sys.stderr)


def positive(value: str) -> int:
    """A whole number of at least 1, checked before any file is touched."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"needs at least 1, got {number}")
    return number


class _Bar:
    """A counter of finished documents, drawn by rich on stderr when enabled."""

    def __init__(self, display: Progress | None, task: Any) -> None:
        self._display = display
        self._task = task

    def step(self, n: int = 1) -> None:
        if self._display is not None:
            self._display.advance(self._task, n)


@contextlib.contextmanager
def progress(total: int, *, enabled: bool | None, label: str = "documents") -> Iterator[_Bar]:
    """A progress bar over ``total`` documents on stderr.

    Args:
        total: how many documents the run has.
        enabled: ``True`` always draws it, ``False`` never; ``None`` draws it only when
            stderr is a terminal, so logs and pipes get no control characters.
        label: what is counted.
    """
    console = Console(stderr=True)
    show = console.is_terminal if enabled is None else enabled
    if not show or total < 2:
        yield _Bar(None, None)
        return
    columns = (
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as display:
        yield _Bar(display, display.add_task(label, total=total))


def model_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the model and the lexicons."""
    parser.add_argument("--model", default=None, help="installed spaCy pipeline (default: en_core_web_sm if present)")
    parser.add_argument(
        "--speakers", action="append", default=[], metavar="FILE", help="extra speaker registry (TOML); repeatable"
    )
    parser.add_argument(
        "--targets",
        action="append",
        default=[],
        metavar="IDS|FILE",
        help="stance targets: comma-separated ids (rafah_offensive,ceasefire), 'none' for no stance, "
        "or a target file (TOML) to add; repeatable (default: every shipped target)",
    )
    parser.add_argument(
        "--predicates", action="append", default=[], metavar="FILE", help="extra predicate semantics (TSV)"
    )
    parser.add_argument(
        "--date",
        default=None,
        metavar="YYYY-MM-DD",
        help="publication day: dated registry titles name that day's holder",
    )
    parser.add_argument(
        "--disable-rule",
        action="append",
        default=[],
        metavar="NAME",
        dest="disabled_rules",
        help="switch an extraction rule off (names: docs/rules.md); repeatable",
    )


class TargetChoice:
    """What ``--targets`` asked for: target files to load and, if any ids were named, the
    ids to score (``[]`` for ``none``)."""

    def __init__(self, files: list[str], ids: list[str] | None) -> None:
        self.files = files
        self.ids = ids


def _is_file_value(value: str) -> bool:
    """A ``--targets`` value names a file when it ends in ``.toml`` or is an existing path."""
    return value.lower().endswith(".toml") or Path(value).is_file()


def split_targets(values: Sequence[str]) -> TargetChoice:
    """Read the ``--targets`` values: files to add, and ids to score.

    Examples:
        >>> choice = split_targets(["rafah_offensive", "extra.toml"])
        >>> choice.files, choice.ids
        (['extra.toml'], ['rafah_offensive'])
        >>> split_targets(["none"]).ids, split_targets([]).ids
        ([], None)
    """
    files: list[str] = []
    ids: list[str] | None = None
    for value in values:
        if _is_file_value(value):
            files.append(value)
            continue
        names = [name.strip() for name in value.split(",") if name.strip()]
        ids = (ids or []) + [name for name in names if name.casefold() != NO_TARGETS]
    return TargetChoice(files, ids)


def build_extractor(args: argparse.Namespace) -> Any:
    """The :class:`~quotebank.Extractor` the model options describe."""
    from quotebank.extractor import Extractor

    choice = split_targets(args.targets)
    return Extractor(
        args.model,
        speakers=args.speakers,
        targets=choice.files,
        predicates=args.predicates,
        date=args.date,
        disabled_rules=args.disabled_rules,
        stance_targets=choice.ids,
    )


class Stop:
    """SIGINT and SIGTERM ask the run to stop after the document in progress.

    A second signal stops at once (``KeyboardInterrupt``); finished documents are
    kept either way, since each is committed as it ends.
    """

    def __init__(self) -> None:
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Stop:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.signal is not None:
            raise KeyboardInterrupt
        self.signal = signum

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    @property
    def status(self) -> int:
        """The shell's exit status for the signal: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + (self.signal or 0)
