"""Throughput of quotebank against the bare spaCy parse, in one process run.

Usage:
    python benchmarks/throughput.py [--corpus ../shared/polnear/dev/text] [--rounds 3] [--json out.json]

What it measures, on the same texts, alternating so that machine noise hits
every variant alike:

* ``bare``: ``nlp.pipe`` with the same spaCy pipeline and no quotebank component;
* ``quotebank``: the full extractor (``Extractor.pipe``), n_process=1;
* ``textacy``: the bare parse plus textacy's ``direct_quotations`` (a reference);
* ``quotebank n_process=2``: the extractor on two worker processes.

The bare parse and quotebank each run once untimed first (quotebank builds lexicon indexes on
first use, as any long run does once). Figures are reported as words per second and as ratios against the bare
parse measured in the same run (time(bare) / time(quotebank), best against best), and the same
ratio within each round with its median (both variants under that round's machine load).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import quotebank

ROOT = Path(__file__).resolve().parent.parent


def _time(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "polnear" / "dev" / "text"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)

    paths = sorted(Path(args.corpus).glob("*.txt"))
    if not paths:
        print(f"no *.txt files in {args.corpus}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in paths]
    extractor = quotebank.Extractor()
    nlp = extractor.nlp
    words = sum(len(doc) for doc in nlp.pipe(texts, disable=["quotebank"]))  # warm-up, and the word count
    for _ in extractor.pipe(texts):  # quotebank's warm-up too: lexicon indexes are built on first use
        pass

    from textacy.extract import triples

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=args.batch_size, disable=["quotebank"]):
            pass

    def full() -> None:
        for _ in extractor.pipe(texts, batch_size=args.batch_size):
            pass

    def textacy_run() -> None:
        for doc in nlp.pipe(texts, batch_size=args.batch_size, disable=["quotebank"]):
            with contextlib.suppress(ValueError):  # textacy refuses odd numbers of quotation marks
                list(triples.direct_quotations(doc))

    def full_two() -> None:
        for _ in extractor.pipe(texts, batch_size=args.batch_size, n_process=2):
            pass

    variants = {"bare": bare, "quotebank": full, "textacy": textacy_run, "quotebank_n2": full_two}
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        for name, run in variants.items():
            times[name].append(_time(run))
    best = {name: min(values) for name, values in times.items()}
    paired = list(zip(times["bare"], times["quotebank"], strict=True))
    result = {
        "documents": len(texts),
        "words": words,
        "rounds": args.rounds,
        "seconds_best": best,
        "seconds_median": {name: statistics.median(v) for name, v in times.items()},
        "words_per_second": {name: round(words / t) for name, t in best.items()},
        "ratio_bare_over_quotebank": round(best["bare"] / best["quotebank"], 3),
        # the same ratio within each round (both variants under that round's machine load)
        "ratio_bare_over_quotebank_per_round": [round(b / q, 3) for b, q in paired],
        "ratio_bare_over_quotebank_median_round": round(statistics.median(b / q for b, q in paired), 3),
        "ratio_bare_over_textacy": round(best["bare"] / best["textacy"], 3),
        "speedup_n_process_2": round(best["quotebank"] / best["quotebank_n2"], 3),
    }
    print(f"{len(texts)} documents, {words} tokens, best of {args.rounds} alternating rounds")
    for name, wps in result["words_per_second"].items():
        print(f"  {name:<14} {wps:>8} tokens/s   ({best[name]:.2f} s)")
    print(f"  time(bare) / time(quotebank)       = {result['ratio_bare_over_quotebank']}")
    print(
        f"  same ratio per round               = {result['ratio_bare_over_quotebank_per_round']}"
        f" (median {result['ratio_bare_over_quotebank_median_round']})"
    )
    print(f"  time(bare) / time(textacy)         = {result['ratio_bare_over_textacy']}")
    print(f"  quotebank n_process=2 vs 1 speedup = {result['speedup_n_process_2']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
