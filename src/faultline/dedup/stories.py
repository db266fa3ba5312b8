"""Stories: near-duplicate articles (syndicated or lightly rewritten copies) grouped by MinHash LSH.

Rule, chosen so story ids never change once given out:

- An article joins the story of its most similar earlier article, when their estimated
  Jaccard similarity is at least ``SIMILARITY_THRESHOLD`` and their publication dates are at
  most ``STORY_WINDOW_DAYS`` apart (an article without a date may match any date); of equally
  similar candidates, the smallest article id wins, so a run's result never depends on the
  order a set happens to iterate in.
- Otherwise it starts a new story whose id is derived from its own article id
  (``s-<hex of the article id>``): the first member names the story for good.
- Two existing stories are never merged; an article that resembles both joins the one
  holding its closest match. So adding articles never renumbers a story.

Candidates are the members that share one LSH band (``BANDS`` bands of ``BAND_ROWS``
signature values) with the article. The index is pure (no database) and holds whoever was
put in it: a store-less caller keeps every article, the store keeps the band keys on disk
(``band_keys``) and puts in, per batch, only the members that share a band with the batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from faultline.dedup.minhash import signature, similarity

# Two copies of one story (each with a new headline, a dropped paragraph, 5% reworded words)
# share 0.3-0.7 of their 3-word shingles; unrelated reports on one topic share under 0.05.
SIMILARITY_THRESHOLD = 0.3
# LSH finds a pair at its own threshold only half the time: query lower, then check each
# candidate's estimated similarity against SIMILARITY_THRESHOLD.
LSH_MARGIN = 0.67
# Bands x rows of the LSH index: datasketch's optimum (false positives and negatives weighed
# equally) for a 0.2 threshold over 128 permutations, the index stories were first found with.
BANDS = 28
BAND_ROWS = 2
# Copies of one wire story run within days; a similar text months later is a new story.
STORY_WINDOW_DAYS = 7
# A band of two 32-bit values is one 64-bit key; the store reads the same 8 bytes big-endian.
_KEY = np.dtype(">u8")


def story_id_for(article_id: str) -> str:
    """The id of a story first seen with ``article_id``."""
    return "s-" + article_id.removeprefix("a-")


def band_keys(sig: np.ndarray) -> np.ndarray:
    """The ``BANDS`` LSH keys of a signature: band ``b`` is signature values ``2b`` and
    ``2b+1``, their 8 little-endian bytes (as ``minhash.to_bytes`` stores them) read as one
    big-endian unsigned integer. Two signatures share a band exactly when a key is equal."""
    head = sig[:BANDS * BAND_ROWS].astype("<u4")
    return head.view(_KEY).astype(np.uint64)


@dataclass(frozen=True, slots=True)
class Membership:
    """Where an article went: its story, and the member it matched (None: a new story)."""

    story_id: str
    matched: str | None = None
    similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class _Member:
    signature: np.ndarray
    day: int | None
    story_id: str


def day_of(published: str | dt.date | None) -> dt.date | None:
    """The publication day the story window counts from (None: undated or unreadable)."""
    if published is None or isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day(published: str | dt.date | None) -> int | None:
    day = day_of(published)
    return day.toordinal() if day else None


class StoryIndex:
    """Assigns articles to stories; ``add`` is the whole API for a caller without a store."""

    def __init__(
        self, threshold: float = SIMILARITY_THRESHOLD, window_days: int = STORY_WINDOW_DAYS,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self._bands: list[dict[int, list[str]]] = [{} for _ in range(BANDS)]
        self._members: dict[str, _Member] = {}

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._members

    def story_of(self, article_id: str) -> str | None:
        member = self._members.get(article_id)
        return member.story_id if member else None

    def add(self, article_id: str, text: str, published: str | dt.date | None = None) -> str:
        """The story id of an article (adding it to the index); the same id on a repeat call."""
        return self.assign(article_id, signature(text), published).story_id

    def assign(
        self, article_id: str, sig: np.ndarray, published: str | dt.date | None = None,
    ) -> Membership:
        """Place an article with a precomputed signature (see ``minhash.signature``)."""
        known = self._members.get(article_id)
        if known is not None:
            return Membership(known.story_id, article_id)
        day = _day(published)
        best: tuple[float, str] | None = None
        for candidate in sorted(self._candidates(band_keys(sig))):
            member = self._members[candidate]
            if not self._within_window(day, member.day):
                continue
            score = similarity(sig, member.signature)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, candidate)
        if best is None:
            membership = Membership(story_id_for(article_id))
        else:
            membership = Membership(self._members[best[1]].story_id, best[1], best[0])
        self.restore(article_id, sig, published, membership.story_id)
        return membership

    def restore(
        self, article_id: str, sig: np.ndarray, published: str | dt.date | None, story_id: str,
    ) -> None:
        """Put in a member whose story is already decided (e.g. loaded from the store)."""
        if article_id in self._members:
            return
        for table, key in zip(self._bands, band_keys(sig).tolist(), strict=True):
            table.setdefault(key, []).append(article_id)
        self._members[article_id] = _Member(sig, _day(published), story_id)

    def clear(self) -> None:
        """Forget every member (the store holds them; the next batch puts in what it needs)."""
        self._bands = [{} for _ in range(BANDS)]
        self._members.clear()

    def _candidates(self, keys: np.ndarray) -> set[str]:
        found: set[str] = set()
        for table, key in zip(self._bands, keys.tolist(), strict=True):
            found.update(table.get(key, ()))
        return found

    def _within_window(self, day: int | None, other: int | None) -> bool:
        return day is None or other is None or abs(day - other) <= self.window_days
