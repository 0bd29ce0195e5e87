"""Quote extraction over a Dask bag or DataFrame column, past one machine.

Install the extra with ``pip install 'quotebank[dask]'``. Every worker process
loads the spaCy pipeline once (on first use, then keeps it) and streams its
partitions through :meth:`quotebank.Extractor.pipe`; nothing but texts and
:class:`~quotebank.Quote` objects crosses the network.

To use a real cluster, start a scheduler and workers (``dask scheduler``,
``dask worker tcp://SCHEDULER:8786 --nworkers 2 --nthreads 1`` on every
machine, each with quotebank and its model installed), then connect before
calling these functions::

    from distributed import Client
    client = Client("tcp://SCHEDULER:8786")
    quotes = quotebank.dask.extract_bag(dask.bag.read_text("s3://bucket/news/*.txt", ...))

One thread per worker process is best: spaCy's parser holds the GIL.

Examples:
    >>> import dask.bag
    >>> from quotebank.dask import extract_bag
    >>> bag = dask.bag.from_sequence(['"Yes," she said.', "No quotes."], npartitions=1)
    >>> [len(quotes) for quotes in extract_bag(bag).compute(scheduler="sync")]
    [1, 0]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from quotebank.model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from quotebank.extractor import Extractor

__all__ = ["ExtractorConfig", "extract_bag", "extract_column"]


@attrs.frozen(kw_only=True)
class ExtractorConfig:
    """What a worker needs to build its :class:`~quotebank.Extractor` (picklable).

    Attributes:
        model: the spaCy pipeline name, or ``None`` for the default.
        speakers: extra speaker registry files (paths valid on the workers).
        targets: extra stance target files (paths valid on the workers).
        batch_size: texts per spaCy batch inside a partition.
    """

    model: str | None = None
    speakers: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    batch_size: int = 16


_CACHE: dict[ExtractorConfig, Extractor] = {}
_LOCK = threading.Lock()


def _extractor(config: ExtractorConfig) -> Extractor:
    """The worker's extractor for ``config``, loaded once per process."""
    from quotebank.extractor import Extractor

    with _LOCK:
        found = _CACHE.get(config)
        if found is None:
            found = Extractor(config.model, speakers=config.speakers, targets=config.targets)
            _CACHE[config] = found
        return found


def _extract_partition(texts: Iterable[str], config: ExtractorConfig) -> list[list[Quote]]:
    return list(_extractor(config).pipe(list(texts), batch_size=config.batch_size))


def _config(model: str | None, speakers: Sequence[str], targets: Sequence[str], batch_size: int) -> ExtractorConfig:
    return ExtractorConfig(
        model=model,
        speakers=tuple(str(s) for s in speakers),
        targets=tuple(str(t) for t in targets),
        batch_size=batch_size,
    )


def extract_bag(
    bag: Any,
    *,
    model: str | None = None,
    speakers: Sequence[str] = (),
    targets: Sequence[str] = (),
    batch_size: int = 16,
) -> Any:
    """Extract the quotes of every text of a ``dask.bag.Bag``.

    Args:
        bag: a bag of ``str``.
        model: the spaCy pipeline name on the workers (default pipeline if ``None``).
        speakers: extra speaker registry files, as paths the workers can read.
        targets: extra stance target files, as paths the workers can read.
        batch_size: texts per spaCy batch inside a partition.

    Returns:
        A lazy bag with one ``list[Quote]`` per input text, in the same order.
    """
    config = _config(model, speakers, targets, batch_size)
    return bag.map_partitions(_extract_partition, config)


def extract_column(
    frame: Any,
    column: str,
    *,
    model: str | None = None,
    speakers: Sequence[str] = (),
    targets: Sequence[str] = (),
    batch_size: int = 16,
) -> Any:
    """Extract the quotes of every text in a column of a ``dask.dataframe.DataFrame``.

    Args:
        frame: the DataFrame.
        column: the name of the text column.
        model: the spaCy pipeline name on the workers.
        speakers: extra speaker registry files.
        targets: extra stance target files.
        batch_size: texts per spaCy batch inside a partition.

    Returns:
        A lazy ``dask.dataframe.Series`` aligned with ``frame``, holding one
        ``list[Quote]`` per row.
    """
    import pandas as pd

    config = _config(model, speakers, targets, batch_size)

    def run(part: Any) -> Any:
        return pd.Series(_extract_partition(part.tolist(), config), index=part.index, dtype=object)

    return frame[column].map_partitions(run, meta=(column, "object"))
