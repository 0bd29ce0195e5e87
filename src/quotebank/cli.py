"""The ``quotebank`` command line.

Commands:

* ``quotebank extract PATH... [--format jsonl|csv|table] [-o FILE]`` — quotes
  of text files (folders are searched for ``*.txt``). Unreadable, binary and
  non-UTF-8 files, broken links, pipes and devices found in folders are named on
  stderr and in ``--errors FILE``; every other document is still processed and
  the exit status is 1. Document ids are file stems, or paths without the
  extension where stems collide. A JSONL or CSV ``-o FILE`` is written document
  by document with a manifest beside it (``FILE.manifest``); after a kill,
  SIGTERM or SIGINT, ``--resume`` continues where the run stopped and the
  output equals an uninterrupted run's. A table file is written atomically.
* ``quotebank explain PATH`` — every quote with the stance evidence behind it.
* ``quotebank evaluate --gold FILE --docs DIR`` — the scores of
  ``annotation/SCORING.md``; ``--polnear DIR`` scores against PolNeAR brat
  files; ``--baseline textacy`` scores textacy's ``direct_quotations`` too.

Exit status: 0 success, 1 some documents failed (each named on stderr), 2 bad
usage or setup (one line on stderr), 130 interrupted by SIGINT and 143 by SIGTERM
(the document in progress is finished and committed first).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import itertools
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from quotebank.checkpoint import Checkpoint
from quotebank.errors import DocumentError, QuotebankError
from quotebank.io import (
    atomic_writer,
    collect_documents,
    format_table,
    printable,
    read_document,
    read_source,
    write_csv,
    write_jsonl,
)

__all__ = ["build_parser", "main"]


class _Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0
        self.start = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / max(self.total, 1))
        rate = self.done / max(time.monotonic() - self.start, 1e-9)
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total} docs {rate:.1f}/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _skipped(failure: DocumentError) -> None:
    """Name a document that could not be read, and why, on stderr."""
    print(printable(f"quotebank: skipped {failure.file}: {failure.reason}"), file=sys.stderr)


def _positive(value: str) -> int:
    """A whole number of at least 1, checked before any file is touched."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"needs at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotebank`` command."""
    parser = argparse.ArgumentParser(
        prog="quotebank", description="Who said what in English news, and where they stand."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def model_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", default=None, help="installed spaCy pipeline (default: en_core_web_sm if present)")
        p.add_argument("--speakers", action="append", default=[], metavar="FILE", help="extra speaker registry (TOML)")
        p.add_argument("--targets", action="append", default=[], metavar="FILE", help="extra stance target (TOML)")
        p.add_argument(
            "--predicates", action="append", default=[], metavar="FILE", help="extra predicate semantics (TSV)"
        )
        p.add_argument(
            "--date",
            default=None,
            metavar="YYYY-MM-DD",
            help="publication day: dated registry titles name that day's holder",
        )
        p.add_argument(
            "--disable-rule",
            action="append",
            default=[],
            metavar="NAME",
            dest="disabled_rules",
            help="switch an extraction rule off (names: docs/rules.md); repeat for more",
        )

    ex = sub.add_parser("extract", help="extract quotes from text files")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="text files, or folders searched for *.txt")
    ex.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    ex.add_argument("-o", "--output", default=None, metavar="FILE", help="output file (default: standard output)")
    ex.add_argument("--errors", default=None, metavar="FILE", help="write failed documents here as JSONL")
    ex.add_argument("--resume", action="store_true", help="continue an interrupted run from FILE.manifest")
    ex.add_argument(
        "--csv-formulas",
        action="store_true",
        help="CSV cells as written: no ' before a cell that opens with = + - @ (off: safe in spreadsheets)",
    )
    ex.add_argument("--workers", type=_positive, default=1, help="worker processes (spaCy n_process)")
    ex.add_argument("--batch-size", type=_positive, default=16)
    ex.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show progress")
    ex.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    model_options(ex)

    exp = sub.add_parser("explain", help="show each quote with the evidence for its stance")
    exp.add_argument("paths", nargs="+", metavar="PATH")
    model_options(exp)

    ev = sub.add_parser("evaluate", help="score against gold annotation")
    ev.add_argument("--gold", default=None, metavar="FILE", help="gold JSONL (annotation/GUIDELINES.md)")
    ev.add_argument("--docs", default=None, metavar="DIR", help="folder of the gold's documents (<doc>.txt)")
    ev.add_argument("--polnear", default=None, metavar="DIR", help="a PolNeAR split (with text/ and attributions/)")
    ev.add_argument(
        "--canonical",
        default=None,
        metavar="FILE",
        help="with --polnear: canonical speakers of its Source spans (default: <split>-canonical.jsonl beside it)",
    )
    ev.add_argument("--suite", default=None, metavar="FILE", help="a behavioural stance suite (JSONL by capability)")
    ev.add_argument(
        "--off-topic",
        default=None,
        metavar="DIR",
        nargs="+",
        help="folders of off-topic articles: the share of quotes given a stance other than NONE",
    )
    ev.add_argument("--workers", type=_positive, default=1, help="worker processes for --off-topic")
    ev.add_argument("--sample", type=int, default=20, help="off-topic labelled quotes to list (random, seeded)")
    ev.add_argument("--limit", type=int, default=None, help="score only the first N PolNeAR documents")
    ev.add_argument("--baseline", choices=["textacy"], default=None, help="also score a baseline")
    ev.add_argument("--json", default=None, metavar="FILE", help="write the metrics as JSON")
    model_options(ev)
    return parser


def _extractor(args: argparse.Namespace) -> Any:
    from quotebank.extractor import Extractor

    return Extractor(
        args.model,
        speakers=args.speakers,
        targets=args.targets,
        predicates=args.predicates,
        date=args.date,
        disabled_rules=args.disabled_rules,
    )


# --------------------------------------------------------------------------- extract


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


class _Stop:
    """SIGINT and SIGTERM ask the run to stop after the document in progress.

    A second signal stops at once (``KeyboardInterrupt``); finished documents are
    kept either way, since each is committed as it ends.
    """

    def __init__(self) -> None:
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Stop:
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


def _render(quotes: Sequence[Any], args: argparse.Namespace, targets: Sequence[str], *, header: bool) -> str:
    """One document's output in the chosen format."""
    block = io.StringIO()
    if args.format == "jsonl":
        write_jsonl(quotes, block)
    elif args.format == "csv":
        write_csv(quotes, block, targets, header=header, formula_guard=not args.csv_formulas)
    else:
        _write_table(block, quotes, targets)
    return block.getvalue()


