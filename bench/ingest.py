"""Ingest overhead: the share of an ingest run not spent waiting for coded batches.

Overhead is what the driver does after coding: MinHash dedup, story assignment and DuckDB
writes (reading, hashing, skip checks and cleaning feed the coder and count as its time).
The corpus is the sample articles copied ``--copies`` times with one added closing line each
(new article ids, near-duplicate stories), written as text files in a temporary folder.

    python bench/ingest.py --copies 10
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from faultline.store.ingest import ingest_paths

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "faultline" / "data" / "sample"


def build_corpus(folder: Path, copies: int) -> int:
    sources = [p for p in sorted(SAMPLE.iterdir()) if p.suffix == ".txt"]
    for copy in range(copies):
        for path in sources:
            text = path.read_text(encoding="utf-8").rstrip()
            closing = f"\n\nThis report was filed by desk number {copy} of the bench wire.\n"
            (folder / f"{copy:03d}-{path.name}").write_text(text + closing, encoding="utf-8")
    return copies * len(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        documents = build_corpus(corpus, args.copies)
        report = ingest_paths([corpus], Path(tmp) / "bench.duckdb")
        rerun = ingest_paths([corpus], Path(tmp) / "bench.duckdb")
    print(f"documents            {documents} ({report.articles_new} new articles, "
          f"{report.events} events, {report.stories_new} stories)")
    print(f"total ingest time    {report.elapsed:.1f} s ({report.rate:.1f} documents/s)")
    print(f"read, clean, code    {report.coding_seconds:.1f} s")
    print(f"overhead share       {report.overhead_share:.1%} (dedup, stories, store writes)")
    print(f"re-run (all skipped) {rerun.elapsed:.2f} s, {rerun.articles_new} new articles")


if __name__ == "__main__":
    main()
