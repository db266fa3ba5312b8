"""`faultline demo` ends with the command that serves its store, and the store it builds shows
the sample's souring dyad as an alert (slow: codes the sample corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline.cli import app
from faultline.relations import alerts, series
from faultline.store import open_store

pytestmark = pytest.mark.slow


def test_demo_prints_serve_and_its_store_has_an_alert(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == f"faultline serve --db {db}"
    with open_store(db) as store:
        found = [(a.a, a.b, a.direction) for a in alerts(store)]
        weeks = series(store, "BEN", "NER")
    assert found == [("BEN", "NER", "souring")]
    assert sum(p.stories for p in weeks) >= 10
