"""Reading the store while an ingest writes to it.

DuckDB lets one process write a file and no other process open it meanwhile, not even
read-only. An ingest therefore opens the store only to commit a batch, and first puts a flag
file beside it (``store.db.writing``). The server keeps one read-only connection (a fresh
connect costs tens of milliseconds; a cursor on an open one well under one) and gives each
request its own cursor; when it sees the flag it lets go of the file as soon as the requests
in flight finish, and new requests wait for the commit to end. A flag older than
``STALE_FLAG_SECONDS`` (an ingest killed mid-commit) is ignored.

Each time the connection is (re)opened the store may hold new batches: the counted events
(the ``counted_events`` view, costly on a large store because it deduplicates every event)
are then read once into an Arrow snapshot that every request's cursor sees under the same name,
and answers memoised with ``memo`` (alerts) start afresh.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from faultline.store.db import Store, StoreError, is_lock_error, open_store, write_flag

# How long a request waits for an ingest's commit to end before answering 503.
WAIT_SECONDS = 10.0
# Pause between looks at the flag or the lock: a batch commit takes tens of milliseconds.
RETRY_PAUSE = 0.01
# A flag this old belongs to a writer that died; readers go on.
STALE_FLAG_SECONDS = 120.0


# Columns of counted_events the relations and the API read (the snapshot keeps only these).
SNAPSHOT_COLUMNS = ("event_id, article_id, story_id, date, cameo, source_code, source_country, "
                    "source_name, target_code, target_country, target_name, goldstein, "
                    "quad_class, confidence")
# Answers remembered per state of the store (series of many dyads, alerts, networks).
MEMO_SIZE = 256
T = TypeVar("T")


class StoreBusy(StoreError):
    """The store stayed locked by a writer for longer than a request waits."""


class Reader:
    """One shared read-only connection to ``path``, released whenever a writer asks."""

    def __init__(self, path: Path, wait: float = WAIT_SECONDS) -> None:
        self.path = path
        self.wait = wait
        self._flag = write_flag(path)
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._users = 0
        self._snapshot: pa.Table | None = None
        self._memo: dict[tuple[Any, ...], Any] = {}

    def _writer_waiting(self) -> bool:
        try:
            age = time.time() - self._flag.stat().st_mtime
        except FileNotFoundError:
            return False
        return age < STALE_FLAG_SECONDS

    def _release_if_idle(self) -> None:
        if self._store is not None and self._users == 0:
            self._store.close()
            self._store = None

    def _acquire(self) -> Store:
        deadline = time.monotonic() + self.wait
        while True:
            with self._lock:
                if self._writer_waiting():
                    self._release_if_idle()
                else:
                    if self._store is None:
                        try:
                            self._store = open_store(self.path)
                            # A long snapshot query must not draw DuckDB's bar on the console.
                            self._store.con.execute("SET enable_progress_bar = false")
                        except (StoreError, duckdb.IOException) as e:
                            if not is_lock_error(e):
                                raise
                        self._snapshot = None
                        self._memo = {}
                    if self._store is not None:
                        self._users += 1
                        return self._store
            if time.monotonic() >= deadline:
                raise StoreBusy(f"{self.path}: busy (an ingest is writing); try again")
            time.sleep(RETRY_PAUSE)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only store for one request (its own cursor on the shared connection)."""
        shared = self._acquire()
        try:
            snapshot = self._counted(shared)
            cursor = shared.con.cursor()
            cursor.register("counted_events", snapshot)
        except BaseException:
            self._done()
            raise
        try:
            yield Store(cursor, self.path, writable=False)
        finally:
            cursor.close()
            self._done()

    def _counted(self, shared: Store) -> pa.Table:
        with self._lock:
            if self._snapshot is None:
                self._snapshot = shared.con.sql(
                    f"SELECT {SNAPSHOT_COLUMNS} FROM main.counted_events").to_arrow_table()
            return self._snapshot

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()`` once per state of the store (forgotten when an ingest commits); at most
        MEMO_SIZE answers are kept, the oldest dropped first."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                del self._memo[next(iter(self._memo))]
        return value

    def _done(self) -> None:
        with self._lock:
            self._users -= 1
            if self._writer_waiting():
                self._release_if_idle()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
