"""Linear time on hostile inputs: what quotebank adds to the parse grows with the text.

Each case times the quotebank component alone on a parsed document (the spaCy parse is not
quotebank's to bound), best of five, at n and 2n characters; the ratio must stay at or under
2.5 (linear time gives about 2; the quadratic scans this replaced gave 4 and more). The
registry case times loading 10,000 and 20,000 speakers. ``benchmarks/adversarial.py``
reports the same cases against the bare parse.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

import quotebank
from quotebank.lexicons import load_lexicons

from .hostile import CASES, registry_file

pytestmark = pytest.mark.slow

_GROWTH = 2.5
_SIZES = {
    "straight_marks": 8_000,
    "curly_closers": 8_000,
    "marks_and_breaks": 8_000,
    "short_paragraphs": 12_000,  # component times of a tenth of a second: less noise than at 6,000
    "huge_paragraph": 6_000,
    "nested_marks": 8_000,
    "json_line": 8_000,
}


def _growth(extractor: quotebank.Extractor, small_text: str, large_text: str, rounds: int = 7) -> tuple[float, float]:
    """Best times of the quotebank component on the two parsed texts, measured in alternating
    rounds with the garbage collector paused, so machine noise hits both alike."""
    nlp = extractor.nlp
    component = nlp.get_pipe("quotebank")
    data = [nlp(t, disable=["quotebank"]).to_bytes() for t in (small_text, large_text)]
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for k in (0, 1):
                doc = Doc(nlp.vocab).from_bytes(data[k])
                start = time.perf_counter()
                component(doc)
                best[k] = min(best[k], time.perf_counter() - start)
    finally:
        gc.enable()
    return best[0], best[1]


@pytest.mark.parametrize("case", sorted(_SIZES))
def test_quotebank_time_grows_linearly(extractor: quotebank.Extractor, case: str) -> None:
    n = _SIZES[case]
    small, large = _growth(extractor, CASES[case](n), CASES[case](2 * n))
    assert large / small <= _GROWTH, f"{case}: {small:.3f} s at {n} chars, {large:.3f} s at {2 * n}"


def test_a_large_registry_loads_in_linear_time(tmp_path: Path) -> None:
    paths = {n: registry_file(tmp_path, n) for n in (10_000, 20_000)}
    assert load_lexicons(speakers=paths[20_000]).speakers.get("Person19999 Surname19999") is not None
    best = {n: float("inf") for n in paths}
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):  # alternating rounds, the collector paused (see _growth)
            for n, path in paths.items():
                start = time.perf_counter()
                load_lexicons(speakers=path)
                best[n] = min(best[n], time.perf_counter() - start)
    finally:
        gc.enable()
    small, large = best[10_000], best[20_000]
    assert large / small <= _GROWTH, f"{small:.2f} s for 10,000 entries, {large:.2f} s for 20,000"
