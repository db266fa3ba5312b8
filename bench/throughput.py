"""Throughput: end-to-end coding vs bare ``nlp.pipe`` of the same pipeline on the same articles.

    python bench/throughput.py [--repeat 20] [PATH ...]

Defaults to the bundled sample corpus repeated to make the timing stable. Prints articles/s and
words/s for the bare parse and for the full coder (clean + parse + actors + events) in one run,
and their ratio. It reports figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from faultline.clean import article_from
from faultline.errors import InputError
from faultline.geo import load_gazetteer
from faultline.ingest import read
from faultline.nlp.load import load_nlp
from faultline.pipeline import code_articles

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "faultline" / "data" / "sample"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SAMPLE)])
    parser.add_argument("--repeat", type=int, default=20, help="times to repeat the corpus")
    args = parser.parse_args()

    articles = []
    for raw in read(args.paths):
        if isinstance(raw, InputError):
            continue
        try:
            articles.append(article_from(raw))
        except InputError:
            continue
    corpus = articles * args.repeat
    words = sum(len(a.text.split()) for a in corpus)
    nlp = load_nlp()
    list(nlp.pipe(a.text for a in articles))  # warm-up, outside the timings
    start = time.perf_counter()
    load_gazetteer()  # once per process: reported apart, a long run amortises it
    gazetteer = time.perf_counter() - start

    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in corpus), batch_size=32):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(out) for _, out in code_articles(corpus) if isinstance(out, list))
    full = time.perf_counter() - start

    print(f"articles: {len(corpus)} ({len(articles)} distinct), words: {words}, events: {events}")
    print(f"bare nlp.pipe : {len(corpus) / bare:8.1f} articles/s {words / bare:9.0f} words/s")
    print(f"parse + coder : {len(corpus) / full:8.1f} articles/s {words / full:9.0f} words/s")
    print(f"coder / parse time: {full / bare:.2f} (1.00 = coding costs nothing beyond parsing)")
    print(f"gazetteer build (once per process, not in the rates): {gazetteer:.2f} s")


if __name__ == "__main__":
    main()
