"""Peak resident memory while streaming a corpus through Extractor.pipe.

Usage:
    python benchmarks/memory.py [--corpus DIR ...] [--n-process 1] [--batch-size 16]

Streams every ``*.txt`` below the given folders (default: PolNeAR train and
dev, 924 articles) and prints the peak RSS of this process (and, with
``--n-process 2``, of its largest worker) next to the RSS after loading the
pipeline, which is the baseline of the same run.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import quotebank

ROOT = Path(__file__).resolve().parent.parent


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared" / "polnear"
    parser.add_argument("--corpus", nargs="*", default=[str(shared / "train" / "text"), str(shared / "dev" / "text")])
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)

    paths = sorted(p for folder in args.corpus for p in Path(folder).glob("*.txt"))
    extractor = quotebank.Extractor()
    extractor.extract("“Warm up,” she said.")
    loaded = _peak_mb()

    def texts() -> Iterator[str]:
        for path in paths:
            yield path.read_text(encoding="utf-8")

    start = time.perf_counter()
    docs = quotes = 0
    for found in extractor.pipe(texts(), n_process=args.n_process, batch_size=args.batch_size):
        docs += 1
        quotes += len(found)
    elapsed = time.perf_counter() - start
    peak = _peak_mb()
    children = _peak_mb(resource.RUSAGE_CHILDREN)
    print(f"{docs} documents, {quotes} quotes in {elapsed:.1f} s (n_process={args.n_process})")
    print(f"  RSS after loading the pipeline: {loaded:.0f} MB")
    print(f"  peak RSS while streaming:       {peak:.0f} MB (largest worker: {children:.0f} MB)")
    return 0 if docs == len(paths) else 1


if __name__ == "__main__":
    sys.exit(main())
