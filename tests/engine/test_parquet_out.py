"""``faultline code --out DIR``: Parquet parts holding the events ``--format jsonl`` prints, in
the same order, from the local engine and from a real 2-worker Dask LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from tests.conftest import SAMPLE_DIR
from typer.testing import CliRunner

from faultline.cli import app
from faultline.engine import parquet
from faultline.store import open_store
from faultline.store.db import event_from_row

PART_DOCUMENTS = 4  # the 15 sample documents make four parts


def _parts(folder: Path) -> list[dict[str, Any]]:
    """Events of every part, parts in name order, rebuilt as schema v1 records."""
    rows = [row for part in sorted(folder.glob("part-*.parquet"))
            for row in pq.read_table(part).to_pylist()]
    return [event_from_row(row).to_dict() for row in rows]


@pytest.mark.slow
def test_parts_hold_the_printed_events_from_local_and_dask_engines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "PART_DOCUMENTS", PART_DOCUMENTS)
    runner = CliRunner()
    printed = runner.invoke(app, ["code", str(SAMPLE_DIR), "--format", "jsonl", "--workers", "1"])
    assert printed.exit_code == 0, printed.output
    expected = [json.loads(line) for line in printed.stdout.splitlines()]
    assert len(expected) > 20
    with open_store(tmp_path / "schema.duckdb", write=True) as store:  # what export writes
        columns = store.sql("SELECT * FROM events LIMIT 0").column_names
    for engine, workers in (("local", "1"), ("dask", "2")):
        out = tmp_path / engine
        result = runner.invoke(app, ["code", str(SAMPLE_DIR), "--engine", engine,
                                     "--workers", workers, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert f"{len(expected)} events in 4 Parquet parts" in result.stderr
        assert result.stdout == ""
        assert [pq.read_schema(p).names for p in sorted(out.glob("*.parquet"))] == [columns] * 4
        assert _parts(out) == expected, engine


def test_a_folder_with_parts_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "part-00000.parquet").write_bytes(b"earlier run")
    result = CliRunner().invoke(app, ["code", str(SAMPLE_DIR), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "already holds Parquet parts" in result.stderr
    assert (tmp_path / "part-00000.parquet").read_bytes() == b"earlier run"


def test_explain_cannot_go_to_parquet(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["code", str(SAMPLE_DIR), "--explain", "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--explain" in result.output
