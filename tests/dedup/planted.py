"""Planted syndicated copies for dedup tests: fictional articles built from our own words.

Each family is an original and up to three copies run within days by other outlets (new
headline and dateline, one paragraph dropped, a few words changed); families share a topic
vocabulary, so unrelated articles look alike without being copies. Some dates are missing, and
some copies run outside the story window.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

NOUNS = ("ministers", "envoys", "traders", "farmers", "officials", "engineers", "lawmakers",
         "herders", "teachers", "police", "rebels", "judges", "unions", "drivers", "doctors")
VERBS = ("met", "argued", "agreed", "warned", "promised", "refused", "asked", "signed",
         "visited", "rejected", "praised", "questioned", "delayed", "announced", "blocked")
THINGS = ("the ferry fees", "a new bridge", "the grain tax", "border checks", "water rights",
          "the fishing zone", "a power line", "the rail link", "school fees", "a curfew",
          "the customs post", "a loan", "the harbour works", "road tolls", "the census")
PLACES = ("Kareba", "Lunso", "Mithar", "Doraba", "Velun", "Sakara", "Torvi", "Nembe", "Ostara",
          "Quilon", "Baraku", "Felmo")
START = dt.date(2024, 3, 1)
SPAN_DAYS = 40
COPIES = (0, 3)
WINDOW_BREAKER = 12   # days: a copy this late is a new story


@dataclass(frozen=True)
class Doc:
    ref: str
    family: int
    text: str
    published: str | None


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(NOUNS).capitalize()} from {rng.choice(PLACES)} {rng.choice(VERBS)} "
            f"over {rng.choice(THINGS)} on {rng.choice(('Monday', 'Tuesday', 'Friday'))}, "
            f"{rng.randint(2, 900)} people said near {rng.choice(PLACES)} after "
            f"{rng.randint(2, 40)} days of {rng.choice(('talks', 'protests', 'delays'))}.")


def _article(rng: random.Random, paragraphs: list[str], outlet: str) -> str:
    headline = f"{rng.choice(NOUNS).capitalize()} {rng.choice(VERBS)} {rng.choice(THINGS)}"
    dateline = f"{rng.choice(PLACES).upper()}, {rng.randint(1, 28)} May ({outlet}) -"
    return "\n\n".join([headline, f"{dateline} {paragraphs[0]}", *paragraphs[1:]])


def _reworded(rng: random.Random, paragraphs: list[str]) -> list[str]:
    kept = list(paragraphs)
    kept.pop(rng.randrange(1, len(kept)))
    return [" ".join(rng.choice(PLACES) if rng.random() < 0.04 else word
                     for word in para.split()) for para in kept]


def generate(families: int, seed: int = 3) -> list[Doc]:
    """``families`` originals with their copies, shuffled within a week of each other."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    for family in range(families):
        day = START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))
                      for _ in range(rng.randint(4, 7))]
        members = [(_article(rng, paragraphs, "Wire"), day)]
        for _ in range(rng.randint(*COPIES)):
            late = WINDOW_BREAKER if rng.random() < 0.1 else rng.randint(0, 3)
            members.append((_article(rng, _reworded(rng, paragraphs), "Copy"),
                            day + dt.timedelta(days=late)))
        for text, published in members:
            undated = rng.random() < 0.05
            docs.append(Doc("", family, text, None if undated else published.isoformat()))
    # Members of a family arrive spread among the next few families, in any order.
    order = sorted(range(len(docs)), key=lambda i: (docs[i].family + rng.random() * 6, i))
    return [Doc(f"d{n:05d}", docs[i].family, docs[i].text, docs[i].published)
            for n, i in enumerate(order)]


def write_jsonl(docs: list[Doc], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            row = {"id": doc.ref, "text": doc.text}
            if doc.published:
                row["published"] = doc.published
            out.write(json.dumps(row) + "\n")
    return path
