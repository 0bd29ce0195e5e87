"""The high-level API: extract, Extractor.pipe, bad input, long text."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.errors import InputError, ModelNotFoundError
from tests.conftest import DATA


def test_extract_is_lazy_and_reused() -> None:
    first = quotebank.extract("“Yes,” she said.")
    second = quotebank.extract("“Yes,” she said.")
    assert first == second
    assert len(first) == 1


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_str_raises_input_error(bad: object) -> None:
    with pytest.raises(InputError, match="needs a str") as info:
        quotebank.extract(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


def test_pipe_rejects_a_bad_item_with_its_position(extractor: quotebank.Extractor) -> None:
    with pytest.raises(InputError, match="item 1"):
        list(extractor.pipe(["fine", 3]))  # type: ignore[list-item]


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t"])
def test_blank_text_gives_no_quotes(extractor: quotebank.Extractor, blank: str) -> None:
    assert extractor.extract(blank) == []


def test_pipe_yields_one_result_per_text_in_order(extractor: quotebank.Extractor) -> None:
    texts = ["“A b c,” she said.", "", "No quotes.", "Officials said it was over."]
    results = list(extractor.pipe(texts, doc_ids=["a", "b", "c", "d"]))
    assert [len(r) for r in results] == [1, 0, 0, 1]
    assert results[3][0].doc_id == "d"


def test_doc_id_is_copied(extractor: quotebank.Extractor) -> None:
    [quote] = extractor.extract("“Yes, we can,” she said.", doc_id="x1")
    assert quote.doc_id == "x1"


def test_text_longer_than_max_length_is_chunked_with_true_offsets(extractor: quotebank.Extractor) -> None:
    paragraph = "“We will rebuild the bridge,” Maria Okafor said on Tuesday.\n\n"
    text = paragraph * 12
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 300
    try:
        quotes = extractor.extract(text)
    finally:
        extractor.nlp.max_length = old
    assert len(quotes) == 12
    for quote in quotes:
        for piece in quote.content:
            assert text[piece.start : piece.end] == piece.text
        assert quote.speaker is not None
        assert quote.speaker.name == "Maria Okafor"


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="never downloads"):
        quotebank.Extractor("no_such_pipeline_xyz")


def test_user_speaker_registry(extractor: quotebank.Extractor) -> None:
    custom = quotebank.Extractor(speakers=[DATA / "my_speakers.toml"])
    [quote] = custom.extract("Springfield's mayor said the bridge would reopen in May.")
    assert quote.speaker is not None
    assert quote.speaker.name == "Jane Roe"
    assert quote.speaker.resolution is quotebank.Resolution.TITLE


def test_targets_property(extractor: quotebank.Extractor) -> None:
    assert extractor.targets == ["ceasefire", "rafah_offensive"]


@pytest.mark.parametrize(
    "text",
    [
        "“Stop\x00 now,” he said.\x07\x1b[31m",
        "“Lone \ud800 surrogate,” she said.",
        "“We will win 🎉🔥,” the coach said. 👍",
        "قال المتحدث “نحن مستعدون” أمس.",
        "“שלום,” אמר השר.",
        "Er sagte: „Wir kommen morgen.“ Sie sagte: «Non, merci.» 「はい」と彼は言った。",
        "\u200b\u200e“Zero width,” said the editor.\u2028Next line.",
    ],
)
def test_messy_text_is_handled_with_exact_offsets(extractor: quotebank.Extractor, text: str) -> None:
    quotes = extractor.extract(text)
    for quote in quotes:
        for piece in quote.content:
            assert 0 <= piece.start <= piece.end <= len(text)
            assert text[piece.start : piece.end] == piece.text


def test_lone_surrogates_keep_offsets(extractor: quotebank.Extractor) -> None:
    text = "Intro \ud800 text.\n\n“We are ready,” the minister said."
    [quote] = extractor.extract(text)
    assert quote.content[0].start == text.index("We are ready")
    assert quote.content[0].text == "We are ready,"


def test_pipe_with_two_processes_checks_input_and_keeps_order(extractor: quotebank.Extractor) -> None:
    texts = [f"“Point number {k} stands,” Maria Okafor said." for k in range(7)]
    results = list(extractor.pipe(texts, doc_ids=[str(k) for k in range(7)], n_process=2, batch_size=2))
    assert [r[0].doc_id for r in results] == [str(k) for k in range(7)]
    assert results == list(extractor.pipe(texts, doc_ids=[str(k) for k in range(7)]))
    with pytest.raises(InputError, match="item 2"):
        list(extractor.pipe(["a", "b", None, "d"], n_process=2))  # type: ignore[list-item]


def test_fewer_doc_ids_than_texts_is_an_error_not_a_loss(extractor: quotebank.Extractor) -> None:
    with pytest.raises(InputError, match="fewer doc_ids"):
        list(extractor.pipe(["“Yes,” she said.", "Officials said no."], doc_ids=["only-one"]))


class _Navigable(str):
    """A str subclass, as BeautifulSoup's NavigableString is."""


def test_a_str_subclass_is_read_as_its_text(extractor: quotebank.Extractor) -> None:
    [quote] = extractor.extract(_Navigable('"We will stay," Dana Kerr said.'))
    assert quote.content[0].text == "We will stay,"
    assert type(quote.content[0].text) is str


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"batch_size": 0}, "batch_size"), ({"n_process": 0}, "n_process"), ({"batch_size": 2.5}, "batch_size")],
)
def test_pipe_arguments_that_would_drop_documents_are_errors(
    extractor: quotebank.Extractor, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(quotebank.errors.InputError, match=message):
        extractor.pipe(["He said so."], **kwargs)  # type: ignore[arg-type]


def test_pipe_of_a_single_string_is_an_error(extractor: quotebank.Extractor) -> None:
    with pytest.raises(quotebank.errors.InputError, match="single text"):
        extractor.pipe('"No," she said.')


def test_two_processes_deliver_every_result_before_a_bad_item(extractor: quotebank.Extractor) -> None:
    texts: list[object] = ['"Yes," Ana Ruiz said.'] * 6 + [b"bytes"]
    results: list[list[quotebank.Quote]] = []

    def drain() -> None:
        results.extend(extractor.pipe(texts, n_process=2, batch_size=1))  # type: ignore[arg-type]

    with pytest.raises(quotebank.errors.InputError, match="item 6"):
        drain()
    assert len(results) == 6


def test_one_speakers_file_is_one_file() -> None:
    extractor = quotebank.Extractor(speakers=str(DATA / "my_speakers.toml"))
    [quote] = extractor.extract("The mayor of Springfield said the road would reopen.")
    assert quote.speaker is not None
    assert quote.speaker.name == "Jane Roe"
