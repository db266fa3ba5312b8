"""A real ingest killed with SIGKILL mid-run, then re-run, equals one uninterrupted run.

Twenty kill points: the child process kills itself with SIGKILL (no clean-up of any kind) at a
chosen moment — after the Nth article is parsed and coded, at the Nth INSERT of a store
transaction, or at the Nth story assignment (dedup) — picked from several seeds. Eighteen runs
use the keyword coder of ``tests/store/conftest.py`` (fast; the store, dedup and transactions
are the real ones), two the real spaCy coder. A last test fills the "disk" (a file-size limit
on the child, the same failure a full file system gives DuckDB) and checks that the store opens
and resumes to the same state.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO, SAMPLE_DIR
from tests.store.conftest import keyword_coder
from tests.store.corpus import write_corpus

from faultline.store import open_store
from faultline.store.ingest import ingest_paths

# The child: ingest with batches of 2, killing itself at the Nth call of the chosen point.
CHILD = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from faultline.dedup.stories import StoryIndex
from faultline.store import db
from faultline.store.ingest import ingest_paths

db_path, point, nth, coder_name, *inputs = sys.argv[2:]
nth, calls = int(nth), [0]

def tick():
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)

class Connection:
    def __init__(self, con):
        self._con = con
    def __getattr__(self, name):
        return getattr(self._con, name)
    def execute(self, query, *args):
        if point == "write" and query.startswith("INSERT"):
            tick()
        return self._con.execute(query, *args)

if point == "write":
    original_init = db.Store.__init__
    def init(self, con, *args, **kwargs):
        original_init(self, Connection(con), *args, **kwargs)
    db.Store.__init__ = init
if point == "dedup":
    assign = StoryIndex.assign
    def counted_assign(self, *args, **kwargs):
        tick()
        return assign(self, *args, **kwargs)
    StoryIndex.assign = counted_assign
if coder_name == "keyword":
    from tests.store.conftest import keyword_coder as base
else:
    from faultline.pipeline import code_articles as base

def coder(articles):
    for pair in base(articles):
        if point == "parse":
            tick()
        yield pair

ingest_paths(inputs, db_path, batch_size=2, coder=coder)
"""
# (coder, point, seed) for the 20 kill points; N is drawn from KILL_RANGE[point] by the seed.
KILLS = [("keyword", point, seed) for point, seeds in (("parse", 5), ("write", 7), ("dedup", 6))
         for seed in range(seeds)] + [("spacy", "parse", 0), ("spacy", "write", 0)]
KILL_RANGE = {"parse": (1, 12), "write": (1, 30), "dedup": (1, 12)}
# A file-size limit (bytes) the store outgrows during the first batches.
DISK_LIMIT = 500_000


def _inputs(tmp_path: Path) -> list[str]:
    return [str(SAMPLE_DIR), str(write_corpus(tmp_path / "extra"))]


def _state(db: Path) -> dict[str, object]:
    with open_store(db) as store:
        return {
            "articles": sorted(r["article_id"] for r in store.articles().to_pylist()),
            "events": sorted(e.event_id for e in store.iter_events()),
            "sources": store.count("article_sources"),
            "stories": sorted((s.story_id, s.article_ids) for s in store.iter_stories()),
        }


def _coder(name: str):  # type: ignore[no-untyped-def]
    return keyword_coder if name == "keyword" else None  # None: the real spaCy coder


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The state of one uninterrupted run per coder (same inputs, same batches)."""
    folder = tmp_path_factory.mktemp("reference")
    states = {}
    for name in ("keyword", "spacy"):
        db = folder / f"{name}.duckdb"
        ingest_paths(_inputs(folder), db, batch_size=2, coder=_coder(name))
        states[name] = _state(db)
    return states


def _killed_run(tmp_path: Path, point: str, nth: int, coder: str) -> Path:
    db = tmp_path / "killed.duckdb"
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(REPO), str(db), point, str(nth), coder,
         *_inputs(tmp_path)], capture_output=True, text=True, cwd=REPO, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    return db


@pytest.mark.slow
@pytest.mark.parametrize(("coder", "point", "seed"), KILLS,
                         ids=[f"{c}-{p}-{s}" for c, p, s in KILLS])
def test_sigkill_then_rerun_equals_an_uninterrupted_run(
        tmp_path: Path, reference: dict[str, dict[str, object]], coder: str, point: str,
        seed: int) -> None:
    nth = random.Random(f"{point}-{seed}").randint(*KILL_RANGE[point])
    killed = _killed_run(tmp_path, point, nth, coder)
    partial = _state(killed)
    assert len(partial["articles"]) < len(reference[coder]["articles"])  # type: ignore[arg-type]
    ingest_paths(_inputs(tmp_path), killed, batch_size=2, coder=_coder(coder))
    assert _state(killed) == reference[coder]


FULL_DISK_CHILD = """
import resource, signal, sys
sys.path.insert(0, sys.argv[1])
from tests.store.conftest import keyword_coder
from faultline.store.ingest import ingest_paths
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
ingest_paths(sys.argv[4:], sys.argv[2], batch_size=2, coder=keyword_coder)
"""


@pytest.mark.slow
def test_full_disk_leaves_a_store_that_opens_and_resumes(
        tmp_path: Path, reference: dict[str, dict[str, object]]) -> None:
    inputs = _inputs(tmp_path)
    db = tmp_path / "full.duckdb"
    child = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(REPO), str(db), str(DISK_LIMIT), *inputs],
        capture_output=True, text=True, cwd=REPO, check=False)
    if not db.exists() or db.stat().st_size < DISK_LIMIT:
        pytest.skip(f"the store never outgrew {DISK_LIMIT} bytes: no full disk to test "
                    f"(child exit {child.returncode})")
    _state(db)  # opens
    ingest_paths(inputs, db, batch_size=2, coder=keyword_coder)
    assert _state(db) == reference["keyword"]