@contextlib.contextmanager
def _sink(args: argparse.Namespace) -> Iterator[tuple[Callable[[str, str, int], None], set[str], int]]:
    """Where each document's output goes: ``(commit, done ids, bytes already written)``.

    JSONL and CSV files are checkpointed (appended per document, with a manifest);
    a table file is written atomically; standard output is flushed per document.
    """
    if args.output is not None and args.format != "table":
        with Checkpoint.open(args.output, format=args.format, resume=args.resume) as run:
            yield (lambda doc, block, n: run.commit(doc, block, quotes=n)), run.done, run.size
        return
    with atomic_writer(args.output) as handle:

        def commit(doc: str, block: str, n: int) -> None:
            handle.write(block)
            handle.flush()

        yield commit, set(), 0


def _extract(args: argparse.Namespace) -> int:
    if args.resume and (args.output is None or args.format == "table"):
        print("quotebank: --resume needs -o FILE and --format jsonl or csv", file=sys.stderr)
        return 2
    problem = _output_problem(args.output)
    if problem is not None:
        print(printable(f"quotebank: -o {args.output}: {problem}"), file=sys.stderr)
        return 2
    sources = collect_documents(args.paths)
    extractor = _extractor(args)
    targets = extractor.targets
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = _Progress(len(sources), show)
    failures: list[DocumentError] = []
    tally = {"quotes": 0, "documents": 0, "resumed": 0}
    with _Stop() as stop, _sink(args) as (commit, done, size):

        def documents() -> Iterator[tuple[str, str]]:
            for source in sources:
                if source.doc_id in done:
                    tally["resumed"] += 1
                    progress.step()
                    continue
                text = read_source(source)
                if isinstance(text, DocumentError):
                    failures.append(text)
                    _skipped(text)
                    progress.step()
                    continue
                yield source.doc_id, text

        texts, ids, names = itertools.tee(documents(), 3)
        results = extractor.pipe(
            (text for _, text in texts),
            doc_ids=(doc_id for doc_id, _ in ids),
            n_process=args.workers,
            batch_size=args.batch_size,
        )
        for quotes, (doc_id, _) in zip(results, names, strict=False):
            header = size == 0 and tally["documents"] == 0
            commit(doc_id, _render(quotes, args, targets, header=header), len(quotes))
            tally["quotes"] += len(quotes)
            tally["documents"] += 1
            progress.step()
            if stop.signal is not None:
                break
        getattr(results, "close", lambda: None)()
    progress.close()
    if args.errors is not None:
        with atomic_writer(args.errors) as err:
            for failure in failures:
                err.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")
    return _report(args, stop, tally, failures)


