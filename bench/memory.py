"""Peak memory of ingest as the corpus grows: is the store-and-dedup side of a run flat?

    python bench/memory.py --sizes 5000 20000 50000 [--spacy]

For each size a generated corpus (``bench/corpus.py``) is ingested into a new store by a fresh
process, whose peak RSS is printed. By default the coder is a stand-in that finds no events, so
the figures isolate what grows with the corpus in the ingest loop itself — the story index, the
sets of known documents and articles, the store's writes (the model's memory is constant and
``bench/throughput.py`` reports it); ``--spacy`` uses the real coder (hours at 50k on 2 cores).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus import write_corpus
from faultline.model import Article, Event
from faultline.store.ingest import ingest_paths


def no_events(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """A coder that finds nothing: everything else of the run is real."""
    for article in articles:
        yield article, []


def child(corpus: Path, db: Path, spacy: bool) -> None:
    began = time.perf_counter()
    report = ingest_paths([corpus], db, coder=None if spacy else no_events)
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{report.documents:>7} documents {report.articles_new:>7} articles "
          f"{report.stories_total:>7} stories  {seconds:7.1f} s  peak RSS {peak_mb:6.0f} MB",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--spacy", action="store_true", help="use the real coder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.spacy)
        return
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_corpus(Path(tmp) / "corpus.jsonl", size)
            command = [sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "db")]
            subprocess.run(command + (["--spacy"] if args.spacy else []), check=True)


if __name__ == "__main__":
    main()
