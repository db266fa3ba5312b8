"""Story assignments of two Faultline source trees on the planted corpus of ``dedup.py``.

    git archive a904150 src | tar -x -C /tmp/old    # the version to compare with
    python stories_compare.py --old /tmp/old/src --n 20000

Each tree's ``StoryIndex`` places the same articles in the same order (one process each, as a
run would); the script prints each tree's time, the articles whose story differs, and for each
the similarity of its best match in either story, so a difference that is a tie shows as one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from dedup import generate
from faultline.dedup.minhash import signature, similarity

HERE = Path(__file__).resolve().parent
NEW_SRC = HERE.parent / "src"
# Run in a child with the tree's ``src`` first on the path: its StoryIndex, this folder's corpus.
CHILD = """
import json, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from dedup import generate
from faultline.dedup.stories import StoryIndex
docs = generate(int(sys.argv[3]))
index = StoryIndex()
began = time.perf_counter()
stories = {d.ref: index.add(d.ref, d.text, d.published) for d in docs}
json.dump({"seconds": time.perf_counter() - began, "stories": stories}, sys.stdout)
"""


def assign(src: Path, n: int) -> tuple[float, dict[str, str]]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(src), str(HERE), str(n)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    return result["seconds"], result["stories"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--n", type=int, default=20_000, help="number of articles")
    args = parser.parse_args()
    old_seconds, old = assign(args.old, args.n)
    new_seconds, new = assign(NEW_SRC, args.n)
    print(f"articles {args.n}: old {old_seconds:.1f} s, {len(set(old.values()))} stories; "
          f"new {new_seconds:.1f} s, {len(set(new.values()))} stories")
    differing = [ref for ref in old if old[ref] != new[ref]]
    print(f"articles whose story differs: {len(differing)}")
    docs = {d.ref: d for d in generate(args.n)}
    for ref in differing:
        sig = signature(docs[ref].text)
        best = {}
        for name, stories in (("old", old), ("new", new)):
            members = [r for r, s in stories.items() if s == stories[ref] and r != ref]
            best[name] = max((similarity(sig, signature(docs[r].text)) for r in members),
                             default=0.0)
        print(f"  {ref}: old {old[ref]} (best match {best['old']:.4f}), "
              f"new {new[ref]} (best match {best['new']:.4f})"
              + (" - a tie" if best["old"] == best["new"] else ""))


if __name__ == "__main__":
    main()
