"""``quotebank schema``: print the JSON Schema of the JSONL rows ``extract`` writes."""

from __future__ import annotations

import argparse
import json
from typing import Any

from quotebank.cli.common import Formatter
from quotebank.io import atomic_writer

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Add the ``schema`` subcommand."""
    sch = sub.add_parser(
        "schema", help="print the JSON Schema of the JSONL output", description=__doc__, formatter_class=Formatter
    )
    sch.add_argument("-o", "--output", default=None, metavar="FILE", help="write it here (default: standard output)")
    sch.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``quotebank schema``; return the exit status."""
    from quotebank.schema import quote_schema

    with atomic_writer(None if args.output == "-" else args.output) as handle:
        json.dump(quote_schema(), handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return 0