def _report(args: argparse.Namespace, stop: _Stop, tally: dict[str, int], failures: list[DocumentError]) -> int:
    """The closing line on stderr, and the exit status."""
    resumed = f", {tally['resumed']} already done" if args.resume else ""
    summary = f"{tally['quotes']} quotes from {tally['documents']} documents{resumed}, {len(failures)} failed"
    if stop.signal is not None:
        name = signal.Signals(stop.signal).name
        hint = "; run again with --resume to continue" if args.output and args.format != "table" else ""
        print(f"quotebank: interrupted by {name}: {summary}{hint}", file=sys.stderr)
        return stop.status
    print(f"quotebank: {summary}", file=sys.stderr)
    return 1 if failures else 0


def _write_table(handle: IO[str], quotes: Sequence[Any], targets: Sequence[str]) -> None:
    if not quotes:
        return
    handle.write(printable(f"\n== {quotes[0].doc_id} ({len(quotes)} quotes)\n"))
    handle.write(format_table(quotes, targets))


# --------------------------------------------------------------------------- explain


def _explain(args: argparse.Namespace) -> int:
    extractor = _extractor(args)
    status = 0
    for source in collect_documents(args.paths):
        text = read_source(source)
        if isinstance(text, DocumentError):
            _skipped(text)
            status = 1
            continue
        print(printable(f"== {source.doc_id}"))
        for k, quote in enumerate(extractor.extract(text, doc_id=source.doc_id), start=1):
            speaker = quote.speaker
            who = "?" if speaker is None else f"{speaker.name} [{speaker.resolution.value}, {speaker.confidence:.2f}]"
            mention = f' from "{speaker.mention.text}"' if speaker and speaker.mention else ""
            cue = quote.cue.text if quote.cue else "-"
            print(
                printable(
                    f"{k:3}. {quote.kind.value} [{quote.start}:{quote.end}] rule={quote.rule} cue={cue!r} "
                    f"speaker={who}{mention}"
                )
            )
            print(printable(f"     {' … '.join(p.text for p in quote.content)}"))
            for target, stance in quote.stance.items():
                print(f"     {target}: {stance.label.value} ({stance.score:+.2f})")
                for ev in stance.evidence:
                    where = f" at [{ev.span.start}:{ev.span.end}] {ev.span.text!r}" if ev.span else ""
                    steps = f" [{', '.join(ev.composition)}]" if ev.composition else ""
                    print(printable(f"         {ev.weight:+.2f} {ev.layer.value}.{ev.rule}: {ev.cue}{steps}{where}"))
    return status


# --------------------------------------------------------------------------- evaluate


def _row(name: str, *values: Any) -> str:
    cells = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in values]
    return f"  {name:<40}" + "".join(f"{c:>12}" for c in cells)


