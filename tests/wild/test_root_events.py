"""Flattened text keeps GDELT's root-event marking meaningful: only the lead's events are root."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.wild.shapes import bases, documents

from faultline.store import open_store
from faultline.store.export import gdelt_table
from faultline.store.ingest import ingest_paths


@pytest.mark.slow
def test_flattened_article_marks_only_its_lead_as_root(tmp_path: Path) -> None:
    base = max(bases(), key=lambda b: len(" ".join(b.paragraphs).split()))
    flat = documents(base, ("one-line",))["one-line"]
    path = tmp_path / "flat.txt"
    path.write_text(str(flat.content), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    ingest_paths([path], db, date="2025-03-01")
    with open_store(db) as store:
        roots = gdelt_table(store).column("IsRootEvent").to_pylist()
        (text,) = [a["text"] for a in store.articles().to_pylist()]
    assert base.paragraphs[0].startswith(text.split("\n\n")[0])  # the lead is the first block
    assert set(roots) == {0, 1}, "a flattened article must not make every event a root event"
