"""Invariants of extraction on any text, checked with hypothesis.

The ``ci`` profile (``HYPOTHESIS_PROFILE=ci``, used by ``.ci/run``) runs each
property over at least 10,000 examples.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import quotebank
from quotebank import Quote
from tests import strategies as qst

_EXTRACTOR: quotebank.Extractor | None = None


def _extractor() -> quotebank.Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = quotebank.Extractor()
    return _EXTRACTOR


def _check_offsets(text: str, quotes: list[Quote]) -> None:
    last_end = 0
    previous: list[Quote] = []
    for quote in quotes:
        spans = [*quote.content]
        if quote.cue is not None:
            spans.append(quote.cue)
        if quote.speaker is not None and quote.speaker.mention is not None:
            spans.append(quote.speaker.mention)
        for stance in quote.stance.values():
            spans.extend(e.span for e in stance.evidence if e.span is not None)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        # in document order, not overlapping, except a relayed report nested inside another
        assert quote.start >= last_end or any(p.start <= quote.start and quote.end <= p.end for p in previous)
        assert not previous or quote.start >= previous[-1].start
        last_end = max(last_end, quote.end)
        previous.append(quote)


_ANY_TEXT = st.one_of(qst.unicode_text(), qst.news_documents().map(lambda d: d.text))


@given(_ANY_TEXT)
def test_extract_never_raises_and_offsets_are_exact(text: str) -> None:
    quotes = _extractor().extract(text)
    _check_offsets(text, quotes)


@given(qst.news_documents())
def test_a_generated_quote_is_found_with_its_speaker(doc: qst.NewsDocument) -> None:
    quotes = _extractor().extract(doc.text)
    for known in doc.quotes:
        found = [q for q in quotes if known.content.split()[-1] in q.text]
        assert found, (known, [q.text for q in quotes])
        assert any(q.speaker is not None and q.speaker.name == known.speaker for q in found), (
            known,
            [(q.text, q.speaker) for q in found],
        )


@given(_ANY_TEXT)
def test_results_are_deterministic(text: str) -> None:
    assert _extractor().extract(text) == _extractor().extract(text)


@given(qst.news_documents())
def test_json_round_trip_of_extracted_quotes(doc: qst.NewsDocument) -> None:
    for quote in _extractor().extract(doc.text, doc_id="d"):
        assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


@given(qst.news_documents(), st.sampled_from(["Intro paragraph.\n\n", "A short lead in.\n\n", "\n\n"]))
def test_prepending_text_only_shifts_offsets(doc: qst.NewsDocument, prefix: str) -> None:
    plain = _extractor().extract(doc.text)
    shifted = _extractor().extract(prefix + doc.text)
    n = len(prefix)
    assert [(q.kind, [(p.start + n, p.end + n, p.text) for p in q.content]) for q in plain] == [
        (q.kind, [(p.start, p.end, p.text) for p in q.content]) for q in shifted
    ]
    assert [q.speaker.name if q.speaker else None for q in plain] == [
        q.speaker.name if q.speaker else None for q in shifted
    ]


@settings(max_examples=50)
@given(st.lists(_ANY_TEXT, max_size=6))
def test_pipe_never_drops_a_document(texts: list[str]) -> None:
    results = list(_extractor().pipe(texts))
    assert len(results) == len(texts)
    for text, quotes in zip(texts, results, strict=True):
        _check_offsets(text, quotes)
