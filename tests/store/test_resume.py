"""A real ingest killed with SIGKILL mid-run, then re-run, equals one clean run (real spaCy)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SAMPLE_DIR
from tests.store.corpus import write_corpus

from faultline.store import open_store
from faultline.store.ingest import ingest_paths

# Runs the ingest in a child process and prints the committed article count after each batch.
CHILD = """
import sys
from faultline.store.ingest import ingest_paths
ingest_paths(sys.argv[2:], sys.argv[1], batch_size=2,
             progress=lambda p: print(p.articles_new, flush=True))
"""
KILL_AFTER = 4  # committed articles before the kill


def _state(db: Path) -> dict[str, object]:
    with open_store(db) as store:
        return {
            "articles": sorted(r["article_id"] for r in store.articles().to_pylist()),
            "events": sorted(e.event_id for e in store.iter_events()),
            "sources": store.count("article_sources"),
            "stories": sorted(s.story_id for s in store.iter_stories()),
        }


@pytest.mark.slow
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    inputs = [str(SAMPLE_DIR), str(write_corpus(tmp_path / "extra"))]
    killed = tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(killed), *inputs],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if int(line) >= KILL_AFTER:
            child.send_signal(signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL
    partial = _state(killed)
    assert len(partial["articles"]) >= KILL_AFTER  # type: ignore[arg-type]

    resumed = ingest_paths(inputs, killed)
    assert resumed.articles_skipped >= KILL_AFTER  # committed work was not parsed again
    clean = tmp_path / "clean.duckdb"
    ingest_paths(inputs, clean)
    assert _state(killed) == _state(clean)
    assert len(partial["articles"]) < len(_state(clean)["articles"])  # type: ignore[arg-type]
