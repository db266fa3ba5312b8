"""The wild-shapes corpus, measured: per shape, articles lost and events kept of the clean
version's (see ``tests/wild/shapes.py`` for the shapes; the CI gate is tests/wild).

    python bench/wild_shapes.py            # every sample and test article (one of them long)
    python bench/wild_shapes.py --limit 3  # three of each folder
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package, as pytest

from tests.wild.shapes import LONG_WORDS, SHAPES, bases, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="articles per folder")
    parser.add_argument("--long-words", type=int, default=LONG_WORDS,
                        help="words of the long shape")
    parser.add_argument("--long-articles", type=int, default=1,
                        help="articles coded in the long shape (it takes minutes each)")
    args = parser.parse_args()
    corpus = bases(args.limit)
    began = time.perf_counter()
    shapes = tuple(s for s in SHAPES if s not in ("clean", "long"))
    scores = score(corpus, shapes)
    scores.update(score(corpus[:args.long_articles], ("long",), args.long_words))
    print(f"{len(corpus)} articles x {len(shapes)} shapes ({time.perf_counter() - began:.0f} s)")
    print(f"{'shape':<11}{'docs':>6}{'lost':>6}{'clean events':>14}{'found':>7}{'recall':>8}"
          f"{'extra':>7}")
    for shape, card in scores.items():
        print(f"{shape:<11}{card.documents:>6}{len(card.lost):>6}{card.clean_events:>14}"
              f"{card.found:>7}{card.recall:>8.2f}{card.extra:>7}")
    lost = sum(len(c.lost) for c in scores.values())
    print(f"articles lost: {lost}")
    for card in scores.values():
        for line in card.lost:
            print("  ", line)


if __name__ == "__main__":
    main()
