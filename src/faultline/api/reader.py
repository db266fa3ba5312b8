"""A read-only store per request, retried while an ingest holds the file for a commit.

DuckDB lets one process write a file, and no other process may open it meanwhile, not even
read-only. The server therefore never keeps the store open between requests: each request
opens it read-only, and while an ingest commits a batch (it holds the file only then) the
open is retried for up to ``WAIT_SECONDS``.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from faultline.store.db import Store, StoreError, open_store

# How long a request waits for an ingest's commit to finish before answering 503.
WAIT_SECONDS = 10.0
# Pause between attempts: a batch commit takes tens of milliseconds.
RETRY_PAUSE = 0.02


class StoreBusy(StoreError):
    """The store stayed locked by a writer for longer than a request waits."""


def is_lock_error(error: Exception) -> bool:
    return "lock" in str(error).lower()


def open_reader(path: Path, wait: float = WAIT_SECONDS) -> Store:
    """``open_store(path)`` read-only, retrying while another process holds the write lock."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return open_store(path)
        except (StoreError, duckdb.IOException) as e:
            if not is_lock_error(e):
                raise
            if time.monotonic() >= deadline:
                raise StoreBusy(f"{path}: busy (an ingest is writing); try again") from e
        time.sleep(RETRY_PAUSE)
