"""The Dask engine on a real LocalCluster of 2 worker processes fills the store the local engine
fills, event for event (real spaCy on every worker, a real DuckDB store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SAMPLE_DIR
from tests.engine.state import store_state
from typer.testing import CliRunner

from faultline.cli import app
from faultline.engine import Engine
from faultline.store.ingest import ingest_paths

SMALL_BATCH = 2  # several batches, so both workers code some


@pytest.mark.slow
def test_a_dask_cluster_fills_the_same_store_as_the_local_engine(tmp_path: Path) -> None:
    from distributed import LocalCluster

    local = ingest_paths([SAMPLE_DIR], tmp_path / "local.duckdb", batch_size=SMALL_BATCH,
                         engine=Engine(workers=1))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        engine = Engine("dask", scheduler=cluster.scheduler_address)
        remote = ingest_paths([SAMPLE_DIR], tmp_path / "dask.duckdb", batch_size=SMALL_BATCH,
                              engine=engine)
        again = ingest_paths([SAMPLE_DIR], tmp_path / "dask.duckdb", batch_size=SMALL_BATCH,
                             engine=engine)
    assert (remote.articles_new, remote.events) == (local.articles_new, local.events)
    assert local.events > 20
    assert store_state(tmp_path / "dask.duckdb") == store_state(tmp_path / "local.duckdb")
    assert (again.articles_new, again.events) == (0, 0)  # the driver's dedup still holds


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2
    assert "--engine dask" in result.output


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ghana's president met Togo's president in Accra on Monday "
                                    "to discuss the border crossing at Aflao.", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(tmp_path), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "Dask scheduler tcp://127.0.0.1:9 cannot be reached" in result.stderr
