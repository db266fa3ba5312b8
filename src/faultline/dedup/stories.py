"""Stories: near-duplicate articles (syndicated or lightly rewritten copies) grouped by MinHash LSH.

Rule, chosen so story ids never change once given out:

- An article joins the story of its most similar earlier article, when their estimated
  Jaccard similarity is at least ``SIMILARITY_THRESHOLD`` and their publication dates are at
  most ``STORY_WINDOW_DAYS`` apart (an article without a date may match any date).
- Otherwise it starts a new story whose id is derived from its own article id
  (``s-<hex of the article id>``): the first member names the story for good.
- Two existing stories are never merged; an article that resembles both joins the one
  holding its closest match. So adding articles never renumbers a story.

The index is pure (no database): ``restore`` re-inserts persisted members so a later run's
articles join stories found by an earlier one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from faultline.dedup.minhash import NUM_PERM, SEED, signature, similarity

# Two copies of one story (each with a new headline, a dropped paragraph, 5% reworded words)
# share 0.3-0.7 of their 3-word shingles; unrelated reports on one topic share under 0.05.
SIMILARITY_THRESHOLD = 0.3
# LSH finds a pair at its own threshold only half the time: query lower, then check each
# candidate's estimated similarity against SIMILARITY_THRESHOLD.
LSH_MARGIN = 0.67
# Copies of one wire story run within days; a similar text months later is a new story.
STORY_WINDOW_DAYS = 7


def story_id_for(article_id: str) -> str:
    """The id of a story first seen with ``article_id``."""
    return "s-" + article_id.removeprefix("a-")


@dataclass(frozen=True, slots=True)
class Membership:
    """Where an article went: its story, and the member it matched (None: a new story)."""

    story_id: str
    matched: str | None = None
    similarity: float = 1.0


def _lean(sig: np.ndarray) -> LeanMinHash:
    # "legacy" is datasketch's name for the (a*h + b) mod p scheme minhash.signature uses.
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme="legacy")


def _day(published: str | dt.date | None) -> int | None:
    if published is None:
        return None
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return published.toordinal()


class StoryIndex:
    """Assigns articles to stories; ``add`` is the whole API for a caller without a store."""

    def __init__(
        self, threshold: float = SIMILARITY_THRESHOLD, window_days: int = STORY_WINDOW_DAYS,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self._lsh = MinHashLSH(threshold=threshold * LSH_MARGIN, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._days: dict[str, int | None] = {}
        self._stories: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._stories

    def story_of(self, article_id: str) -> str | None:
        return self._stories.get(article_id)

    def add(self, article_id: str, text: str, published: str | dt.date | None = None) -> str:
        """The story id of an article (adding it to the index); the same id on a repeat call."""
        return self.assign(article_id, signature(text), published).story_id

    def assign(
        self, article_id: str, sig: np.ndarray, published: str | dt.date | None = None,
    ) -> Membership:
        """Place an article with a precomputed signature (see ``minhash.signature``)."""
        known = self._stories.get(article_id)
        if known is not None:
            return Membership(known, article_id)
        day = _day(published)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(_lean(sig)):
            if not self._within_window(day, self._days[candidate]):
                continue
            score = similarity(sig, self._signatures[candidate])
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, candidate)
        if best is None:
            membership = Membership(story_id_for(article_id))
        else:
            membership = Membership(self._stories[best[1]], best[1], best[0])
        self.restore(article_id, sig, published, membership.story_id)
        return membership

    def restore(
        self, article_id: str, sig: np.ndarray, published: str | dt.date | None, story_id: str,
    ) -> None:
        """Re-insert a member whose story is already decided (e.g. loaded from the store)."""
        if article_id in self._stories:
            return
        self._lsh.insert(article_id, _lean(sig),
                         check_duplication=False)
        self._signatures[article_id] = sig
        self._days[article_id] = _day(published)
        self._stories[article_id] = story_id

    def _within_window(self, day: int | None, other: int | None) -> bool:
        return day is None or other is None or abs(day - other) <= self.window_days