_GOLD_ROWS: list[tuple[str, Callable[[Any], float]]] = [
    ("quote precision", lambda r: r.quote.precision),
    ("quote recall", lambda r: r.quote.recall),
    ("quote F1", lambda r: r.quote.f1),
    ("strict quote F1 (Jaccard>=0.95)", lambda r: r.strict.f1),
    ("attribution precision", lambda r: r.attribution.precision),
    ("attribution recall", lambda r: r.attribution.recall),
    ("attribution F1", lambda r: r.attribution.f1),
    ("speaker accuracy (matched)", lambda r: r.speaker_accuracy),
    ("speaker accuracy, lenient", lambda r: r.speaker_accuracy_lenient),
    ("kind accuracy", lambda r: r.kind_accuracy),
]
"""The rows of ``evaluate --gold``: a name and how to read it from a ``GoldReport``."""


def _gold_texts(gold: Sequence[Any], docs_dir: Path) -> dict[str, str]:
    """The text of every document the gold names (a missing one stops the run)."""
    texts: dict[str, str] = {}
    for doc_id in sorted({g.doc for g in gold}):
        text = read_document(docs_dir / f"{doc_id}.txt")
        if isinstance(text, DocumentError):
            raise QuotebankError(f"gold document {doc_id}: {text.reason} ({text.file})")
        texts[doc_id] = text
    return texts


def _print_stance(report: Any, oracle_report: Any) -> None:
    """Stance per target, on matched quotes and with gold bounds, with confusion matrices."""
    print("\nStance (SemEval-2016 F_avg = mean of FAVOR F1 and AGAINST F1)")
    print(_row("", "matched", "gold bounds"))
    for target, s in report.stance.items():
        o = oracle_report.stance[target]
        print(_row(f"{target} F_avg", s.f_avg, o.f_avg))
        print(_row(f"{target} F1 favor", s.f1_favor, o.f1_favor))
        print(_row(f"{target} F1 against", s.f1_against, o.f1_against))
        print(_row(f"{target} accuracy", s.accuracy, o.accuracy))
        for name, rep in (("matched", s), ("oracle", o)):
            print(f"    confusion ({name}; rows gold, columns predicted: FAVOR AGAINST NONE)")
            for label in ("FAVOR", "AGAINST", "NONE"):
                cells = rep.confusion.get(label, {})
                print(f"      {label:<8}" + "".join(f"{cells.get(p, 0):>8}" for p in ("FAVOR", "AGAINST", "NONE")))


