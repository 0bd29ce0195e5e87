"""``quotebank explain``: every quote with the rule that found it, how its speaker was
resolved, and the evidence behind each stance label."""

from __future__ import annotations

import argparse
from typing import Any

from quotebank.cli.common import Formatter, build_extractor, model_options, skipped
from quotebank.errors import DocumentError
from quotebank.io import collect_documents, printable, read_source
from quotebank.model import Quote

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Add the ``explain`` subcommand."""
    exp = sub.add_parser(
        "explain",
        help="show each quote with the evidence for its stance",
        description=__doc__,
        formatter_class=Formatter,
    )
    exp.add_argument("paths", nargs="+", metavar="PATH", help="text files, .html pages, folders of them, or -")
    model_options(exp)
    exp.set_defaults(run=run)


def _header(k: int, quote: Quote) -> str:
    """The first line of a quote: kind, offsets, rule, cue and speaker."""
    speaker = quote.speaker
    who = "?" if speaker is None else f"{speaker.name} [{speaker.resolution.value}, {speaker.confidence:.2f}]"
    mention = f' from "{speaker.mention.text}"' if speaker and speaker.mention else ""
    cue = quote.cue.text if quote.cue else "-"
    return f"{k:3}. {quote.kind.value} [{quote.start}:{quote.end}] rule={quote.rule} cue={cue!r} speaker={who}{mention}"


def _stance_lines(quote: Quote) -> list[str]:
    """One line per target, then one per piece of evidence."""
    lines = []
    for target, stance in quote.stance.items():
        lines.append(f"     {target}: {stance.label.value} ({stance.score:+.2f})")
        for ev in stance.evidence:
            where = f" at [{ev.span.start}:{ev.span.end}] {ev.span.text!r}" if ev.span else ""
            steps = f" [{', '.join(ev.composition)}]" if ev.composition else ""
            lines.append(f"         {ev.weight:+.2f} {ev.layer.value}.{ev.rule}: {ev.cue}{steps}{where}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``quotebank explain``; return the exit status."""
    extractor = build_extractor(args)
    status = 0
    for source in collect_documents(args.paths):
        text = read_source(source)
        if isinstance(text, DocumentError):
            skipped(text)
            status = 1
            continue
        print(printable(f"== {source.doc_id}"))
        for k, quote in enumerate(extractor.extract(text, doc_id=source.doc_id), start=1):
            print(printable(_header(k, quote)))
            print(printable(f"     {' … '.join(p.text for p in quote.content)}"))
            for line in _stance_lines(quote):
                print(printable(line))
    return status
