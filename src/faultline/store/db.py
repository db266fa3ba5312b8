"""Open, migrate, read and write the DuckDB store.

Reading (``open_store(path)``) uses a read-only connection, so nothing a reader does can change
the file. Writing (``open_store(path, write=True)``) applies pending numbered migrations from
``migrations/NNN_name.sql`` and records them in ``schema_version``. A file written by a newer
Faultline (a higher schema version) is refused before anything touches it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from faultline.errors import FaultlineError
from faultline.model import Actor, Event, Evidence, Location, Story

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

DEFAULT_DB = "faultline.duckdb"
_MIGRATION = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
# Statement types ``Store.sql`` runs: reading ones only.
_READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})


class StoreError(FaultlineError):
    """The store cannot be used as asked (missing, newer schema, a write through ``sql``)."""


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped with the package, in order."""
    folder = resources.files("faultline.store") / "migrations"
    found = []
    for item in folder.iterdir():
        match = _MIGRATION.match(item.name)
        if match:
            found.append((int(match.group(1)), item.read_text(encoding="utf-8")))
    return sorted(found)


LATEST_VERSION = migrations()[-1][0]


def _version(con: duckdb.DuckDBPyConnection) -> int:
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()}
    if "schema_version" not in tables:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def _check_version(path: Path, version: int) -> None:
    if version > LATEST_VERSION:
        raise StoreError(
            f"{path}: written by a newer Faultline (schema version {version}; this version "
            f"knows up to {LATEST_VERSION}). Upgrade faultline to use it; the file was not changed."
        )


def _migrate(con: duckdb.DuckDBPyConnection, current: int) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for version, sql in migrations():
        if version <= current:
            continue
        log.info("applying store migration %03d", version)
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
        con.execute("COMMIT")


def open_store(path: str | Path = DEFAULT_DB, *, write: bool = False) -> Store:
    """The store in ``path``. Read-only unless ``write``; a writer creates and migrates the file."""
    path = Path(path)
    if path.exists():
        # Check the version read-only first: a newer file must not be touched at all.
        try:
            probe = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open as a DuckDB store ({e})") from e
        try:
            version = _version(probe)
        finally:
            probe.close()
        _check_version(path, version)
    elif not write:
        raise StoreError(f"{path}: no such store (create it with `faultline ingest`)")
    else:
        version = 0
    if not write:
        if version < LATEST_VERSION:
            raise StoreError(f"{path}: schema version {version} is older than {LATEST_VERSION}; "
                             "run `faultline ingest` on it once to upgrade")
        return Store(duckdb.connect(str(path), read_only=True), path, writable=False)
    con = duckdb.connect(str(path))
    _migrate(con, version)
    return Store(con, path, writable=True)


# While an ingest commits, this file sits beside the store: readers (``faultline serve``) let
# go of the file and wait, because DuckDB lets no other process open it while one writes.
WRITE_FLAG_SUFFIX = ".writing"
# How long a writer waits for readers to let go before giving up: longer than a server's
# slowest request (its first on a large store reads every counted event).
WRITE_WAIT_SECONDS = 300.0
_LOCK_RETRY_SECONDS = 0.02


def write_flag(path: str | Path) -> Path:
    """The file that announces a writer at ``path`` (see ``writing``)."""
    path = Path(path)
    return path.with_name(path.name + WRITE_FLAG_SUFFIX)


def is_lock_error(error: Exception) -> bool:
    """Whether DuckDB refused a file because another process holds it."""
    return "lock" in str(error).lower()


