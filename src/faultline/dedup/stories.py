"""Stories: near-duplicate articles (MinHash LSH on word shingles) inside a date window.

An article joins the story of the earliest stored article it nearly duplicates, published
within ``DATE_WINDOW_DAYS``; otherwise it opens a new story whose id derives from its own
article id. Story ids never change when more articles arrive: a later article that resembles
two stories joins the older one, and nothing is renumbered.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from faultline.model import normalise_text

# Word 5-grams: long enough that two different stories on one topic share few of them,
# short enough that a 5% word change leaves most of a copy's shingles intact.
SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard similarity above which two articles are one story. Syndicated copies with a
# new headline, dateline, a dropped paragraph and 5% changed words stay above 0.45.
SIMILARITY_THRESHOLD = 0.35
# Copies of a story appear within days; the same text a month later is a new story (anniversary,
# republication) and stays apart.
DATE_WINDOW_DAYS = 7
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise_text(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode()
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    sig = MinHash(num_perm=NUM_PERM)
    sig.update_batch(list(shingles(text)))
    return sig


@dataclass
class StoryIndex:
    """The LSH index of every article seen, with each article's story and date."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(
        threshold=SIMILARITY_THRESHOLD, num_perm=NUM_PERM))
    members: dict[str, tuple[str, dt.date | None, MinHash]] = field(default_factory=dict)
    story_first: dict[str, tuple[dt.date | None, int]] = field(default_factory=dict)

    def _close_in_time(self, a: dt.date | None, b: dt.date | None) -> bool:
        return a is None or b is None or abs((a - b).days) <= DATE_WINDOW_DAYS

    def add(self, article_id: str, text: str, published: str | dt.date | None,
            sig: MinHash | None = None, story_id: str | None = None) -> str:
        """Index an article and return its story id (``story_id`` forces a known one)."""
        if article_id in self.members:
            return self.members[article_id][0]
        sig = sig if sig is not None else signature(text)
        date = dt.date.fromisoformat(published) if isinstance(published, str) else published
        if story_id is None:
            story_id = self._story_for(sig, date) or "s-" + article_id.removeprefix("a-")
        self.lsh.insert(article_id, sig)
        self.members[article_id] = (story_id, date, sig)
        self.story_first.setdefault(story_id, (date, len(self.story_first)))
        return story_id

    def _story_for(self, sig: MinHash, date: dt.date | None) -> str | None:
        stories = []
        for other in self.lsh.query(sig):
            story_id, other_date, other_sig = self.members[other]
            if self._close_in_time(date, other_date) \
                    and sig.jaccard(other_sig) >= SIMILARITY_THRESHOLD:
                stories.append(story_id)
        # The oldest story wins, so ids stay stable as articles arrive.
        return min(stories, key=lambda s: self.story_first[s][1], default=None)

    @staticmethod
    def hashvalues(sig: MinHash) -> list[int]:
        return [int(v) for v in sig.hashvalues]

    @staticmethod
    def from_hashvalues(values: list[int]) -> MinHash:
        return MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64))
