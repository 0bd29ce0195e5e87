"""What the content rules share: counting what lies outside quotation marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotebank.extract.content import _words_outside


class _Passage:
    def __init__(self, pieces: list[tuple[int, int]]) -> None:
        self.pieces = pieces


class _Index:
    def __init__(self, text: str, passages: list[list[tuple[int, int]]]) -> None:
        self.text = text
        self.passages = [_Passage(p) for p in passages]


def _ranges(n: int) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple)  # type: ignore[arg-type]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[_Index, list[int], list[tuple[int, int]]]:
    text = draw(st.text(alphabet="ab1 ,.'", max_size=40))
    n = len(text)
    passages = draw(st.lists(st.lists(_ranges(n), max_size=3).map(sorted), max_size=3))
    hit = draw(st.lists(st.integers(0, len(passages) - 1), unique=True)) if passages else []
    pieces = draw(st.lists(_ranges(n), min_size=1, max_size=3).map(sorted))
    return _Index(text, passages), hit, pieces


@given(_cases())
def test_words_outside_counts_each_letter_outside_every_passage(
    case: tuple[_Index, list[int], list[tuple[int, int]]],
) -> None:
    index, hit, pieces = case
    inner = [(a, b) for h in hit for a, b in index.passages[h].pieces]
    expected = sum(
        1 for c, d in pieces for k in range(c, d) if index.text[k].isalnum() and not any(a <= k < b for a, b in inner)
    )
    assert _words_outside(index, hit, pieces) == expected  # type: ignore[arg-type]


def test_words_outside_example() -> None:
    # 'He said "no way" today': the content runs over the marks and one word past them
    text = 'He said "no way" today'
    index = _Index(text, [[(9, 15)]])
    assert _words_outside(index, [0], [(9, 22)]) == 5  # type: ignore[arg-type]
    assert _words_outside(index, [], [(9, 15)]) == 5  # type: ignore[arg-type]
