"""Hostile inputs: quotebank's time against the bare spaCy parse of the same text.

Usage:
    python benchmarks/adversarial.py [--chars 20000] [--rounds 3] [--json out.json]

Each case is a text no newsroom writes but scraped pages contain: thousands of quotation
marks, a JSON blob, nested marks, one huge paragraph, thousands of one-line paragraphs. For
each, the figure is time(quotebank) / time(bare parse) on the same text, best of ``rounds``
(goal: at most 1.5), and the growth ratio time(2n) / time(n) of the quotebank component
alone on the parsed text, from n/2 to n characters (linear time: about 2; the spaCy tokenizer itself grows faster than
linearly on one "word" of thousands of marks, which is not quotebank's to bound). The
registry case times loading a 20,000-entry speaker registry against a 10,000-entry one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

import quotebank

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile import CASES, registry_file  # the cases the complexity tests use


def _best(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    extractor = quotebank.Extractor()
    nlp = extractor.nlp
    results: dict[str, dict[str, float]] = {}
    print(f"{'case':<22}{'bare s':>9}{'quotebank s':>13}{'ratio':>8}{'2n/n':>7}")
    component = nlp.get_pipe("quotebank")

    def component_time(text: str) -> float:
        data = nlp(text, disable=["quotebank"]).to_bytes()
        return _best(lambda: component(Doc(nlp.vocab).from_bytes(data)), args.rounds)

    for name, make in CASES.items():
        text = make(args.chars)
        bare = _best(lambda t=text: nlp(t, disable=["quotebank"]), args.rounds)
        full = _best(lambda t=text: extractor.extract(t), args.rounds)
        # growth from n/2 to n: parsing 2n characters of marks alone takes minutes (see above)
        growth = component_time(text) / component_time(make(args.chars // 2))
        results[name] = {"bare": bare, "quotebank": full, "ratio": full / bare, "component_growth": growth}
        print(f"{name:<22}{bare:>9.2f}{full:>13.2f}{full / bare:>8.2f}{growth:>7.2f}")
    with tempfile.TemporaryDirectory() as folder:
        small, big = registry_file(Path(folder), 10_000), registry_file(Path(folder), 20_000)
        load_small = _best(lambda: quotebank.lexicons.load_lexicons(speakers=small), 1)
        load_big = _best(lambda: quotebank.lexicons.load_lexicons(speakers=big), 1)
    results["registry_20k"] = {"seconds": load_big, "growth": load_big / load_small}
    print(f"{'registry 20k entries':<22}{load_big:>9.2f} s to load; 20k/10k = {load_big / load_small:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
