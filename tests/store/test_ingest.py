"""Ingest into a real DuckDB file: idempotence, exact copies, stories across runs, bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest
from tests.store.corpus import BRIDGE_COPY, write_corpus

from faultline.store import StoreError, open_store
from faultline.store.ingest import IngestProgress, ingest_paths


def _counts(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        return {t: store.count(t) for t in ("articles", "article_sources", "events", "stories",
                                            "story_articles", "counted_events")}


def test_second_run_adds_nothing(tmp_path: Path, coder) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    first = ingest_paths([corpus], db, coder=coder, date="2025-03-04")
    assert (first.documents, first.articles_new, first.duplicates) == (5, 4, 1)
    before = _counts(db)
    second = ingest_paths([corpus], db, coder=coder, date="2025-03-04")
    assert (second.articles_new, second.articles_skipped, second.events) == (0, 5, 0)
    assert _counts(db) == before
    with open_store(db) as store:
        assert [r["status"] for r in store.runs().to_pylist()] == ["finished", "finished"]


def test_exact_copy_is_one_article_with_two_sources(tmp_path: Path, coder) -> None:
    db = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        bridge = [s for s in store.iter_stories() if any("01-bridge" in r for r in s.doc_refs)]
    (story,) = bridge
    assert len(story.article_ids) == 2  # the original and its rewrite; the exact copy is a source
    assert sorted(Path(r).name for r in story.doc_refs) == [
        "01-bridge.txt", "02-bridge-copy.txt", "05-bridge-exact.txt"]
    first = Path(story.doc_refs[0])
    assert first.name == "01-bridge.txt"  # read first, so it names the story


def test_stories_separate_same_day_same_countries(tmp_path: Path, coder) -> None:
    db = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        stories = {Path(s.doc_refs[0]).name: s for s in store.iter_stories()}
    assert len(stories) == 3
    assert len(stories["03-electricity.txt"].article_ids) == 1


def test_later_run_joins_existing_story_and_keeps_its_id(tmp_path: Path, coder) -> None:
    corpus = write_corpus(tmp_path / "in")
    copy = corpus / "02-bridge-copy.txt"
    copy.rename(tmp_path / "later.txt")
    db = tmp_path / "f.duckdb"
    ingest_paths([corpus], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        before = {s.story_id for s in store.iter_stories()}
    report = ingest_paths([tmp_path / "later.txt"], db, coder=coder, date="2025-03-05")
    assert (report.articles_new, report.stories_new) == (1, 0)
    with open_store(db) as store:
        after = {s.story_id: s for s in store.iter_stories()}
        assert set(after) == before
        joined = [s for s in after.values() if any(r.endswith("later.txt") for r in s.doc_refs)]
        assert len(joined) == 1 and len(joined[0].article_ids) == 2


def test_events_read_back_as_schema_v1(tmp_path: Path, coder) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    ingest_paths([corpus], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        stored = {e.event_id: e for e in store.iter_events()}
        rows = store.sql("SELECT article_id, story_id FROM articles").to_pylist()
    members = {r["article_id"]: r["story_id"] for r in rows}
    from faultline.clean import article_from
    from faultline.model import RawDocument

    raw = RawDocument(str(corpus / "02-bridge-copy.txt"), BRIDGE_COPY)
    article = article_from(raw, date="2025-03-04")
    (_, expected), = list(coder([article]))
    for event in expected:
        got = stored[event.event_id]
        assert got.to_dict() == {**event.to_dict(), "story_id": members[article.article_id]}


def test_counted_events_one_per_story_with_reach(tmp_path: Path, coder) -> None:
    db = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        counted = store.events(counted=True).to_pylist()
        everything = store.events().to_pylist()
    bridge = [e for e in counted if (e["source_code"], e["target_code"]) == ("BEN", "NER")]
    assert len(bridge) == 1  # the same meeting told by two articles (and one exact copy)
    assert (bridge[0]["n_articles"], bridge[0]["n_mentions"]) == (3, 2)
    negated = [e for e in everything if e["negated"]]
    assert negated and not any(e["event_id"] == negated[0]["event_id"] for e in counted)


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path, coder) -> None:
    corpus = write_corpus(tmp_path / "in")
    (corpus / "06-bad.jsonl").write_text('{"id": "ok-1", "text": "Mali and Chad met on '
                                         'Monday in Bamako to discuss grain."}\n{not json\n')
    (corpus / "07-latin1.txt").write_bytes("Le Bénin et le Niger".encode("latin-1"))
    (corpus / "08-nobody.html").write_text("<html><head><title>x</title></head></html>")
    vanishing = tmp_path / "09-vanishes.txt"
    vanishing.write_text("Gambia and Senegal met on Monday.")

    def delete_later(progress: IngestProgress) -> None:
        vanishing.unlink(missing_ok=True)  # gone after the first batch, before it is read

    report = ingest_paths([corpus, vanishing, tmp_path / "missing.txt"], tmp_path / "f.duckdb",
                          coder=coder, date="2025-03-04", progress=delete_later, batch_size=2)
    codes = {(Path(e.input).name, e.code) for e in report.errors}
    assert ("06-bad.jsonl", "bad-json") in codes
    assert ("08-nobody.html", "empty") in codes
    assert ("09-vanishes.txt", "missing") in codes
    assert ("missing.txt", "missing") in codes
    bad_json = next(e for e in report.errors if e.code == "bad-json")
    assert bad_json.record and bad_json.record.endswith("06-bad.jsonl#2")
    assert report.articles_new == 6  # four texts, the Latin-1 one and the good JSON line
    with open_store(tmp_path / "f.duckdb") as store:
        assert len(store.errors(report.run_id)) == len(report.errors)
        latin1 = [a for a in store.articles().to_pylist() if a["doc_ref"].endswith("07-latin1.txt")]
    assert latin1[0]["text"] == "Le Bénin et le Niger"
    assert latin1[0]["notes"][0] == "decoded as cp1252 (not UTF-8)"


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    con.execute("INSERT INTO schema_version VALUES (99, now())")
    con.close()
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    for write in (False, True):
        with pytest.raises(StoreError, match="newer Faultline"):
            open_store(db, write=write)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_sql_reads_only(tmp_path: Path, coder) -> None:
    db = tmp_path / "f.duckdb"
    ingest_paths([write_corpus(tmp_path / "in")], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        assert store.sql("SELECT count(*) AS n FROM articles").to_pylist() == [{"n": 4}]
        for statement in ("DELETE FROM events", "DROP TABLE articles",
                          "SELECT 1; DELETE FROM events"):
            with pytest.raises(StoreError):
                store.sql(statement)
        assert store.events().to_pandas().shape[0] == store.count("events")
    with open_store(db, write=True) as store, pytest.raises(StoreError):
        store.sql("UPDATE articles SET title = 'x'")


def test_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "nothing.duckdb")


def test_meta_is_json(tmp_path: Path, coder) -> None:
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "m1", "text": "Togo and Ghana met on Monday in Lome.",
                                  "section": "world"}) + "\n")
    db = tmp_path / "f.duckdb"
    ingest_paths([source], db, coder=coder, date="2025-03-04")
    with open_store(db) as store:
        (meta,) = [json.loads(r["meta"]) for r in store.articles().to_pylist()]
    assert meta["section"] == "world"
