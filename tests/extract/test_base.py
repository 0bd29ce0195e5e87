"""The per-document plumbing of the extractors: tree depths, dominance, word lists."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from quotebank.extract._base import DocIndex, WordList, tokens_where, tree_depths, word_list
from quotebank.lexicons import load_lexicons
from tests.strategies import head_arrays

_NLP = spacy.blank("en")


def _walked_depth(heads: list[int], i: int) -> int:
    """Depth by walking up, the obvious way (-1 when the walk never reaches a root)."""
    steps = 0
    while heads[i] != i:
        i = heads[i]
        steps += 1
        if steps > len(heads):
            return -1
    return steps


def _ancestors(heads: list[int], i: int) -> set[int]:
    out = {i}
    while heads[i] != i and len(out) <= len(heads):
        i = heads[i]
        out.add(i)
    return out


@given(head_arrays())
def test_depths_are_the_walk_up(heads: list[int]) -> None:
    assert tree_depths(heads) == [_walked_depth(heads, i) for i in range(len(heads))]


def test_a_cycle_in_hand_made_heads_has_no_depth() -> None:
    assert tree_depths([1, 2, 0, 3]) == [-1, -1, -1, 0]
    assert tree_depths([]) == []


def _index(heads: list[int]) -> DocIndex:
    words = [f"w{i}" for i in range(len(heads))]
    doc = Doc(_NLP.vocab, words=words, heads=heads, deps=["dep"] * len(heads))
    return DocIndex(doc, [], load_lexicons(), 0.5)


@given(head_arrays(max_size=30).filter(bool), st.data())
def test_is_under_is_having_top_as_an_ancestor(heads: list[int], data: st.DataObject) -> None:
    index = _index(heads)
    i = data.draw(st.integers(0, len(heads) - 1))
    top = data.draw(st.integers(0, len(heads) - 1))
    assert index.is_under(i, top) == (top in _ancestors(heads, i))
    assert index.depth(i) == _walked_depth(heads, i)


def test_is_under_examples() -> None:
    # "He said it rained": said <- He, said <- rained <- it
    index = _index([1, 1, 3, 1])
    assert index.is_under(2, 1)
    assert index.is_under(2, 3)
    assert index.is_under(1, 1)
    assert not index.is_under(1, 3)
    assert not index.is_under(0, 3)


def test_a_word_list_finds_lower_cased_values() -> None:
    doc = _NLP("Said it. He SAYS so; she said.")
    found = WordList({"said", "says"}).tokens(doc, LOWER)
    assert found == [0, 4, 8]
    assert WordList({"nothing"}).tokens(doc, LOWER) == []
    assert WordList({"said"}).tokens(_NLP(""), LOWER) == []


@given(st.lists(st.sampled_from(["Said", "said", "SAID", "told", "Told", "no", "x"]), max_size=30))
def test_a_word_list_answers_as_the_predicate_would(words: list[str]) -> None:
    doc = Doc(_NLP.vocab, words=words, lemmas=words)
    wanted = {"said", "told"}
    listed = WordList(wanted)
    for _ in range(2):  # the second time from its memory
        for attr in (LOWER, LEMMA):
            assert listed.tokens(doc, attr) == tokens_where(doc, attr, lambda w: w.lower() in wanted)


def test_one_word_list_per_owner() -> None:
    table = {"say": 1}
    first = word_list(table, lambda: set(table))
    assert word_list(table, lambda: set()) is first
    assert word_list({"say": 1}, lambda: {"say"}) is not first
    assert "SAY" in first
    assert "tell" not in first


def test_lower_words_and_sentence_ends_are_the_tokens() -> None:
    doc = _NLP("He said: Yes.\nShe said NO")
    doc[4].is_sent_start = True
    doc[5].is_sent_start = True
    index = DocIndex(doc, [], load_lexicons(), 0.5)
    assert index.lower_words == [t.lower_ for t in doc]
    assert index.sent_ends == [bool(t.is_sent_end) for t in doc]
    assert index.tokens_lowered("said") == [1, 7]
    assert index.tokens_lowered("absent") == []
    assert index.char_of(2) == doc[2].idx
