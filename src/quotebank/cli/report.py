"""``quotebank report``: one self-contained HTML page of a corpus's quotes.

The page (:mod:`quotebank.report`) opens with who stands where — per speaker, the
count of FAVOR, AGAINST and NONE for each target, as a table and as bars — and then
shows each document's text with every quote highlighted; hover a highlight for its
speaker and stance, expand a quote's card for the evidence. It loads nothing from the
network and runs no scripts.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quotebank.cli.common import Formatter, build_extractor, model_options, positive, progress, skipped, warn
from quotebank.errors import DocumentError
from quotebank.io import collect_documents, markup_warning, printable, read_source

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Add the ``report`` subcommand."""
    rep = sub.add_parser(
        "report",
        help="write an HTML report of quotes, speakers and stance",
        description=__doc__,
        formatter_class=Formatter,
    )
    rep.add_argument("paths", nargs="+", metavar="PATH", help="text files, .html pages, folders of them, or -")
    rep.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    rep.add_argument("--title", default="quotebank report", help="the page's title")
    rep.add_argument(
        "--max-documents",
        type=positive,
        default=200,
        metavar="N",
        help="show the text of the first N documents (the summary counts all)",
    )
    rep.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show progress")
    rep.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    model_options(rep)
    rep.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``quotebank report``; return the exit status."""
    from quotebank.report import ReportDocument, write_report

    sources = collect_documents(args.paths)
    extractor = build_extractor(args)
    failures: list[DocumentError] = []
    readable = []
    for source in sources:
        text = read_source(source)
        if isinstance(text, DocumentError):
            failures.append(text)
            skipped(text)
            continue
        message = markup_warning(source, text)
        if message is not None:
            warn(message)
        readable.append((source.doc_id, text))
    documents = []
    with progress(len(readable), enabled=args.progress) as bar:
        results = extractor.pipe([t for _, t in readable], doc_ids=[d for d, _ in readable])
        for (doc_id, text), quotes in zip(readable, results, strict=True):
            documents.append(ReportDocument(doc_id=doc_id, text=text, quotes=quotes))
            bar.step()
    write_report(args.output, documents, targets=extractor.targets, title=args.title, max_documents=args.max_documents)
    total = sum(len(d.quotes) for d in documents)
    print(
        printable(f"quotebank: {args.output}: {total} quotes from {len(documents)} documents, {len(failures)} failed"),
        file=sys.stderr,
    )
    return 1 if failures else 0
