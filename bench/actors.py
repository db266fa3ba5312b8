"""What the actor knowledge base costs: load time, start-up and coding throughput, in one run.

    python bench/actors.py [--n 60] [--runs 3]

Every figure comes from fresh processes, for two knowledge bases: the full one (our tables and
the converted Phoenix dictionaries, ~28,000 names) and our own tables only (what the coder had
before Phoenix). It prints:

- the knowledge base's load with a cold cache (read and checked from the TSV files, compiled and
  written to a new ``$FAULTLINE_CACHE``) and with a warm one (the compiled copy);
- start-up: imports, ``load_nlp()`` and a first article, lower-cased so that case restoration
  (which reads every KB name) is part of it, with a warm cache;
- articles/s of the coder (``faultline code``'s ``code_documents``, one process) on the same
  generated articles (``bench/corpus.py``), after a warm-up of a few articles.

Times are CPU seconds of the measuring process (``time.process_time``): on a machine shared
with other work, wall-clock time mostly measures the others. Each figure is the fastest of
``--runs``, the two knowledge bases alternating. It reports figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import write_corpus

# Runs in a fresh process; argv: "full" or "ours", then what to measure and its arguments.
# For "ours", the KB is built without the Phoenix tables (its own cache folder keeps the two
# compiled copies apart).
CHILD = r'''
import json, sys, time
began = time.process_time()
from faultline.actors import kb, tables
if sys.argv[1] == "ours":
    kb.build = lambda rows, *, with_phoenix, user_files=(): tables.build(
        rows, with_phoenix=False, user_files=user_files)
what = sys.argv[2]
if what == "kb":
    start = time.process_time()
    names = len(kb.load_kb().names)
    print(json.dumps({"seconds": time.process_time() - start, "names": names}))
elif what == "startup":
    from faultline.clean.repair import restore_case
    from faultline.nlp.load import load_nlp
    text = open(sys.argv[3], encoding="utf-8").read().lower()
    load_nlp()(restore_case(text)[0])
    print(json.dumps({"seconds": time.process_time() - began}))
elif what == "code":
    from itertools import islice
    from faultline.ingest import read
    from faultline.pipeline import code_documents
    corpus = sys.argv[3]
    list(code_documents(islice(read([corpus]), int(sys.argv[4]))))  # warm-up
    start = time.process_time()
    articles = events = 0
    for result in code_documents(read([corpus])):
        articles += 1
        events += len(result.events)
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds, "articles": articles, "events": events}))
'''
KINDS = ("full", "ours")
# Articles coded before the timed run: the model's and the coder's first-use costs.
WARM_UP_ARTICLES = 5
REPO = Path(__file__).resolve().parents[1]
# A lower-case article for the start-up figure (our own fictional eval text).
STARTUP_ARTICLE = REPO / "eval" / "articles" / "kenya_tax_protests.txt"


def _child(kind: str, cache: Path, *args: str) -> dict[str, float]:
    env = dict(os.environ, FAULTLINE_CACHE=str(cache))
    out = subprocess.run([sys.executable, "-c", CHILD, kind, *args], capture_output=True,
                         text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda r: r["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="generated articles to code")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (fastest kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cold: dict[str, list[dict[str, float]]] = {k: [] for k in KINDS}
        for run in range(args.runs):
            for kind in KINDS:
                cold[kind].append(_child(kind, root / f"cold-{kind}-{run}", "kb"))
        warm = {k: [_child(k, root / f"cold-{k}-0", "kb") for _ in range(args.runs)]
                for k in KINDS}
        startup: dict[str, list[dict[str, float]]] = {k: [] for k in KINDS}
        for _ in range(args.runs):
            for kind in KINDS:
                startup[kind].append(_child(kind, root / f"cold-{kind}-0", "startup",
                                            str(STARTUP_ARTICLE)))
        corpus = write_corpus(root / "corpus.jsonl", args.n)
        coded: dict[str, list[dict[str, float]]] = {k: [] for k in KINDS}
        for _ in range(args.runs):
            for kind in KINDS:
                coded[kind].append(_child(kind, root / f"cold-{kind}-0", "code", str(corpus),
                                          str(WARM_UP_ARTICLES)))

    print(f"CPU seconds, fastest of {args.runs} fresh processes each; full = our tables + "
          "Phoenix, ours = our tables only")
    print(f"{'':34} {'full':>10} {'ours':>10} {'full - ours':>12}")
    names = {k: int(cold[k][0]["names"]) for k in KINDS}
    print(f"{'KB names':34} {names['full']:>10,} {names['ours']:>10,}")
    for label, table in (("KB load, cold cache (build) s", cold), ("KB load, warm cache s", warm),
                         ("start-up: load_nlp + 1st article s", startup)):
        full, ours = _best(table["full"])["seconds"], _best(table["ours"])["seconds"]
        print(f"{label:34} {full:>10.2f} {ours:>10.2f} {full - ours:>+12.2f}")
    rate = {k: _best(coded[k])["articles"] / _best(coded[k])["seconds"] for k in KINDS}
    print(f"{'code: articles/s':34} {rate['full']:>10.2f} {rate['ours']:>10.2f} "
          f"{rate['full'] / rate['ours'] - 1:>+12.1%}")
    events = {k: int(_best(coded[k])["events"]) for k in KINDS}
    print(f"{'code: events':34} {events['full']:>10,} {events['ours']:>10,}   "
          f"({int(_best(coded['full'])['articles'])} generated articles)")


if __name__ == "__main__":
    main()
