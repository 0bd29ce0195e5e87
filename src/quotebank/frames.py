"""Quotes as a pandas DataFrame, and as Parquet files.

:func:`to_frame` turns quotes (or the per-document lists that
:meth:`quotebank.Extractor.pipe` yields) into one flat, typed DataFrame with the columns
of :func:`quotebank.io.columns`, the same set ``quotebank extract --format csv`` and
``--format parquet`` write:

=============================  ==============================================================
column                         type
=============================  ==============================================================
doc, text, speaker,            ``string`` (missing: ``<NA>``)
speaker_key, mention, cue,
rule
start, end                     ``int64`` (character offsets of the whole quote)
kind, speaker_kind,            ``category`` with every value of the enum as a category, so
resolution, <target>           counts show zeros too (``FAVOR``/``AGAINST``/``NONE``)
confidence, <target>_score     ``Float64`` (missing: ``<NA>``)
=============================  ==============================================================

Examples:
    >>> import quotebank
    >>> quotes = quotebank.extract('"We reject this ceasefire," Netanyahu said.', doc_id="a")
    >>> frame = quotebank.to_frame(quotes)
    >>> frame[["doc", "kind", "speaker", "ceasefire"]].to_string(index=False)
    'doc   kind            speaker ceasefire\\n  a direct Benjamin Netanyahu   AGAINST'
    >>> frame["ceasefire"].value_counts().to_dict()
    {'AGAINST': 1, 'FAVOR': 0, 'NONE': 0}
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotebank.io import COLUMNS, columns, quote_rows
from quotebank.model import Quote, QuoteKind, Resolution, SpeakerKind, StanceLabel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ParquetWriter", "to_frame"]

_CATEGORIES: dict[str, list[str]] = {
    "kind": [k.value for k in QuoteKind],
    "speaker_kind": [k.value for k in SpeakerKind],
    "resolution": [r.value for r in Resolution],
}
_LABELS = [label.value for label in StanceLabel]
_INTEGERS = ("start", "end")
_FLOATS = ("confidence",)


def _flatten(quotes: Iterable[Quote | Iterable[Quote]]) -> list[Quote]:
    """Quotes, from quotes or from lists of quotes (one per document)."""
    flat: list[Quote] = []
    for item in quotes:
        if isinstance(item, Quote):
            flat.append(item)
        else:
            flat.extend(item)
    return flat


def _targets(quotes: Sequence[Quote]) -> list[str]:
    """Every target the quotes were scored on, in first-seen order."""
    return list(dict.fromkeys(t for q in quotes for t in q.stance))


def _dtypes(targets: Sequence[str]) -> dict[str, Any]:
    import pandas as pd

    types: dict[str, Any] = {}
    for name in COLUMNS:
        if name in _CATEGORIES:
            types[name] = pd.CategoricalDtype(_CATEGORIES[name])
        elif name in _INTEGERS:
            types[name] = "int64"
        elif name in _FLOATS:
            types[name] = "Float64"
        else:
            types[name] = "string"
    for target in targets:
        types[target] = pd.CategoricalDtype(_LABELS)
        types[f"{target}_score"] = "Float64"
    return types


def to_frame(quotes: Iterable[Quote | Iterable[Quote]], *, targets: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per quote, with the flat, typed columns of :func:`quotebank.io.columns`.

    Args:
        quotes: quotes, or lists of quotes (what :meth:`quotebank.Extractor.pipe` yields,
            or :func:`quotebank.io.read_quotes` returns).
        targets: the stance targets to give columns (default: every target a quote was
            scored on, in first-seen order).

    Returns:
        A ``pandas.DataFrame``; with no quotes, an empty one that has every column.
    """
    import pandas as pd

    flat = _flatten(quotes)
    chosen = list(targets) if targets is not None else _targets(flat)
    frame = pd.DataFrame(quote_rows(flat, chosen), columns=columns(chosen))
    return frame.astype(_dtypes(chosen))


class ParquetWriter:
    """A Parquet file written document by document (one row group per ``rows`` quotes) and
    renamed into place only when closed without an error, so a failed run leaves no
    half-written file. Use :meth:`open`.

    Examples:
        >>> import tempfile, pathlib, pandas, quotebank
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "q.parquet"
        >>> with ParquetWriter.open(out, targets=["ceasefire"]) as writer:
        ...     writer.write(quotebank.extract('"No truce," she said.', doc_id="a"))
        >>> pandas.read_parquet(out)[["doc", "text", "ceasefire"]].values.tolist()
        [['a', 'No truce,', 'AGAINST']]
    """

    def __init__(self, handle: Any, targets: Sequence[str], rows: int) -> None:
        self._writer = handle
        self.targets = list(targets)
        self._rows = rows
        self._pending: list[Quote] = []

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path | str, *, targets: Sequence[str], rows: int = 50_000) -> Iterator[ParquetWriter]:
        """Write ``path`` (atomically) with the columns of ``targets``."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        schema = pa.Schema.from_pandas(to_frame([], targets=targets), preserve_index=False)
        try:
            with pq.ParquetWriter(tmp, schema) as handle:
                writer = cls(handle, targets, rows)
                yield writer
                writer.flush()
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def write(self, quotes: Iterable[Quote]) -> None:
        """Add quotes; a row group is written each time ``rows`` have gathered."""
        self._pending.extend(quotes)
        if len(self._pending) >= self._rows:
            self.flush()

    def flush(self) -> None:
        """Write the gathered quotes as a row group."""
        if not self._pending:
            return
        import pyarrow as pa

        table = pa.Table.from_pandas(to_frame(self._pending, targets=self.targets), preserve_index=False)
        self._writer.write_table(table)
        self._pending = []
