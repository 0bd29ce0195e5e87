"""The stance layers' array view of a parsed document."""

from __future__ import annotations

import spacy
from hypothesis import given
from spacy.tokens import Doc

from quotebank.stance.view import DocView
from tests.strategies import head_arrays

_NLP = spacy.blank("en")


def _view(heads: list[int]) -> DocView:
    words = [f"w{i}" for i in range(len(heads))]
    return DocView(Doc(_NLP.vocab, words=words, heads=heads, deps=["dep"] * len(heads)))


@given(head_arrays(max_size=40).filter(bool))
def test_children_are_the_dependents_in_text_order(heads: list[int]) -> None:
    view = _view(heads)
    assert view.children == [[i for i, h in enumerate(heads) if h == k and i != k] for k in range(len(heads))]


def test_children_example() -> None:
    # "He said it rained": He <- said -> rained -> it
    assert _view([1, 1, 3, 1]).children == [[], [0, 3], [], [2]]
