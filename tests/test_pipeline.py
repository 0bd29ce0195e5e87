"""The spaCy component: factory, extensions, spans, DocBin and multiprocessing."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, DocBin

import quotebank
from quotebank.pipeline import SPAN_KEY

TEXTS = [
    "“We will rebuild the bridge,” Maria Okafor said. Officials said the work would take a year.",
    "Nothing was said here at all.",
    "The army said it had withdrawn from the town, according to witnesses.",
]


def test_factory_is_registered_by_entry_point() -> None:
    assert "quotebank" in spacy.registry.factories.get_all()
    assert "quotebank_paragraphs" in spacy.registry.factories.get_all()


def test_add_pipe_sets_quotes_and_spans(extractor: quotebank.Extractor) -> None:
    doc = extractor.nlp(TEXTS[0])
    assert Doc.has_extension("quotes")
    quotes = doc._.quotes
    assert isinstance(quotes, tuple)
    assert len(quotes) == 2
    spans = doc.spans[SPAN_KEY]
    assert [s.label_ for s in spans] == [q.kind.value for q in quotes]
    assert spans[0]._.quote == quotes[0]


def test_component_on_a_plain_pipeline() -> None:
    nlp = quotebank.load_model()
    nlp.add_pipe("quotebank")
    doc = nlp(TEXTS[0])
    assert [q.speaker.name for q in doc._.quotes if q.speaker] == ["Maria Okafor", "officials"]
    meta = nlp.get_pipe_meta("quotebank")
    assert "doc._.quotes" in meta.assigns


def test_docbin_round_trip_keeps_quotes(extractor: quotebank.Extractor) -> None:
    docs = list(extractor.nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(extractor.nlp.vocab))
    for before, after in zip(docs, restored, strict=False):
        assert after._.quotes == before._.quotes
        assert [(s.start, s.end, s.label_) for s in after.spans[SPAN_KEY]] == [
            (s.start, s.end, s.label_) for s in before.spans[SPAN_KEY]
        ]


def test_doc_to_bytes_round_trip(extractor: quotebank.Extractor) -> None:
    doc = extractor.nlp(TEXTS[2])
    again = Doc(extractor.nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes


def test_n_process_two_gives_the_same_quotes(extractor: quotebank.Extractor) -> None:
    texts = TEXTS * 4
    one = [doc._.quotes for doc in extractor.nlp.pipe(texts)]
    two = [doc._.quotes for doc in extractor.nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two
    assert list(extractor.pipe(texts, n_process=2, batch_size=2)) == [list(q) for q in one]