@contextmanager
def writing(path: str | Path, wait: float = WRITE_WAIT_SECONDS) -> Iterator[Store]:
    """The store open for writing for one short step (a batch commit): announced by the
    write flag, retried while readers finish, then closed so readers can open it again."""
    flag = write_flag(path)
    flag.touch()
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                store = open_store(path, write=True)
                break
            except (StoreError, duckdb.IOException) as e:
                if not is_lock_error(e) or time.monotonic() >= deadline:
                    raise
            time.sleep(_LOCK_RETRY_SECONDS)
        try:
            yield store
        finally:
            store.close()
    finally:
        flag.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Event filters shared by the API, the CLI and the exports.

    Actor codes and CAMEO codes match by prefix (``NER`` matches ``NERGOV``; ``07`` every
    provide-aid code, so a root is a two-digit prefix); dates are inclusive ISO dates;
    ``dyad`` is a pair of actor prefixes in either direction; ``country`` either side's
    country (or code prefix); ``text`` a case-insensitive piece of the evidence sentence;
    ``counted_only`` keeps events the counting rule counts (the stored ``counted`` decision).
    """

    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    min_confidence: float | None = None
    counted_only: bool = False
    country: str | None = None
    dyad: tuple[str, str] | None = None
    text: str | None = None

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        prefix = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("source_code", self.source), ("target_code", self.target),
                              ("cameo", self.cameo)):
            if value:
                clauses.append(f"starts_with({prefix}{column}, ?)")
                params.append(value)
        if self.since:
            clauses.append(f"{prefix}date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append(f"{prefix}date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.plover:
            clauses.append(f"upper({prefix}plover) = upper(?)")
            params.append(self.plover)
        if self.quad_class is not None:
            clauses.append(f"{prefix}quad_class = ?")
            params.append(self.quad_class)
        if self.min_confidence is not None:
            clauses.append(f"{prefix}confidence >= ?")
            params.append(self.min_confidence)
        if self.counted_only:
            clauses.append(f"coalesce({prefix}counted, NOT {prefix}negated AND "
                           f"{prefix}modality <> 'hypothetical')")
        if self.country:
            clauses.append(f"(coalesce({prefix}source_country, '') = ? OR "
                           f"coalesce({prefix}target_country, '') = ? OR "
                           f"starts_with({prefix}source_code, ?) OR "
                           f"starts_with({prefix}target_code, ?))")
            params.extend([self.country] * 4)
        if self.dyad:
            a, b = self.dyad
            clauses.append(f"((starts_with({prefix}source_code, ?) AND "
                           f"starts_with({prefix}target_code, ?)) OR "
                           f"(starts_with({prefix}source_code, ?) AND "
                           f"starts_with({prefix}target_code, ?)))")
            params.extend([a, b, b, a])
        if self.text:
            clauses.append(f"contains(lower({prefix}evidence_sentence), lower(?))")
            params.append(self.text)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(slots=True)
class Batch:
    """Rows written in one transaction: a batch either lands whole or not at all."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


# Insert order and the column each table is keyed on (rows whose key exists are skipped).
_TABLES: tuple[tuple[str, str], ...] = (
    ("stories", "stories"), ("articles", "articles"), ("sources", "article_sources"),
    ("members", "story_articles"), ("bands", "story_bands"), ("events", "events"),
    ("errors", "errors"),
)
# Tables without a key: their rows are written once (errors per run; band keys with their
# member, which ingest assigns only when it is not stored yet).
_UNKEYED = frozenset({"errors", "story_bands"})
# Column types Arrow cannot infer from Python values (a band key may exceed int64).
_SCHEMAS = {"story_bands": pa.schema([("band", pa.uint8()), ("key", pa.uint64()),
                                      ("article_id", pa.string())])}


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    values = {f.name: row.get(f"{prefix}_{f.name}") for f in fields(Actor)}
    return values if values["text"] is not None else None


def event_from_row(row: dict[str, Any]) -> Event:
    """An Event (schema v1) from a flattened ``events`` row."""
    location = {f.name: row.get(f"location_{f.name}") for f in fields(Location)}
    evidence = {f.name: row[f"evidence_{f.name}"] for f in fields(Evidence)}
    date = row.get("date")
    data = dict(row)
    data.update(
        date=date.isoformat() if isinstance(date, dt.date) else date,
        source=_actor(row, "source"), target=_actor(row, "target"),
        location=location if location["name"] is not None else None,
        evidence=evidence,
    )
    return Event.from_dict(data)


