"""Exports read back: Parquet with DuckDB and pyarrow, GDELT's 61 typed columns, PLOVER, CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from tests.store.corpus import write_corpus
from typer.testing import CliRunner

from faultline.cli import app
from faultline.model import Event
from faultline.store import EventFilter, open_store
from faultline.store.export import ExportFormat, export
from faultline.store.ingest import ingest_paths


@pytest.fixture
def db(tmp_path: Path, coder) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], path, coder=coder, date="2025-03-04")
    return path


def test_parquet_reads_back_everywhere(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    with open_store(db) as store:
        written = export(store, ExportFormat.parquet, out)
        stored = store.count("events")
    assert written == stored
    table = pq.read_table(out)
    assert table.num_rows == stored and "counted" in table.column_names
    rows = duckdb.sql(f"SELECT count(*), count(*) FILTER (WHERE negated) FROM '{out}'").fetchall()
    assert rows == [(stored, 1)]


def test_gdelt_has_61_typed_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with open_store(db) as store:
        rows = export(store, ExportFormat.gdelt, out)
        counted = store.count("counted_events")
    assert rows == counted == 3
    lines = [line.split("\t") for line in out.read_text().splitlines()]
    assert {len(line) for line in lines} == {61}
    bridge = next(line for line in lines if line[5:8] == ["BEN", "BENIN", "BEN"])
    assert bridge[1] == "20250304" and bridge[2] == "202503" and bridge[3] == "2025"
    assert int(bridge[0]) > 0  # GLOBALEVENTID is an integer
    assert bridge[26:30] == ["040", "040", "04", "1"]  # EventCode, Base, Root, QuadClass
    assert float(bridge[30]) == 1.0
    # NumMentions, NumSources (plain-text fixtures name no outlet: counted as one), NumArticles
    assert bridge[31:34] == ["2", "1", "3"]
    assert len(bridge[59]) == 14 and bridge[60].endswith("01-bridge.txt")
    typed = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim='\t', header=false)")
    assert typed.types[1] in ("BIGINT", "INTEGER") and typed.types[30] == "DOUBLE"


def test_plover_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    with open_store(db) as store:
        export(store, ExportFormat.plover, out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3
    bridge = next(r for r in records if r["source"][0]["code"] == "BEN")
    assert bridge["event"] == "CONSULT" and bridge["target"][0]["code"] == "NER"
    assert bridge["numArticles"] == 3 and bridge["date"] == "2025-03-04"


def test_csv_and_jsonl_keep_every_event(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        export(store, ExportFormat.csv, tmp_path / "e.csv")
        export(store, ExportFormat.jsonl, tmp_path / "e.jsonl")
        stored = store.count("events")
    with (tmp_path / "e.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == stored and {r["negated"] for r in rows} == {"True", "False"}
    events = [Event.from_dict(json.loads(line))
              for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(events) == stored and all(e.story_id for e in events)


def test_filters(db: Path) -> None:
    with open_store(db) as store:
        assert {e.source.code for e in store.iter_events(EventFilter(source="BE"))
                if e.source} == {"BEN"}
        assert list(store.iter_events(EventFilter(since="2025-03-05"))) == []
        assert len(list(store.iter_events(EventFilter(cameo="04", until="2025-03-04")))) == \
            store.count("events")


def test_cli_commands(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(stories) == 3
    assert set(stories[0]) == {"story_id", "first_seen", "doc_refs", "article_ids", "titles",
                               "outlets"}
    result = runner.invoke(app, ["events", "--db", str(db), "--source", "BEN"])
    assert result.exit_code == 0
    assert all(json.loads(line)["source"]["code"] == "BEN" for line in result.stdout.splitlines())
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.stderr
