"""One DuckDB file with numbered migrations; idempotent writes keyed on article and event ids.

A file written by a newer Faultline (a higher schema version than this code knows) is
refused and left untouched. Reads through ``Store.sql`` use a read-only connection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from faultline.errors import FaultlineError
from faultline.model import Actor, Article, Event, Evidence, Location, Story

DEFAULT_DB = Path("faultline.duckdb")
_MIGRATION = re.compile(r"^(\d{3})_[\w-]+\.sql$")


class StoreError(FaultlineError):
    """The database cannot be used (newer schema, not a DuckDB file, ...)."""


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("faultline.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text("utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(v for v, _ in _migrations())

EVENT_COLUMNS = (
    "event_id", "article_id", "doc_ref", "date", "date_precision",
    "source_text", "source_code", "source_country", "source_role", "source_name",
    "source_entity", "target_text", "target_code", "target_country", "target_role",
    "target_name", "target_entity", "cameo", "cameo_root", "cameo_label", "plover",
    "plover_mode", "goldstein", "quad_class", "negated", "modality", "location_name",
    "location_country", "location_lat", "location_lon", "location_geonameid",
    "location_precision", "evidence_sentence", "evidence_start", "evidence_end",
    "evidence_trigger", "evidence_quote", "confidence", "coder",
)


@dataclass
class Filters:
    """Event filters shared by the CLI, the API and exports (None = no filter)."""

    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.source:
            clauses.append("(source_code = ? OR source_country = ?)")
            params += [self.source, self.source]
        if self.target:
            clauses.append("(target_code = ? OR target_country = ?)")
            params += [self.target, self.target]
        if self.cameo:
            clauses.append("starts_with(cameo, ?)")
            params.append(self.cameo)
        if self.since:
            clauses.append("date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("date <= CAST(? AS DATE)")
            params.append(self.until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _actor(row: dict[str, Any], prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    return Actor(*(row[f"{prefix}_{f}"] for f in ("text", "code", "country", "role", "name",
                                                    "entity")))


def event_from_row(row: dict[str, Any], story_id: str | None) -> Event:
    """Rebuild a schema-v1 Event from a flattened events row."""
    location = None
    if row["location_name"] is not None:
        location = Location(row["location_name"], row["location_country"], row["location_lat"],
                            row["location_lon"], row["location_geonameid"],
                            row["location_precision"])
    date = row["date"].isoformat() if row["date"] is not None else None
    return Event(
        event_id=row["event_id"], article_id=row["article_id"], doc_ref=row["doc_ref"],
        date=date, date_precision=row["date_precision"],
        source=_actor(row, "source"), target=_actor(row, "target"),
        cameo=row["cameo"], cameo_root=row["cameo_root"], cameo_label=row["cameo_label"],
        plover=row["plover"], plover_mode=row["plover_mode"], goldstein=row["goldstein"],
        quad_class=row["quad_class"], negated=row["negated"], modality=row["modality"],
        evidence=Evidence(row["evidence_sentence"], row["evidence_start"], row["evidence_end"],
                          row["evidence_trigger"], row["evidence_quote"]),
        confidence=row["confidence"], coder=row["coder"], story_id=story_id,
        location=location,
    )


class Store:
    """A Faultline DuckDB file. Open it with ``open_store``."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open as a DuckDB database: {e}") from e
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # -- schema --------------------------------------------------------------------------
    def _version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()[0][0]
        if not exists:
            return 0
        rows = self.con.execute("SELECT max(version) FROM schema_version").fetchall()
        return rows[0][0] or 0

    def _check_version(self) -> int:
        version = self._version()
        if version > SCHEMA_VERSION:
            self.con.close()
            raise StoreError(
                f"{self.path}: written by a newer Faultline (schema {version}, this version "
                f"knows {SCHEMA_VERSION}); upgrade Faultline, the file was not changed")
        return version

    def _migrate(self) -> None:
        version = self._check_version()
        for number, sql in _migrations():
            if number <= version:
                continue
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(sql)
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            self.con.execute("INSERT INTO schema_version VALUES (?)", [number])
            self.con.execute("COMMIT")

    # -- writes --------------------------------------------------------------------------
    def has_source(self, doc_ref: str) -> bool:
        return bool(self.con.execute(
            "SELECT 1 FROM article_sources WHERE doc_ref = ?", [doc_ref]).fetchall())

    def has_article(self, article_id: str) -> bool:
        return bool(self.con.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchall())

    def add_article(self, article: Article, events: list[Event], run_id: str) -> bool:
        """Store an article, its source and its events; False if the text was known."""
        now = datetime.now(UTC).replace(tzinfo=None)
        new = not self.has_article(article.article_id)
        if new:
            self.con.execute(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.article_id, article.doc_ref, article.url, article.outlet,
                 article.title, article.byline, article.published, article.language,
                 article.text, json.dumps(article.meta, default=str), now, run_id])
            if events:
                rows = [[ev.to_flat()[c] for c in EVENT_COLUMNS] for ev in events]
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                self.con.executemany(f"INSERT OR IGNORE INTO events VALUES ({marks})", rows)
        self.con.execute(
            "INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?, ?, ?, ?, ?)",
            [article.doc_ref, article.article_id, article.url, article.outlet, article.title,
             article.published, run_id])
        return new

    def add_error(self, run_id: str, source: str, code: str, reason: str) -> None:
        self.con.execute("INSERT INTO errors VALUES (?, ?, ?, ?)", [run_id, source, code, reason])

    def start_run(self, run_id: str, inputs: list[str], coder: str) -> None:
        self.con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, NULL, ?)",
                         [run_id, datetime.now(UTC).replace(tzinfo=None), inputs, coder])

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        self.con.execute("UPDATE runs SET finished = ?, counts = ? WHERE run_id = ?",
                         [datetime.now(UTC).replace(tzinfo=None), json.dumps(counts), run_id])

    # -- reads ---------------------------------------------------------------------------
    def sql(self, query: str, params: list[Any] | None = None) -> pa.Table:
        """Run one read-only query and return an Arrow table; anything but SELECT is refused."""
        try:
            statements = self.con.extract_statements(query)
            if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
                raise StoreError("only a single SELECT query is allowed")
            return self.con.execute(query, params or []).to_arrow_table()
        except duckdb.Error as e:
            raise StoreError(f"query failed: {e}") from e

    def events(self, filters: Filters | None = None) -> pa.Table:
        where, params = (filters or Filters()).where()
        return self.con.execute(
            "SELECT e.*, sa.story_id FROM events e LEFT JOIN story_articles sa USING "
            f"(article_id){where} ORDER BY e.article_id, e.evidence_start, e.event_id",
            params).to_arrow_table()

    def iter_events(self, filters: Filters | None = None) -> Iterator[Event]:
        for row in self.events(filters).to_pylist():
            yield event_from_row(row, row.pop("story_id"))

    def articles(self) -> pa.Table:
        return self.con.execute(
            "SELECT * FROM articles ORDER BY published, article_id").to_arrow_table()

    def stories(self) -> list[Story]:
        rows = self.con.execute("""
            SELECT s.story_id, s.first_seen,
                   list(DISTINCT sa.article_id ORDER BY sa.article_id),
                   list(DISTINCT src.doc_ref ORDER BY src.doc_ref),
                   list(DISTINCT a.title ORDER BY a.title) FILTER (WHERE a.title IS NOT NULL),
                   list(DISTINCT src.outlet ORDER BY src.outlet)
                       FILTER (WHERE src.outlet IS NOT NULL)
            FROM stories s
            JOIN story_articles sa USING (story_id)
            JOIN articles a USING (article_id)
            JOIN article_sources src ON src.article_id = sa.article_id
            GROUP BY s.story_id, s.first_seen
            ORDER BY s.first_seen, s.story_id""").fetchall()
        return [Story(r[0], r[1].isoformat() if r[1] else None, tuple(r[2]), tuple(r[3]),
                      tuple(r[4] or ()), tuple(r[5] or ())) for r in rows]

    def counted_events(self) -> pa.Table:
        return self.con.execute(
            "SELECT * FROM counted_events ORDER BY date, story_id").to_arrow_table()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) a Faultline DuckDB file."""
    return Store(Path(path), read_only=read_only)
