"""The DuckDB store: one file with articles, stories, events, runs and errors.

``open_store(path)`` reads it; ``faultline.store.ingest.ingest_paths`` fills it; ``export``
writes GDELT-, PLOVER- and schema-v1 files from it.
"""

from __future__ import annotations

from faultline.store.db import EventFilter, Store, StoreError, open_store

__all__ = ["EventFilter", "Store", "StoreError", "open_store"]
