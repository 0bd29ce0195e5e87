"""The ``quotebank`` command: its parser and :func:`main`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from quotebank.cli import evaluate, explain, extract, report, schema
from quotebank.cli.common import Formatter
from quotebank.errors import QuotebankError
from quotebank.io import printable

__all__ = ["build_parser", "main"]

_COMMANDS = (extract, explain, report, schema, evaluate)
"""The subcommand modules, in the order ``--help`` lists them."""

_DESCRIPTION = """Who said what in English news, and where they stand.

Exit status: 0 success, 1 some documents failed (each named on stderr), 2 bad usage or
setup (one line on stderr), 130 interrupted by SIGINT and 143 by SIGTERM (the document
in progress is finished and committed first)."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotebank")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotebank`` command."""
    parser = argparse.ArgumentParser(prog="quotebank", description=_DESCRIPTION, formatter_class=Formatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
    """
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except QuotebankError as error:
        print(printable(f"quotebank: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quotebank: interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # the machine refused a file the run needs: setup, not a document
        if isinstance(error, BrokenPipeError):
            return 0
        where = f"{error.filename}: " if error.filename else ""
        print(printable(f"quotebank: {where}{error.strerror or error}"), file=sys.stderr)
        return 2
