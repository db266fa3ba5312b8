"""``faultline dyad``, ``alerts``, ``network`` and the shared event filters on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from tests.relations.conftest import SOURING_WEEK, WEEKS, week
from typer.testing import CliRunner

from faultline.cli import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_dyad_json_and_csv_agree(relations_db: Path) -> None:
    rows = json.loads(run("dyad", "NER", "BEN", "--db", str(relations_db), "--format", "json"))
    assert len(rows) == WEEKS and rows[0]["start"] == week(0).isoformat()
    lines = run("dyad", "NER", "BEN", "--db", str(relations_db), "--format", "csv").splitlines()
    assert lines[0].startswith("start,events,q1") and len(lines) == WEEKS + 1


def test_dyad_chart_draws_both_sides(relations_db: Path) -> None:
    out = run("dyad", "BEN", "NER", "--db", str(relations_db), "--format", "chart")
    rows = [line for line in out.splitlines() if line[:4].isdigit()]
    first, last = rows[0], rows[-1]
    assert len(rows) == WEEKS
    assert "+2.2" in first and "2 stories" in first
    assert "-3.5" in last and "█" in last


def test_alerts_command_names_the_souring_week(relations_db: Path) -> None:
    rows = json.loads(run("alerts", "--db", str(relations_db), "--format", "json"))
    assert [(r["a"], r["b"], r["direction"]) for r in rows] == [("BEN", "NER", "souring")]
    assert rows[0]["week"] in {week(SOURING_WEEK + d).isoformat() for d in (-1, 0, 1)}
    table = run("alerts", "--db", str(relations_db))
    assert "BEN–NER" in table and "souring" in table and rows[0]["week"] in table


def test_network_graphml_file(relations_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    run("network", "--db", str(relations_db), "--format", "graphml", "--out", str(out))
    graph = nx.read_graphml(out)
    assert graph["BEN"]["NER"]["sign"] == -1 and graph.number_of_nodes() == 6


def test_events_filters(relations_db: Path) -> None:
    def ids(*extra: str) -> list[dict]:
        out = run("events", "--db", str(relations_db), *extra)
        return [json.loads(line) for line in out.splitlines()]

    everything = ids()
    assert any(e["negated"] for e in everything)
    assert not any(e["negated"] for e in ids("--counted-only"))
    assert {e["plover"] for e in ids("--plover", "consult")} == {"CONSULT"}
    assert ids("--min-confidence", "0.9") == []
    souring = ids("--cameo", "17", "--since", week(SOURING_WEEK).isoformat())
    assert souring and {e["source"]["code"] for e in souring} == {"BEN"}
    gdelt = run("export", "--db", str(relations_db), "--format", "gdelt", "--counted-only",
                "--plover", "SANCTION")
    assert len(gdelt.splitlines()) == WEEKS - SOURING_WEEK
