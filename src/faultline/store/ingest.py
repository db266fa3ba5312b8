"""A resumable ingest run: read → clean → skip what is stored → code → dedup → store, in batches.

Each batch is one transaction (articles, their sources, story membership, events, errors), so
a run stopped at any moment — Ctrl-C or kill -9 — loses at most the batches in flight, and the
same command continues: documents whose (doc_ref, content hash) is stored are skipped before
cleaning, and texts whose article id is stored are skipped before parsing. Coding may run in
other processes or on a Dask cluster (``faultline.engine``); reading, story assignment and
writes stay in this process, in input order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from faultline.clean.recurring import Recurring, learn
from faultline.dedup.minhash import from_bytes, signature, to_bytes
from faultline.dedup.stories import BANDS, Membership, StoryIndex, band_keys, day_of
from faultline.engine import (
    Engine,
    batched,
    clean_document,
    open_executor,
    ordered_map,
    workers_for,
)
from faultline.errors import InputError
from faultline.model import Article, Event, RawDocument
from faultline.store.db import Batch, Store, writing

if TYPE_CHECKING:
    from faultline.ingest.fields import FieldMap

# Documents per transaction: at ~6 coded articles/s a batch commits every few seconds, which
# bounds the work a killed run repeats.
BATCH_SIZE = 32
DEFAULT_TEXT_COLUMN = "text"
_HASH_HEX = 32

Coder = Callable[[Iterable[Article]], Iterator[tuple[Article, "list[Event] | InputError"]]]


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One input that could not be used: the file, the record inside it, and why."""

    input: str
    record: str | None
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Counts so far, passed to the progress callback after every committed batch."""

    documents: int
    articles_new: int
    articles_skipped: int
    events: int
    errors: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a run did. ``articles_skipped`` counts documents already stored (re-run or resume);
    ``duplicates`` documents whose text equals a stored article (kept as extra sources)."""

    run_id: str
    db_path: str
    documents: int
    articles_new: int
    articles_skipped: int
    duplicates: int
    events: int
    stories_new: int
    stories_total: int
    errors: tuple[ErrorRecord, ...]
    elapsed: float
    coding_seconds: float
    status: str = "finished"
    undated: int = 0  # new articles without a publication date

    @property
    def rate(self) -> float:
        """Documents handled per second."""
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def overhead_share(self) -> float:
        """Share of the run not spent waiting for coded batches (reading, cleaning, coding):
        story assignment and store writes."""
        return 1 - self.coding_seconds / self.elapsed if self.elapsed > 0 else 0.0


def content_hash(raw: RawDocument) -> str:
    data = raw.content.encode("utf-8") if isinstance(raw.content, str) else raw.content
    return hashlib.sha256(data).hexdigest()[:_HASH_HEX]


def error_record(error: InputError) -> ErrorRecord:
    """Split ``path#N`` style sources into the input file and the record inside it."""
    source = error.source
    inputs, hash_mark, _ = source.partition("#")
    return ErrorRecord(inputs, source if hash_mark else None, error.code, error.reason)


def _default_coder(
    articles: Iterable[Article],
) -> Iterator[tuple[Article, list[Event] | InputError]]:
    from faultline.pipeline import code_articles  # spaCy loads only when coding starts

    return code_articles(articles)


