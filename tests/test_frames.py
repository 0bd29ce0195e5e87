"""Quotes as a typed DataFrame and as Parquet; the columns CSV shares."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

import quotebank
from quotebank.frames import ParquetWriter
from quotebank.io import columns, write_csv

TEXT = (
    '"We reject this ceasefire," Netanyahu said. The UN chief said the offensive on Rafah would be a catastrophe.'
    " Officials said the bridge would reopen in May."
)


def _quotes(extractor: quotebank.Extractor) -> list[quotebank.Quote]:
    quotes = extractor.extract(TEXT, doc_id="a")
    assert len(quotes) == 3
    return quotes


def test_frame_columns_and_types(extractor: quotebank.Extractor) -> None:
    frame = quotebank.to_frame(_quotes(extractor))
    assert list(frame.columns) == columns(["ceasefire", "rafah_offensive"])
    assert str(frame["start"].dtype) == "int64"
    assert str(frame["confidence"].dtype) == "Float64"
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert set(frame["ceasefire"].cat.categories) == {"FAVOR", "AGAINST", "NONE"}
    assert frame.loc[0, "speaker"] == "Benjamin Netanyahu"
    assert frame["ceasefire"].tolist()[0] == "AGAINST"


def test_frame_matches_the_quotes_exactly(extractor: quotebank.Extractor) -> None:
    quotes = _quotes(extractor)
    frame = quotebank.to_frame(quotes)
    for quote, row in zip(quotes, frame.itertuples(index=False), strict=True):
        assert (row.start, row.end, row.text) == (quote.start, quote.end, quote.text)
        assert row.rule == quote.rule


def test_csv_header_is_the_frame_columns(extractor: quotebank.Extractor) -> None:
    quotes = _quotes(extractor)
    block = io.StringIO()
    write_csv(quotes, block, extractor.targets)
    header = next(csv.reader(io.StringIO(block.getvalue())))
    assert header == list(quotebank.to_frame(quotes).columns)


def test_an_empty_frame_keeps_its_columns() -> None:
    frame = quotebank.to_frame([], targets=["ceasefire"])
    assert frame.empty
    assert list(frame.columns) == columns(["ceasefire"])


def test_pipe_output_flattens(extractor: quotebank.Extractor) -> None:
    frame = quotebank.to_frame(extractor.pipe([TEXT, "No quotes here.", TEXT]))
    assert len(frame) == 6


def test_parquet_round_trip(tmp_path: Path, extractor: quotebank.Extractor) -> None:
    quotes = _quotes(extractor)
    out = tmp_path / "q.parquet"
    with ParquetWriter.open(out, targets=extractor.targets, rows=2) as writer:
        writer.write(quotes)
        writer.write([])
        writer.write(quotes)
    back = pd.read_parquet(out)
    expected = quotebank.to_frame([quotes, quotes], targets=extractor.targets)
    pd.testing.assert_frame_equal(back.reset_index(drop=True), expected, check_categorical=False)


def test_a_failed_parquet_run_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "q.parquet"
    try:
        with ParquetWriter.open(out, targets=[]):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert list(tmp_path.iterdir()) == []
