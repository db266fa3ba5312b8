"""Throughput in one run on the same articles: bare ``nlp.pipe``, ``code`` and ``ingest``.

    python bench/throughput.py --n 300 --workers 1 2 [--corpus corpus.jsonl] [--dask]

The corpus is generated (``bench/corpus.py``) unless ``--corpus`` names a JSON Lines file. For
each worker count: the reference is bare ``nlp.pipe`` of the same pipeline (all the components
the coder uses) over the cleaned texts with ``n_process`` = workers; then ``faultline code``
(read, clean, parse, code) and ``faultline ingest`` (the same plus store and story dedup, into a
new store) on the local engine, and with ``--dask`` on a Dask LocalCluster. It prints
articles/s, words/s, the ratio to the reference and the peak RSS of the process and its
workers; then, for one process, the time per stage. It reports figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import psutil

from corpus import write_corpus
from faultline.engine import Engine, clean_document
from faultline.errors import InputError
from faultline.ingest import read
from faultline.nlp.load import load_nlp
from faultline.pipeline import code_documents
from faultline.store.ingest import ingest_paths

SAMPLE_EVERY_S = 0.2  # how often the memory sampler reads the process tree's RSS


@contextmanager
def peak_rss() -> Iterator[Callable[[], float]]:
    """Peak resident memory (MB) of this process plus its children while the block runs."""
    peak = [0]
    done = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not done.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            peak[0] = max(peak[0], total)
            done.wait(SAMPLE_EVERY_S)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield lambda: peak[0] / 2**20
    finally:
        done.set()
        thread.join()


@dataclass
class Row:
    name: str
    seconds: float
    articles: int
    words: int
    rss_mb: float

    def line(self, reference: float | None) -> str:
        ratio = f"{reference / self.seconds:5.2f}x" if reference else "  ref "
        return (f"{self.name:<28} {self.articles / self.seconds:7.2f} articles/s "
                f"{self.words / self.seconds:8.0f} words/s  {ratio}  peak RSS "
                f"{self.rss_mb:6.0f} MB  ({self.seconds:.1f} s)")


def timed(name: str, articles: int, words: int, run: Callable[[], object]) -> Row:
    with peak_rss() as rss:
        began = time.perf_counter()
        run()
        seconds = time.perf_counter() - began
        return Row(name, seconds, articles, words, rss())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles to generate")
    parser.add_argument("--corpus", type=Path, help="a JSON Lines corpus instead")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also run the Dask engine")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or write_corpus(Path(tmp) / "corpus.jsonl", args.n)
        began = time.perf_counter()
        articles = [a for a in (clean_document(r) for r in read([corpus])
                                if not isinstance(r, InputError))
                    if not isinstance(a, InputError)]
        clean_seconds = time.perf_counter() - began
        texts = [a.text for a in articles]
        n, words = len(texts), sum(len(t.split()) for t in texts)
        print(f"corpus: {n} articles, {words} words ({words / n:.0f} per article)")
        nlp = load_nlp()
        # Warm-up outside the timings: the model, the knowledge base and the gazetteer load once
        # per process, which a long run amortises.
        list(code_documents(islice(read([corpus]), 10)))

        stages: dict[str, float] = {}
        for workers in args.workers:
            engines = [Engine(workers=workers)]
            if args.dask:
                engines.append(Engine("dask", workers=workers))
            reference = timed(f"nlp.pipe n_process={workers}", n, words, lambda w=workers: [
                None for _ in nlp.pipe(texts, batch_size=32, n_process=w)])
            print(reference.line(None))
            for engine in engines:
                label = f"{engine.name} --workers {workers}"
                events = [0]

                def code(engine: Engine = engine, events: list[int] = events) -> None:
                    for result in code_documents(read([corpus]), engine=engine):
                        events[0] += len(result.events)

                coded = timed(f"code   {label}", n, words, code)
                print(coded.line(reference.seconds) + f"  {events[0]} events")
                db = Path(tmp) / f"{engine.name}-{workers}.duckdb"
                stored = timed(f"ingest {label}", n, words, lambda e=engine, d=db: ingest_paths(
                    [corpus], d, engine=e))
                print(stored.line(reference.seconds))
                if workers == 1 and engine.name == "local":
                    stages = {"read + clean": clean_seconds, "parse (nlp.pipe)": reference.seconds,
                              "actors + events": coded.seconds - clean_seconds - reference.seconds,
                              "store + dedup": stored.seconds - coded.seconds}
        if stages:
            total = sum(stages.values())
            print("time per stage, one process:")
            for stage, seconds in stages.items():
                print(f"  {stage:<18} {seconds:7.1f} s  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
