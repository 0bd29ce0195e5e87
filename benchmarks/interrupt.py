"""Kill a batch at random points, resume it, and compare with an uninterrupted run.

Usage:
    python benchmarks/interrupt.py [--docs ../shared/polnear/dev/text] [--points 10] [--seed 14]
        [--signal KILL|TERM|INT] [--json out.json]

Runs ``quotebank extract DOCS/*.txt -o out.jsonl`` once to the end, then, for each kill
point, starts the same command, waits until the manifest records a random number of
finished documents (between 1 and 20 fewer than all, so that work remains), pauses for
up to half a second, sends the signal, runs it again with ``--resume`` and checks that
the output is byte-identical to the uninterrupted run's. Reports, per point, how many
documents the killed run had finished and how many the resumed run processed (it must
process only the rest).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotebank.checkpoint import manifest_path, read_manifest


def _command(docs: list[Path], out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "quotebank.cli", "extract", *map(str, docs), "-o", str(out), "--no-progress", *extra]


def _finished(out: Path) -> int:
    log = manifest_path(out)
    return len(read_manifest(log, format="jsonl")[0]) if log.exists() else 0


def _kill_at(docs: list[Path], out: Path, k: int, pause: float, sig: signal.Signals) -> None:
    process = subprocess.Popen(_command(docs, out), stderr=subprocess.DEVNULL)
    log = manifest_path(out)
    while process.poll() is None and not (log.exists() and log.read_bytes().count(b"\n") > k):
        time.sleep(0.01)
    time.sleep(pause)
    process.send_signal(sig)
    process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="../shared/polnear/dev/text")
    parser.add_argument("--points", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--signal", default="KILL", choices=["KILL", "TERM", "INT"])
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    docs = sorted(Path(args.docs).glob("*.txt"))
    sig = signal.Signals[f"SIG{args.signal}"]
    rng = random.Random(args.seed)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "whole.jsonl"
        subprocess.run(_command(docs, whole), check=True, capture_output=True)
        print(f"{len(docs)} documents; uninterrupted run: {whole.stat().st_size} bytes")
        for point in range(args.points):
            out = Path(tmp) / f"run{point}.jsonl"
            # a kill point while documents remain: the last batch (16) may finish at once
            _kill_at(docs, out, rng.randrange(1, max(len(docs) - 20, 2)), rng.random() * 0.5, sig)
            finished = _finished(out)
            done = subprocess.run(_command(docs, out, "--resume"), capture_output=True, text=True, check=True)
            match = re.search(r"from (\d+) documents, (\d+) already done", done.stderr)
            processed, skipped = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
            same = out.read_bytes() == whole.read_bytes()
            rows.append(
                {
                    "point": point,
                    "finished": finished,
                    "resumed_processed": processed,
                    "skipped": skipped,
                    "identical": same,
                }
            )
            print(
                f"  kill {point + 1:2}: SIG{args.signal} after {finished:3} finished; resume processed {processed:3}"
                f" (skipped {skipped}); identical output: {same}"
            )
    good = all(r["identical"] and r["resumed_processed"] == len(docs) - r["finished"] for r in rows)
    print(f"all identical and only unfinished documents re-processed: {good}")
    if args.json:
        Path(args.json).write_text(json.dumps({"documents": len(docs), "points": rows, "ok": good}, indent=2) + "\n")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
