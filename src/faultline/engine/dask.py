"""The Dask engine: batches are coded on a Dask cluster's workers, results come back in order.

With no scheduler address a ``LocalCluster`` of worker processes (one thread each: spaCy and
the coder are CPU-bound Python) starts for the run and stops after it; with an address the run
connects to a running cluster and leaves it running. Each worker process loads the model once
(``load_nlp`` is cached per process; a worker plugin loads it as the worker starts). The
driver keeps everything that must happen once and in order: dedup, story assignment, the
store's writes — so idempotence and resume are the local engine's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from faultline.actors.kb import active_actor_files
from faultline.engine import load_worker_model
from faultline.errors import EngineError

# Seconds to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline, with the driver's ``--actors`` dictionaries, when a worker
    starts (the dictionaries' paths must be readable on the worker's machine)."""

    name = "faultline-load-model"

    def __init__(self) -> None:
        self.actor_files = active_actor_files()

    def setup(self, worker: object) -> None:
        load_worker_model(self.actor_files)


class _Submitter:
    """A client whose ``submit`` never deduplicates by argument hash (``pure=False``): hashing a
    batch of articles costs time, and each batch is submitted once anyway."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        return self.client.submit(fn, *args, pure=False, **kwargs)


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[tuple[_Submitter, int]]:
    """A client on ``scheduler`` (or on a new LocalCluster of ``workers`` processes), and the
    number of batches the cluster codes at once (its worker threads)."""
    if scheduler is None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(LoadModel())
            yield _Submitter(client), workers
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as e:
        raise EngineError(f"Dask scheduler {scheduler} cannot be reached: {e}") from e
    with client:
        client.register_plugin(LoadModel())
        slots = sum(client.nthreads().values())
        if slots == 0:
            raise EngineError(f"Dask scheduler {scheduler} has no workers")
        yield _Submitter(client), slots
