"""quotebank.dask on a LocalCluster of two worker processes."""

from __future__ import annotations

import pytest

import quotebank
from tests.conftest import shared

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paths = sorted(shared("polnear", "dev", "text").glob("*.txt"))[:50]
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.slow
def test_local_cluster_gives_the_single_process_quotes(extractor: quotebank.Extractor, texts: list[str]) -> None:
    from quotebank.dask import extract_bag, extract_column

    expected = list(extractor.pipe(texts))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = dask_bag.from_sequence(texts, npartitions=6)
        got = extract_bag(bag).compute()
        assert got == expected
        pandas = pytest.importorskip("pandas")
        import dask.dataframe as dd

        frame = dd.from_pandas(pandas.DataFrame({"text": texts}), npartitions=4)
        column = extract_column(frame, "text").compute()
        assert list(column) == expected
        # each worker loaded the pipeline once and kept it
        loaded = client.run(lambda: len(__import__("quotebank.dask").dask._CACHE))
        assert set(loaded.values()) <= {1}