class Store:
    """A Faultline DuckDB file. Reading methods return ``pyarrow.Table`` (``.to_pandas()``
    gives a DataFrame); ``iter_events`` gives schema v1 ``Event`` records."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, writable: bool) -> None:
        self.con = con
        self.path = path
        self.writable = writable

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def version(self) -> int:
        return _version(self.con)

    # --- reading -----------------------------------------------------------------------------

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Run one reading statement (SELECT, EXPLAIN); anything that would write is refused."""
        statements = self.con.extract_statements(query)
        if len(statements) != 1:
            raise StoreError("give exactly one SQL statement")
        kind = statements[0].type.name
        if kind not in _READ_STATEMENTS:
            raise StoreError(f"only reading statements are allowed here, not {kind}")
        return self.con.sql(query, params=list(params or [])).to_arrow_table()

    def events(self, where: EventFilter | None = None, *, counted: bool = False,
               limit: int | None = None) -> pa.Table:
        """Events as stored (every flag kept), or with ``counted`` one row per counted event
        (the counting rules, with n_mentions, n_articles, n_outlets)."""
        clause, params = (where or EventFilter()).where()
        table = "counted_events" if counted else "events"
        query = f"SELECT * FROM {table}{clause} ORDER BY date NULLS LAST, event_id"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        return self.con.sql(query, params=params).to_arrow_table()

    def iter_events(self, where: EventFilter | None = None) -> Iterator[Event]:
        """Stored events rebuilt as schema v1 records, in date order."""
        clause, params = (where or EventFilter()).where()
        cursor = self.con.cursor()
        cursor.execute(f"SELECT * FROM events{clause} ORDER BY date NULLS LAST, event_id", params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(1000):
            for row in rows:
                yield event_from_row(dict(zip(names, row, strict=True)))

    def articles(self, *, limit: int | None = None) -> pa.Table:
        query = "SELECT * FROM articles ORDER BY published NULLS LAST, article_id"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        return self.con.sql(query).to_arrow_table()

    def stories(self) -> pa.Table:
        """One row per story: first_seen, n_articles (input documents), n_texts, n_outlets."""
        return self.con.sql(
            "SELECT * FROM story_summary ORDER BY first_seen NULLS LAST, story_id"
        ).to_arrow_table()

    def iter_stories(self) -> Iterator[Story]:
        """Stories with every input document (doc_ref), article, title and outlet they hold."""
        rows = self.con.execute("""
            SELECT s.story_id, min(coalesce(src.published, a.published)) AS first_seen,
                   list(DISTINCT src.doc_ref ORDER BY src.doc_ref) AS doc_refs,
                   list(DISTINCT a.article_id ORDER BY a.article_id) AS article_ids,
                   list(DISTINCT coalesce(src.title, a.title) ORDER BY coalesce(src.title, a.title))
                       FILTER (WHERE coalesce(src.title, a.title) IS NOT NULL) AS titles,
                   list(DISTINCT src.outlet ORDER BY src.outlet)
                       FILTER (WHERE src.outlet IS NOT NULL) AS outlets
            FROM stories s
            JOIN articles a ON a.story_id = s.story_id
            JOIN article_sources src ON src.article_id = a.article_id
            GROUP BY s.story_id
            ORDER BY first_seen NULLS LAST, s.story_id
        """).fetchall()
        for story_id, first_seen, doc_refs, article_ids, titles, outlets in rows:
            yield Story(
                story_id=story_id,
                first_seen=first_seen.isoformat() if first_seen else None,
                article_ids=tuple(article_ids), doc_refs=tuple(doc_refs),
                titles=tuple(titles or ()), outlets=tuple(outlets or ()),
            )

    def errors(self, run_id: str | None = None) -> pa.Table:
        clause = " WHERE run_id = ?" if run_id else ""
        return self.con.sql(f"SELECT * FROM errors{clause} ORDER BY noted_at",
                            params=[run_id] if run_id else []).to_arrow_table()

    def runs(self) -> pa.Table:
        return self.con.sql("SELECT * FROM runs ORDER BY started").to_arrow_table()

    def count(self, table: str) -> int:
        if table not in {name for _, name in _TABLES} | {"counted_events", "story_summary"}:
            raise StoreError(f"unknown table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    def dyads(self, limit: int = 10) -> pa.Table:
        """The most reported country dyads (IGOs and groups by their code) under the counting
        rule: events, cooperation and conflict (quad classes 1-2 and 3-4), mean Goldstein, and
        the independent stories behind them."""
        return self.con.sql("""
            SELECT coalesce(source_country, source_code) AS source,
                   coalesce(target_country, target_code) AS target, count(*) AS events,
                   count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                   count(*) FILTER (WHERE quad_class >= 3) AS conflict,
                   round(avg(goldstein), 1) AS mean_goldstein,
                   count(DISTINCT coalesce(story_id, article_id)) AS stories,
                   min(date) AS first, max(date) AS last
            FROM counted_events
            WHERE source_code IS NOT NULL AND target_code IS NOT NULL
            GROUP BY ALL
            ORDER BY events DESC, source, target
            LIMIT $limit""", params={"limit": limit}).to_arrow_table()

    # --- state an ingest run resumes from ------------------------------------------------------

    def stored_documents(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these (doc_ref, content_hash) input documents are stored."""
        if not keys:
            return set()
        refs, hashes = zip(*keys, strict=True)
        self.con.register("_docs", pa.table({"doc_ref": refs, "content_hash": hashes}))
        try:
            rows = self.con.execute("SELECT doc_ref, content_hash FROM article_sources "
                                    "SEMI JOIN _docs USING (doc_ref, content_hash)").fetchall()
        finally:
            self.con.unregister("_docs")
        return {(ref, digest) for ref, digest in rows}

    def stored_articles(self, article_ids: list[str]) -> set[str]:
        """Which of these articles are stored."""
        if not article_ids:
            return set()
        rows = self.con.execute("SELECT article_id FROM articles WHERE article_id IN "
                                "(SELECT unnest(?::VARCHAR[]))", [article_ids]).fetchall()
        return {row[0] for row in rows}

    def story_candidates(self, keys: pa.Table, window_days: int
                         ) -> list[tuple[str, bytes, Any, str]]:
        """(article_id, signature, published, story_id) of every stored member that shares an
        LSH band with a batch article (``keys``: band, key, published) and is dated within
        ``window_days`` of it (either undated: any date), in one query: the candidates of the
        batch, without the many members a crowded band holds from other weeks."""
        self.con.register("_keys", keys)
        try:
            rows = self.con.execute("""
                SELECT m.article_id, m.signature, m.published, m.story_id
                FROM story_articles m
                WHERE m.article_id IN (
                    SELECT b.article_id
                    FROM story_bands b
                    JOIN _keys k ON b.band = k.band AND b.key = k.key
                    JOIN story_articles d ON d.article_id = b.article_id
                    WHERE k.published IS NULL OR d.published IS NULL
                       OR abs(d.published - k.published) <= ?)
            """, [window_days]).fetchall()
        finally:
            self.con.unregister("_keys")
        return rows

    # --- writing ----------------------------------------------------------------------------

    def _require_write(self) -> None:
        if not self.writable:
            raise StoreError(f"{self.path}: opened read-only")

    def start_run(self, inputs: Sequence[str], coder: str) -> str:
        self._require_write()
        run_id = "r-" + uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, started, inputs, coder, status) "
            "VALUES (?, now(), ?, ?, 'running')", [run_id, json.dumps(list(inputs)), coder])
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], status: str = "finished") -> None:
        self._require_write()
        self.con.execute(
            "UPDATE runs SET finished = now(), status = ?, documents = ?, articles_new = ?, "
            "articles_skipped = ?, events = ?, errors = ? WHERE run_id = ?",
            [status, counts.get("documents", 0), counts.get("articles_new", 0),
             counts.get("articles_skipped", 0), counts.get("events", 0),
             counts.get("errors", 0), run_id])

    def write_batch(self, batch: Batch) -> None:
        """Insert a batch in one transaction; rows whose key is already stored are skipped."""
        self._require_write()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for attribute, table in _TABLES:
                rows = getattr(batch, attribute)
                if not rows:
                    continue
                self.con.register("_batch", pa.Table.from_pylist(rows, schema=_SCHEMAS.get(table)))
                conflict = "" if table in _UNKEYED else " ON CONFLICT DO NOTHING"
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch{conflict}")
                self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
