"""Dedup benchmark: planted near-duplicate families → pairwise precision/recall, time, memory.

Each family is a base article plus copies that get a new headline, a new dateline, one
paragraph dropped and 5% of their words replaced. Unrelated articles share a topic vocabulary
and stock phrases, so precision is tested on texts that look alike without being copies.

    python bench/dedup.py --n 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import resource
import time
from collections import Counter
from dataclasses import dataclass

from faultline.dedup.stories import StoryIndex

SYLLABLES = ("ka", "lo", "mi", "ra", "te", "nu", "so", "vi", "de", "pa", "ri", "go", "ba", "fe",
             "zu", "ho", "li", "ne", "ta", "mo", "si", "ku", "we", "da")
VOCABULARY = 20_000
TOPICS = 40
TOPIC_WORDS = 60
STOCK_PHRASES = 12
PARAGRAPHS = 6
SENTENCES = 3
SENTENCE_WORDS = (12, 22)
TOPIC_SHARE = 0.3          # a third of the words of an article come from its topic
FAMILY_SHARE = 0.3         # share of base articles that get copies
COPIES = (1, 4)
CHANGED_WORDS = 0.05
SPAN_DAYS = 90


@dataclass(frozen=True)
class Doc:
    ref: str
    family: int
    text: str
    published: str


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = [_word(self.rng) for _ in range(VOCABULARY)]
        weights = [1 / (rank + 1) for rank in range(VOCABULARY)]  # Zipf-like
        self.cum_weights = list(itertools.accumulate(weights))
        self.topics = [
            ([_word(self.rng) for _ in range(TOPIC_WORDS)],
             [" ".join(_word(self.rng) for _ in range(8)) for _ in range(STOCK_PHRASES)])
            for _ in range(TOPICS)
        ]

    def words(self, n: int, topic: list[str]) -> list[str]:
        common = self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n)
        return [self.rng.choice(topic) if self.rng.random() < TOPIC_SHARE else w for w in common]

    def article(self) -> tuple[str, str, list[str]]:
        words, phrases = self.rng.choice(self.topics)
        headline = " ".join(self.words(8, words)).capitalize()
        dateline = f"{_word(self.rng).upper()}, {self.rng.randint(1, 28)} May ({_word(self.rng)}) -"
        paragraphs = []
        for _ in range(PARAGRAPHS):
            sentences = [" ".join(self.words(self.rng.randint(*SENTENCE_WORDS), words)) + "."
                         for _ in range(SENTENCES)]
            sentences.insert(self.rng.randrange(SENTENCES + 1), self.rng.choice(phrases) + ".")
            paragraphs.append(" ".join(sentences))
        return headline, dateline, paragraphs

    def copy(self, paragraphs: list[str]) -> tuple[str, str, list[str]]:
        headline, dateline, _ = self.article()
        kept = list(paragraphs)
        kept.pop(self.rng.randrange(len(kept)))
        reworded = []
        for para in kept:
            tokens = para.split()
            for i in range(len(tokens)):
                if self.rng.random() < CHANGED_WORDS:
                    tokens[i] = _word(self.rng)
            reworded.append(" ".join(tokens))
        return headline, dateline, reworded


def generate(n: int, seed: int = 7) -> list[Doc]:
    corpus = Corpus(seed)
    rng = corpus.rng
    start = dt.date(2024, 1, 1)
    docs: list[Doc] = []
    family = 0
    while len(docs) < n:
        day = start + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        headline, dateline, paragraphs = corpus.article()
        members = [(headline, dateline, paragraphs)]
        if rng.random() < FAMILY_SHARE:
            members += [corpus.copy(paragraphs) for _ in range(rng.randint(*COPIES))]
        for i, (head, line, paras) in enumerate(members):
            published = (day + dt.timedelta(days=rng.randint(0, 3) if i else 0)).isoformat()
            text = "\n\n".join([head, f"{line} {paras[0]}", *paras[1:]])
            docs.append(Doc(f"d{len(docs)}", family, text, published))
        family += 1
    docs = docs[:n]
    rng.shuffle(docs)
    return docs


def _pairs(counts: Counter[object]) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def score(docs: list[Doc], stories: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the stories against the planted families."""
    truth = _pairs(Counter(d.family for d in docs))
    predicted = _pairs(Counter(stories[d.ref] for d in docs))
    correct = _pairs(Counter((stories[d.ref], d.family) for d in docs))
    precision = correct / predicted if predicted else 1.0
    recall = correct / truth if truth else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = generate(args.n, args.seed)
    index = StoryIndex()
    began = time.perf_counter()
    stories = {d.ref: index.add(d.ref, d.text, d.published) for d in docs}
    elapsed = time.perf_counter() - began
    precision, recall = score(docs, stories)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles          {args.n}")
    families, found = len({d.family for d in docs}), len(set(stories.values()))
    print(f"families planted  {families}, stories found {found}")
    print(f"pairwise precision {precision:.4f}  recall {recall:.4f}")
    print(f"time              {elapsed:.1f} s ({args.n / elapsed:.0f} articles/s)")
    print(f"peak memory (RSS) {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