def _evaluate_gold(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    from quotebank.evaluation import from_quote, load_gold, oracle_predictions, score_gold, textacy_predictions

    gold = load_gold(args.gold)
    texts = _gold_texts(gold, Path(args.docs))
    preds: dict[str, Any] = {}
    oracle: dict[str, Any] = {}
    baseline: dict[str, Any] = {}
    for doc_id, text in texts.items():
        doc = extractor.parse(text)
        preds[doc_id] = [from_quote(q) for q in doc._.quotes]
        oracle[doc_id] = oracle_predictions(doc, [g for g in gold if g.doc == doc_id], extractor.component.scorer)
        if args.baseline == "textacy":
            baseline[doc_id] = textacy_predictions(doc)
    report = score_gold(texts, gold, preds)
    oracle_report = score_gold(texts, gold, oracle)
    systems = [("quotebank", report)]
    if args.baseline == "textacy":
        systems.append(("textacy", score_gold(texts, gold, {d: found or [] for d, found in baseline.items()})))
    print(f"Gold {args.gold}: {len(gold)} quotes in {len(texts)} documents")
    print(_row("", *[name for name, _ in systems]))
    for label, get in _GOLD_ROWS:
        print(_row(label, *[float(get(r)) for _, r in systems]))
    if args.baseline == "textacy":
        refused = sum(found is None for found in baseline.values())
        print(f"  textacy refused {refused} of {len(texts)} documents (odd number of quotation marks)")
    _print_stance(report, oracle_report)
    for problem in report.errors:
        print(f"  warning: {problem}", file=sys.stderr)
    metrics["gold"] = {name: r.to_dict() for name, r in systems}
    metrics["gold"]["oracle_stance"] = {
        t: {"f_avg": s.f_avg, "accuracy": s.accuracy} for t, s in oracle_report.stance.items()
    }


def _evaluate_polnear(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    from quotebank.evaluation import (
        PolnearReport,
        Prediction,
        from_quote,
        load_polnear,
        load_polnear_canonical,
        score_polnear,
        textacy_predictions,
    )

    root = Path(args.polnear)
    beside = root.parent / f"{root.resolve().name}-canonical.jsonl"
    canonical_path = Path(args.canonical) if args.canonical else (beside if beside.is_file() else None)
    canonical = load_polnear_canonical(canonical_path) if canonical_path is not None else None
    anns = sorted((root / "attributions").glob("*.ann"))
    if args.limit:
        anns = anns[: args.limit]
    texts: dict[str, str] = {}
    gold = {}
    for ann in anns:
        text = read_document(root / "text" / f"{ann.stem}.txt")
        if isinstance(text, DocumentError):
            _skipped(text)
            continue
        texts[ann.stem] = text
        gold[ann.stem] = load_polnear(ann)
    preds: dict[str, list[Prediction] | None] = {}
    baseline: dict[str, list[Prediction] | None] = {}
    started = time.perf_counter()
    progress = _Progress(len(texts), sys.stderr.isatty())
    for doc_id, text in texts.items():
        try:
            doc = extractor.parse(text)
            preds[doc_id] = [from_quote(q) for q in doc._.quotes]
        except Exception as error:  # a crash is a failed document, counted and reported
            print(printable(f"quotebank: {doc_id} failed: {error!r}"), file=sys.stderr)
            preds[doc_id] = None
            continue
        if args.baseline == "textacy":
            baseline[doc_id] = textacy_predictions(doc)
        progress.step()
    progress.close()
    elapsed = time.perf_counter() - started
    systems = [("quotebank", score_polnear(texts, gold, preds, canonical))]
    if args.baseline == "textacy":
        systems.append(("textacy", score_polnear(texts, gold, baseline, canonical)))
    r = systems[0][1]
    print(
        f"PolNeAR {root}: {r.documents} documents, {r.events.gold} attribution events "
        f"({r.marked_gold} with quotation marks, {r.unmarked_gold} without); {elapsed:.1f}s"
    )
    print(_row("", *[name for name, _ in systems]))
    polnear_rows: list[tuple[str, Callable[[PolnearReport], float | int]]] = [
        ("precision", lambda x: x.events.precision),
        ("recall", lambda x: x.events.recall),
        ("F1", lambda x: x.events.f1),
        ("recall, content with marks", lambda x: x.marked_recall),
        ("recall, content without marks", lambda x: x.unmarked_recall),
        ("speaker-mention accuracy", lambda x: x.speaker_mention_accuracy),
        ("failed documents", lambda x: x.failed_documents),
    ]
    if canonical is not None:
        polnear_rows.insert(
            -1, (f"canonical speaker accuracy ({r.canonical_pairs})", lambda x: x.canonical_accuracy or 0.0)
        )
    for label, get in polnear_rows:
        print(_row(label, *[get(x) for _, x in systems]))
    if r.person_keys:
        print("  speaker keys of the most quoted people (one person, one key)")
        for person, found in r.person_keys.items():
            print(f"    {person}: {len(found)} ({', '.join(found)})")
    metrics["polnear"] = {name: x.to_dict() for name, x in systems}


def _evaluate_speaker_suite(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    from quotebank.suite import load_speaker_suite, run_speaker_suite, score_speaker_suite

    items = load_speaker_suite(args.suite)
    report = score_speaker_suite(run_speaker_suite(items, extractor.extract))
    print(f"Speaker suite {args.suite}: {len(items)} items, {len(report.outcomes)} quotes; {report.found} found")
    print(_row("speaker accuracy (all quotes)", report.accuracy))
    print(_row("speaker accuracy (found quotes)", report.matched_accuracy))
    print("  accuracy per capability")
    for name, score in report.capabilities.items():
        print(_row(f"  {name} ({score.total})", score.accuracy))
    metrics["speaker_suite"] = report.to_dict()


def _evaluate_suite(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    from quotebank.suite import SuiteMode, is_speaker_suite, load_suite, run_suite, score_suite

    if is_speaker_suite(args.suite):
        _evaluate_speaker_suite(args, extractor, metrics)
        return
    items = load_suite(args.suite)
    scorer = extractor.component.scorer
    reports = [
        score_suite(run_suite(items, extractor.parse, scorer.score_quotes, mode=mode), mode=mode)
        for mode in (SuiteMode.END_TO_END, SuiteMode.GOLD_BOUNDS)
    ]
    end, bounds = reports
    print(f"Suite {args.suite}: {len(items)} items; a quote matched the item's content in {end.found}")
    print(_row("", "end to end", "gold bounds"))
    for target in end.stance:
        print(_row(f"{target} F_avg", end.stance[target].f_avg, bounds.stance[target].f_avg))
    print(_row("items right on every target", end.accuracy, bounds.accuracy))
    print("  accuracy per capability")
    for name, score in end.capabilities.items():
        print(_row(f"  {name} ({score.total})", score.accuracy, bounds.capabilities[name].accuracy))
    metrics["suite"] = {r.mode.value: r.to_dict() for r in reports}


def _evaluate_off_topic(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    import random

    from quotebank.suite import off_topic

    texts = []
    for source in collect_documents(args.off_topic):
        text = read_source(source)
        if isinstance(text, DocumentError):
            _skipped(text)
            continue
        texts.append((source.doc_id, text))
    results = extractor.pipe([t for _, t in texts], n_process=args.workers)
    report = off_topic(zip([d for d, _ in texts], results, strict=True))
    print(f"Off-topic {' '.join(args.off_topic)}: {report.documents} documents, {report.quotes} quotes")
    print(f"  given a stance other than NONE: {len(report.alarms)} ({report.rate:.2%})")
    sample = random.Random(0).sample(report.alarms, min(args.sample, len(report.alarms)))
    for doc_id, quote in sample:
        labels = ", ".join(f"{t}={s.label.value}" for t, s in quote.stance.items() if s.label.value != "NONE")
        print(f"  {doc_id} [{quote.start}:{quote.end}] {labels}: {quote.text[:160]!r}")
    metrics["off_topic"] = {
        "documents": report.documents,
        "quotes": report.quotes,
        "labelled": len(report.alarms),
        "rate": report.rate,
    }


def _evaluate(args: argparse.Namespace) -> int:
    if args.gold is None and args.polnear is None and args.suite is None and args.off_topic is None:
        print(
            "quotebank evaluate: give --gold FILE --docs DIR, --polnear DIR, --suite FILE or --off-topic DIR",
            file=sys.stderr,
        )
        return 2
    if args.gold is not None and args.docs is None:
        print("quotebank evaluate: --gold needs --docs DIR", file=sys.stderr)
        return 2
    if args.baseline == "textacy" and importlib.util.find_spec("textacy") is None:
        from quotebank.evaluation import BASELINE_MISSING

        print(f"quotebank evaluate: {BASELINE_MISSING}", file=sys.stderr)
        return 2
    extractor = _extractor(args)
    metrics: dict[str, Any] = {}
    if args.gold is not None:
        _evaluate_gold(args, extractor, metrics)
    if args.polnear is not None:
        if args.gold is not None:
            print()
        _evaluate_polnear(args, extractor, metrics)
    for flag, run in (("suite", _evaluate_suite), ("off_topic", _evaluate_off_topic)):
        if getattr(args, flag) is not None:
            if metrics:
                print()
            run(args, extractor, metrics)
    if args.json:
        with atomic_writer(args.json) as handle:
            json.dump(metrics, handle, indent=2)
            handle.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
    """
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "explain":
            return _explain(args)
        return _evaluate(args)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
