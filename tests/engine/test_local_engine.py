"""``--workers 2`` gives what one process gives: the same events, in the same order (real spaCy,
real worker processes, a real DuckDB store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SAMPLE_DIR
from tests.engine.state import store_state

from faultline.engine import Engine, workers_for
from faultline.ingest import read
from faultline.pipeline import code_documents
from faultline.store.ingest import ingest_paths

SMALL_BATCH = 2  # so the sample corpus makes several batches and both workers get some


def _coded(workers: int) -> list[tuple[str, str | None, list[dict[str, object]]]]:
    results = code_documents(read([SAMPLE_DIR]), batch_size=SMALL_BATCH,
                             engine=Engine(workers=workers))
    return [(r.doc_ref, r.error.reason if r.error else None, [e.to_dict() for e in r.events])
            for r in results]


@pytest.mark.slow
def test_two_workers_code_the_same_events_in_the_same_order() -> None:
    one = _coded(1)
    assert sum(len(events) for _, _, events in one) > 20
    assert _coded(2) == one


@pytest.mark.slow
def test_two_workers_fill_the_same_store(tmp_path: Path) -> None:
    for workers in (1, 2):
        report = ingest_paths([SAMPLE_DIR], tmp_path / f"w{workers}.duckdb",
                              batch_size=SMALL_BATCH, engine=Engine(workers=workers))
        assert report.errors == ()
    one = store_state(tmp_path / "w1.duckdb")
    assert len(one["events"]) > 20 and len(one["stories"]) < len(one["articles"])
    assert store_state(tmp_path / "w2.duckdb") == one


def test_a_small_input_runs_in_one_process_a_large_one_on_every_core() -> None:
    workers, items = workers_for(Engine(), range(10))
    assert (workers, list(items)) == (1, list(range(10)))
    workers, items = workers_for(Engine(), range(1000))
    assert list(items) == list(range(1000))  # nothing lost while sizing the input
    assert workers >= 1
    assert workers_for(Engine(workers=3), range(10))[0] == 3


@pytest.mark.slow
def test_user_actor_dictionaries_reach_the_workers(tmp_path: Path) -> None:
    """``--actors`` is set in the parent; spawned workers must code with it too."""
    from faultline.actors.kb import use_actor_files
    from faultline.model import RawDocument

    world = tmp_path / "world.tsv"
    world.write_text("name\taliases\tcode\tstart\tend\n"
                     "Brigade du Fleuve\tBDF\tMLIREBBDF\t\t\n", "utf-8")
    text = ("The Brigade du Fleuve attacked an army post near Gao on Monday, the Malian army "
            "said. Malian soldiers fought the Brigade du Fleuve for two hours.")
    docs = [RawDocument(doc_ref=f"doc{i}.txt", content=text, published="2025-03-03")
            for i in range(4)]
    use_actor_files([world])
    try:
        coded = list(code_documents(iter(docs), batch_size=1, engine=Engine(workers=2)))
    finally:
        use_actor_files(())
    codes = {actor.code for r in coded for e in r.events for actor in (e.source, e.target)
             if actor is not None}
    assert "MLIREBBDF" in codes
