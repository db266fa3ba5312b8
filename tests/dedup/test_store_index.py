"""The store-backed story index gives the stories an all-in-memory index gives.

Ingest keeps the LSH band keys in the store and holds one batch's candidates in memory; these
tests check, on planted syndicated copies, that the story of every article is the one the
in-memory index gives (batches of three, over two runs), that the band keys find exactly the
candidates datasketch's LSH found (the index stories were first assigned with), and that the
store migration derives the same keys from signatures stored before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import numpy as np
import pytest
from datasketch import LeanMinHash, MinHashLSH
from tests.dedup.planted import generate, write_jsonl

from faultline.dedup.minhash import NUM_PERM, SEED, signature
from faultline.dedup.stories import (
    BAND_ROWS,
    BANDS,
    LSH_MARGIN,
    SIMILARITY_THRESHOLD,
    StoryIndex,
    band_keys,
)
from faultline.model import Article, Event
from faultline.store import open_store
from faultline.store.db import migrations
from faultline.store.ingest import ingest_paths

FAMILIES = 50


def no_events(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """A coder that finds nothing: stories depend on the text alone."""
    for article in articles:
        yield article, []


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The planted corpus ingested in two runs (first half, then all), batches of three."""
    folder = tmp_path_factory.mktemp("planted")
    docs = generate(FAMILIES)
    first = write_jsonl(docs[:len(docs) // 2], folder / "first.jsonl")
    whole = write_jsonl(docs, folder / "whole.jsonl")
    db = folder / "store.duckdb"
    ingest_paths([first], db, batch_size=3, coder=no_events)
    ingest_paths([whole], db, batch_size=3, coder=no_events)
    return db


def _stored(db: Path) -> list[tuple[str, str, str, object, str]]:
    """(doc_ref, article_id, text, published, story_id) in input order."""
    with open_store(db) as s:
        return s.con.execute(
            "SELECT min(src.doc_ref) AS ref, a.article_id, a.text, a.published, a.story_id "
            "FROM articles a JOIN article_sources src USING (article_id) "
            "GROUP BY ALL ORDER BY ref").fetchall()


@pytest.mark.slow
def test_store_backed_stories_equal_the_in_memory_index(store: Path) -> None:
    rows = _stored(store)
    index = StoryIndex()
    expected = {aid: index.add(aid, text, published) for _, aid, text, published, _ in rows}
    assert {aid: story for _, aid, _, _, story in rows} == expected
    # The corpus tests something: most planted copies joined a story across batches and runs.
    sizes = Counter(expected.values())
    assert sum(n for n in sizes.values() if n > 1) > len(rows) // 2
    assert len(sizes) >= FAMILIES


def _counts(db: Path) -> tuple[int, int, int]:
    with open_store(db) as s:
        bands = s.con.execute("SELECT count(*) FROM story_bands").fetchall()[0][0]
        return s.count("stories"), s.count("story_articles"), bands


@pytest.mark.slow
def test_every_member_has_its_band_keys_once_and_a_rerun_adds_none(store: Path) -> None:
    stories, members, bands = _counts(store)
    assert bands == BANDS * members
    ingest_paths([store.parent / "whole.jsonl"], store, batch_size=3, coder=no_events)
    assert _counts(store) == (stories, members, bands)


@pytest.mark.slow
def test_migration_derives_the_keys_ingest_writes(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(store.read_bytes())
    sql = dict(migrations())[6]
    con = duckdb.connect(str(copy))
    try:
        written = sorted(con.execute("SELECT band, key, article_id FROM story_bands").fetchall())
        con.execute("DROP TABLE story_bands")
        con.execute(sql)  # as on a store written before the band keys were kept
        derived = sorted(con.execute("SELECT band, key, article_id FROM story_bands").fetchall())
    finally:
        con.close()
    assert derived == written and len(written) > 0


def test_band_keys_find_what_datasketch_lsh_found() -> None:
    lsh = MinHashLSH(threshold=SIMILARITY_THRESHOLD * LSH_MARGIN, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, BAND_ROWS)
    docs = generate(25, seed=11)
    sigs = [signature(d.text) for d in docs]
    keys = np.stack([band_keys(sig) for sig in sigs])
    for ref, sig in zip((d.ref for d in docs), sigs, strict=True):
        lsh.insert(ref, LeanMinHash(seed=SEED, hashvalues=sig, scheme="legacy"))
    for doc, sig, own in zip(docs, sigs, keys, strict=True):
        sharing = {d.ref for d, k in zip(docs, keys, strict=True) if (k == own).any()}
        found = set(lsh.query(LeanMinHash(seed=SEED, hashvalues=sig, scheme="legacy")))
        assert sharing == found, doc.ref
