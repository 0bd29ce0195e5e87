"""``quotebank evaluate``: the scores of ``annotation/SCORING.md``.

``--gold FILE --docs DIR`` scores against a gold JSONL file; ``--polnear DIR`` against
PolNeAR brat files (with canonical speakers where a ``<split>-canonical.jsonl`` lies
beside it); ``--suite FILE`` runs a behavioural stance or speaker suite; ``--off-topic
DIR`` counts the quotes of off-topic articles given a stance; ``--baseline textacy``
scores textacy's ``direct_quotations`` too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quotebank.cli.common import Formatter, build_extractor, model_options, positive, progress, skipped
from quotebank.errors import DocumentError, QuotebankError
from quotebank.io import atomic_writer, collect_documents, printable, read_document, read_source

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Add the ``evaluate`` subcommand."""
    ev = sub.add_parser(
        "evaluate", help="score against gold annotation", description=__doc__, formatter_class=Formatter
    )
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
    ev.add_argument("--workers", type=positive, default=1, help="worker processes for --off-topic")
    ev.add_argument("--sample", type=int, default=20, help="off-topic labelled quotes to list (random, seeded)")
    ev.add_argument("--limit", type=int, default=None, help="score only the first N PolNeAR documents")
    ev.add_argument("--baseline", choices=["textacy"], default=None, help="also score a baseline")
    ev.add_argument("--json", default=None, metavar="FILE", help="write the metrics as JSON")
    model_options(ev)
    ev.set_defaults(run=run)


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


def _parse_polnear(
    args: argparse.Namespace,
    extractor: Any,
    texts: dict[str, str],
    preds: dict[str, Any],
    baseline: dict[str, Any],
    bar: Any,
) -> None:
    """Predict every PolNeAR document; a crash is a failed document, counted and reported."""
    from quotebank.evaluation import from_quote, textacy_predictions

    for doc_id, text in texts.items():
        bar.step()
        try:
            doc = extractor.parse(text)
            preds[doc_id] = [from_quote(q) for q in doc._.quotes]
        except Exception as error:
            print(printable(f"quotebank: {doc_id} failed: {error!r}"), file=sys.stderr)
            preds[doc_id] = None
            continue
        if args.baseline == "textacy":
            baseline[doc_id] = textacy_predictions(doc)


def _evaluate_polnear(args: argparse.Namespace, extractor: Any, metrics: dict[str, Any]) -> None:
    from quotebank.evaluation import (
        PolnearReport,
        Prediction,
        load_polnear,
        load_polnear_canonical,
        score_polnear,
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
            skipped(text)
            continue
        texts[ann.stem] = text
        gold[ann.stem] = load_polnear(ann)
    preds: dict[str, list[Prediction] | None] = {}
    baseline: dict[str, list[Prediction] | None] = {}
    started = time.perf_counter()
    with progress(len(texts), enabled=None) as bar:
        _parse_polnear(args, extractor, texts, preds, baseline, bar)
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
            skipped(text)
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


def run(args: argparse.Namespace) -> int:
    """Run ``quotebank evaluate``; return the exit status."""
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
    extractor = build_extractor(args)
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
