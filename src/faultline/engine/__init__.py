"""How documents flow through the coder: the document boundary, and the engines that run it.

Every stage that touches one document runs behind ``clean_document`` or the coder's own
boundary (``pipeline.code_articles``): whatever fails there is that document's ``InputError``,
and the batch goes on. ``ordered_map`` hands batches to an executor — a pool of local
processes, or a Dask cluster — and gives the results back in input order, so every engine
writes the same events in the same order as one process does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol, TypeVar

from faultline.clean import article_from
from faultline.clean.recurring import Recurring
from faultline.errors import InputError
from faultline.model import Article, RawDocument
from faultline.tsv import DataFileError

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


def clean_document(raw: RawDocument, date: str | None = None,
                   recurring: Recurring | None = None) -> Article | InputError:
    """``article_from`` behind the document boundary: any failure is this document's error."""
    try:
        return article_from(raw, date=date, recurring=recurring)
    except InputError as e:
        return e
    except DataFileError:
        raise  # a broken rule file breaks every document: stop and say where
    except Exception as e:  # isolation boundary: a cleaner bug on one document
        log.exception("cleaning failed for %s", raw.doc_ref)
        return InputError(raw.doc_ref, f"cleaner failed: {e!r}", "cleaner-error")


# Inputs with fewer documents than this are coded in one process: starting a worker process
# loads the model again (a few seconds), more than a small batch's coding takes.
SMALL_INPUT = 64
# Batches queued per worker: enough that a worker never waits for the next one, few enough
# that the input streams (memory holds about workers x IN_FLIGHT_PER_WORKER batches).
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class Engine:
    """Where coding runs: ``local`` processes on this machine, or a ``dask`` cluster
    (``scheduler`` an address; none starts a LocalCluster). ``workers`` None means: the number
    of cores, or 1 for a small input (local engine)."""

    name: str = "local"
    workers: int | None = None
    scheduler: str | None = None


class _Future(Protocol[R_co]):
    def result(self) -> R_co: ...


class Executor(Protocol):
    """What both a process pool and a Dask client offer: submit a call, get a future."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> _Future[Any]: ...


def cores() -> int:
    """Cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def workers_for(engine: Engine, items: Iterable[T]) -> tuple[int, Iterator[T]]:
    """The process count to use, and the items (the first few were read to size the input)."""
    if engine.workers is not None:
        return max(engine.workers, 1), iter(items)
    iterator = iter(items)
    head = list(islice(iterator, SMALL_INPUT))
    workers = 1 if len(head) < SMALL_INPUT and engine.name == "local" else cores()
    return workers, chain(head, iterator)


def ordered_map(work: Callable[[T], R], items: Iterable[T],
                executor: Executor | None, workers: int = 1) -> Iterator[R]:
    """``work(item)`` for every item, in input order, at most ``workers`` x
    ``IN_FLIGHT_PER_WORKER`` items submitted ahead; no executor runs them here, one by one."""
    if executor is None:
        for item in items:
            yield work(item)
        return
    pending: deque[_Future[R]] = deque()
    for item in items:
        pending.append(executor.submit(work, item))
        if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def load_worker_model(actor_files: tuple[Path, ...]) -> None:
    """A worker's start: the parent's ``--actors`` dictionaries (a spawned process does not
    inherit them), then the model, so the first batch does not wait."""
    from faultline.actors.kb import use_actor_files
    from faultline.nlp.load import load_nlp

    if actor_files:
        use_actor_files(actor_files)
    load_nlp()


@contextmanager
def open_executor(engine: Engine, workers: int) -> Iterator[tuple[Executor | None, int]]:
    """The executor an engine runs on (None: this process) and how many items it runs at once;
    shut down on leaving."""
    if engine.name == "dask":
        from faultline.engine.dask import dask_client

        with dask_client(engine.scheduler, workers) as (client, slots):
            yield client, slots
        return
    if workers <= 1:
        yield None, 1
        return
    # "spawn": a forked child would inherit the parent's DuckDB connection and threads.
    context = multiprocessing.get_context("spawn")
    from faultline.actors.kb import active_actor_files

    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=load_worker_model,
                               initargs=(active_actor_files(),))
    try:
        yield pool, workers
    finally:  # on Ctrl-C or an error, queued batches are dropped, not coded first
        pool.shutdown(wait=True, cancel_futures=True)
