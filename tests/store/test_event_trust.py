"""Migration 002: events keep their trace, one-sided and background flags, and the counted view
leaves one-sided events out; a store written before it upgrades without losing a row."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
from tests.store.conftest import keyword_coder
from tests.store.corpus import write_corpus

from faultline.model import Article, Event
from faultline.store import open_store
from faultline.store.db import migrations
from faultline.store.ingest import ingest_paths

TRACE = ("lex:meet=040", "src:clause_subject", "tgt:object", "time:publication_date")


def traced_coder(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """The keyword coder's events with a trace; those with "Togo" lose their target's code."""
    for article, events in keyword_coder(articles):
        changed = []
        for event in events:
            event = dataclasses.replace(event, trace=TRACE)
            if "Togo" in event.evidence.sentence and event.target is not None:
                event = dataclasses.replace(
                    event, target=dataclasses.replace(event.target, code=None), one_sided=True)
            changed.append(event)
        yield article, changed


def test_trace_and_flags_are_stored_and_one_sided_events_are_not_counted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    (corpus / "09-togo.txt").write_text("Togo and Ghana met in Lome on Monday.\n\n"
                                        "Benin and Togo met in Cotonou.\n", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    ingest_paths([corpus], db, coder=traced_coder, date="2025-03-04")
    with open_store(db) as store:
        stored = list(store.iter_events())
        counted = store.events(counted=True).to_pylist()
    assert stored and all(e.trace == TRACE for e in stored)
    one_sided = {e.event_id for e in stored if e.one_sided}
    assert one_sided and not one_sided & {row["event_id"] for row in counted}
    assert all(row["counted"] for row in counted)


def test_a_schema_1_store_upgrades_and_keeps_its_counting(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    con.execute(migrations()[0][1])
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.execute("INSERT INTO article_sources VALUES ('a.txt', 'h', 'a-1', NULL, NULL, NULL, "
                "NULL, 'r-1')")
    for event_id, negated in (("e-1", False), ("e-2", True)):
        con.execute("INSERT INTO events (event_id, article_id, doc_ref, cameo, cameo_root, "
                    "source_code, negated, modality, evidence_sentence, evidence_start, "
                    "evidence_end, run_id) VALUES (?, 'a-1', 'a.txt', '040', '04', 'BEN', ?, "
                    "'asserted', 'Benin met.', 0, 10, 'r-1')", [event_id, negated])
    con.close()
    open_store(db, write=True).close()
    with open_store(db) as store:
        assert store.version == max(v for v, _ in migrations())
        rows = {r["event_id"]: r for r in store.events().to_pylist()}
        counted = [r["event_id"] for r in store.events(counted=True).to_pylist()]
        events = {e.event_id: e for e in store.iter_events()}
    # rows coded before keep the rule they were coded under; their new flags are unknown
    assert (rows["e-1"]["counted"], rows["e-2"]["counted"]) == (True, False)
    assert rows["e-1"]["one_sided"] is None and rows["e-1"]["trace"] is None
    assert counted == ["e-1"]
    assert events["e-1"].trace == () and not events["e-1"].one_sided


def repeating_coder(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """The keyword coder's events, each also told a second time as a repeat of itself."""
    for article, events in keyword_coder(articles):
        repeats = [dataclasses.replace(e, event_id=f"{e.event_id}-again", repeat_of=e.event_id)
                   for e in events]
        yield article, [*events, *repeats]


def test_a_repeat_is_stored_with_its_pointer_and_not_counted(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], db, coder=repeating_coder, date="2025-03-04")
    with open_store(db) as store:
        stored = {e.event_id: e for e in store.iter_events()}
        counted = {row["event_id"] for row in store.events(counted=True).to_pylist()}
    repeats = [e for e in stored.values() if e.repeat_of]
    assert repeats and all(e.repeat_of in stored and not e.counted for e in repeats)
    assert counted and not counted & {e.event_id for e in repeats}
