"""What a user sees in a store, without the columns that name a run or a moment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from faultline.store import open_store

# Columns that differ between two runs of the same input by design.
RUN_COLUMNS = frozenset({"run_id", "ingested_at", "created_at", "noted_at"})


def _rows(store: Any, table: str) -> list[dict[str, Any]]:
    rows = [{k: v for k, v in row.items() if k not in RUN_COLUMNS}
            for row in store.sql(f"SELECT * FROM {table}").to_pylist()]
    return sorted(rows, key=repr)


def store_state(db: Path) -> dict[str, list[dict[str, Any]]]:
    """Every article, source, story, membership and event (DuckDB's parallel inserts keep no
    row order within a batch, so rows are compared sorted)."""
    with open_store(db) as store:
        return {table: _rows(store, table)
                for table in ("articles", "article_sources", "stories", "story_articles",
                              "events")}