def read_inputs(paths: Sequence[str | Path], fmt: str | None,
                text_column: str = DEFAULT_TEXT_COLUMN, fields: FieldMap | None = None,
                ) -> Iterator[RawDocument | InputError]:
    """``faultline.ingest.read`` (imported late: the readers pull in their parsers)."""
    from faultline.ingest import read

    return read(paths, fmt=fmt, text_column=text_column, fields=fields)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A batch read and cleaned: its rows so far, and the new articles (with their source row)
    waiting for the coder."""

    batch: Batch
    pending: list[tuple[Article, dict[str, Any]]]


def code_pending(coder: Coder, articles: list[Article]
                 ) -> list[tuple[Article, list[Event] | InputError]]:
    """One batch through the coder (run by an engine's worker)."""
    return list(coder(articles))


class _Run:
    """Mutable counters and state of one run (kept out of the public report)."""

    def __init__(self, run_id: str, coder: Coder, date: str | None,
                 recurring: Recurring | None = None) -> None:
        self.run_id = run_id
        # One batch's articles and their stored candidates, never the whole store; what is
        # stored is looked up per batch, so memory does not grow with the store.
        self.index = StoryIndex()
        # Articles handed to the coder and not yet committed (a later batch may hold a copy).
        self.in_flight: set[str] = set()
        self.coder = coder
        self.date = date
        self.recurring = recurring
        self.documents = self.new = self.skipped = self.duplicates = 0
        self.events = self.stories_new = self.undated = 0
        self.coding_seconds = 0.0
        self.errors: list[ErrorRecord] = []

    def prepare(self, raws: list[RawDocument | InputError], store: Store) -> _Prepared:
        """Read-side work of a batch: errors, skips, exact copies, and the articles to code.

        An article counts as known from here on, so its exact copy in a later batch still
        queued is an extra source, not a second coding."""
        prepared = _Prepared(Batch(), [])
        keys = [None if isinstance(raw, InputError) else (raw.doc_ref, content_hash(raw))
                for raw in raws]
        stored_docs = store.stored_documents([key for key in keys if key is not None])
        cleaned: list[tuple[RawDocument, str, Article]] = []
        for raw, key in zip(raws, keys, strict=True):
            self.documents += 1
            if isinstance(raw, InputError):
                self._error(prepared.batch, raw)
                continue
            assert key is not None  # a document, not an error: it has its key
            if key in stored_docs:
                self.skipped += 1
                continue
            article = clean_document(raw, self.date, self.recurring)
            if isinstance(article, InputError):
                self._error(prepared.batch, article)
                continue
            cleaned.append((raw, key[1], article))
        stored = store.stored_articles([article.article_id for _, _, article in cleaned])
        for raw, digest, article in cleaned:
            source = {"doc_ref": raw.doc_ref, "content_hash": digest,
                      "article_id": article.article_id, "url": article.url,
                      "outlet": article.outlet, "title": article.title,
                      "published": article.published, "run_id": self.run_id}
            if article.article_id in stored or article.article_id in self.in_flight:
                self.duplicates += 1
                prepared.batch.sources.append(source)
                continue
            self.in_flight.add(article.article_id)
            prepared.pending.append((article, source))
        return prepared

    def finish(self, prepared: _Prepared,
               coded: list[tuple[Article, list[Event] | InputError]], store: Store) -> Batch:
        """Story assignment and rows of a coded batch, in input order (one process does it),
        against the members ``store`` holds that share an LSH band with the batch."""
        batch = prepared.batch
        sources = {a.article_id: s for a, s in prepared.pending}
        signatures = {article.article_id: signature(article.text)
                      for article, outcome in coded if not isinstance(outcome, InputError)}
        self.index.clear()
        if signatures:
            keys = np.stack([band_keys(sig) for sig in signatures.values()])
            bands = np.tile(np.arange(BANDS, dtype=np.uint8), len(signatures))
            days = [day_of(a.published) for a, o in coded if not isinstance(o, InputError)]
            wanted = pa.table({"band": bands, "key": keys.ravel(),
                               "published": pa.array(np.repeat(np.array(days, dtype=object),
                                                               BANDS), pa.date32())})
            for article_id, stored, published, story_id in store.story_candidates(
                    wanted, self.index.window_days):
                self.index.restore(article_id, from_bytes(stored), published, story_id)
        for article, outcome in coded:
            if isinstance(outcome, InputError):
                self._error(batch, outcome)  # not stored: a later run with a fixed coder retries
                self.in_flight.discard(article.article_id)
                continue
            self._add_article(batch, article, outcome, sources[article.article_id],
                              signatures[article.article_id])
        return batch

    def _add_article(self, batch: Batch, article: Article, events: list[Event],
                     source: dict[str, Any], sig: np.ndarray) -> None:
        member: Membership = self.index.assign(article.article_id, sig, article.published)
        if member.matched is None:
            self.stories_new += 1
            batch.stories.append({"story_id": member.story_id,
                                  "first_article_id": article.article_id,
                                  "created_at": _now(), "run_id": self.run_id})
        if member.matched != article.article_id:  # not stored yet: its band keys are new
            batch.bands.extend({"band": band, "key": key, "article_id": article.article_id}
                               for band, key in enumerate(band_keys(sig).tolist()))
        batch.members.append({"article_id": article.article_id, "story_id": member.story_id,
                              "matched_article_id": member.matched,
                              "similarity": member.similarity if member.matched else None,
                              "published": article.published, "signature": to_bytes(sig)})
        row = article.to_dict()
        row.update(story_id=member.story_id, ingested_at=_now(), run_id=self.run_id,
                   meta=_json(row["meta"]))
        batch.articles.append(row)
        batch.sources.append(source)
        for event in events:
            flat = dataclasses.replace(event, story_id=member.story_id).to_flat()
            flat["run_id"] = self.run_id
            batch.events.append(flat)
        self.new += 1
        self.undated += article.published is None
        self.events += len(events)

    def _error(self, batch: Batch, error: InputError) -> None:
        record = error_record(error)
        self.errors.append(record)
        batch.errors.append({"run_id": self.run_id, "input": record.input,
                             "record": record.record, "code": record.code,
                             "reason": record.reason, "noted_at": _now()})

    def committed(self, batch: Batch) -> None:
        self.in_flight.difference_update(row["article_id"] for row in batch.articles)

    def counts(self) -> dict[str, int]:
        return {"documents": self.documents, "articles_new": self.new,
                "articles_skipped": self.skipped, "events": self.events,
                "errors": len(self.errors)}


def _now() -> dt.datetime:
    """UTC now, naive, as DuckDB's TIMESTAMP columns hold it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def ingest_paths(
    paths: Sequence[str | Path], db_path: str | Path, *, fmt: str | None = None,
    date: str | None = None, progress: Callable[[IngestProgress], None] | None = None,
    text_column: str = DEFAULT_TEXT_COLUMN, batch_size: int = BATCH_SIZE,
    coder: Coder | None = None, fields: FieldMap | None = None, engine: Engine | None = None,
) -> IngestReport:
    """Ingest every document under ``paths`` into the store at ``db_path`` (created if needed).

    Safe to repeat and to resume: nothing already stored is added again. ``coder`` replaces
    the spaCy coder (``pipeline.code_articles``), e.g. for tests and benchmarks (a module-level
    function, so that worker processes can import it). ``engine`` codes batches in other
    processes or on a Dask cluster; this process alone reads, assigns stories and writes the
    store, in input order, so the store is the same for any engine.
    """
    from faultline import __version__

    began = time.perf_counter()
    # The store is open only while a step writes, so `faultline serve` can read between batches.
    with writing(db_path) as store:
        run_id = store.start_run([str(p) for p in paths], f"faultline/{__version__}")
        # Outlets' recurring lines, learnt from the whole input first (not from standard input,
        # which can be read once): the same inputs always give the same cleaned texts.
        recurring = None if "-" in map(str, paths) else \
            learn(read_inputs(paths, fmt, text_column, fields))
        run = _Run(run_id, coder or _default_coder, date, recurring)
    workers, raws = workers_for(engine or Engine(workers=1),
                                read_inputs(paths, fmt, text_column, fields))
    queued: deque[_Prepared] = deque()

    def to_code() -> Iterator[list[Article]]:
        for chunk in batched(raws, batch_size):
            with writing(db_path) as store:
                queued.append(run.prepare(chunk, store))
            yield [article for article, _ in queued[-1].pending]

    status = "interrupted"
    try:
        with open_executor(engine or Engine(workers=1), workers) as (executor, slots):
            work = partial(code_pending, coder or _default_coder)
            results = ordered_map(work, to_code(), executor, slots)
            while True:
                waited = time.perf_counter()
                coded = next(results, None)
                run.coding_seconds += time.perf_counter() - waited
                if coded is None:
                    break
                with writing(db_path) as store:
                    batch = run.finish(queued.popleft(), coded, store)
                    store.write_batch(batch)
                run.committed(batch)
                if progress is not None:
                    progress(IngestProgress(run.documents, run.new, run.skipped,
                                            run.events, len(run.errors),
                                            time.perf_counter() - began))
        status = "finished"
    finally:
        with writing(db_path) as store:
            store.finish_run(run_id, run.counts(), status)
            stories_total = store.count("stories")
    return IngestReport(
        run_id=run_id, db_path=str(db_path), documents=run.documents, articles_new=run.new,
        articles_skipped=run.skipped, duplicates=run.duplicates, events=run.events,
        stories_new=run.stories_new, stories_total=stories_total, errors=tuple(run.errors),
        elapsed=time.perf_counter() - began, coding_seconds=run.coding_seconds, status=status,
        undated=run.undated,
    )
