"""Confidence: the probability that a coded event is right, from a few transparent features.

Each feature moves a base rate (``raw_score``); the raw score is then mapped through the
calibration table ``data/calibration.tsv`` (raw-score bin → observed precision on the
development gold, fitted by ``faultline eval events --calibrate`` and made monotone by
pooling adjacent bins, so a higher raw score never gets a lower confidence). Without a table
the raw score is used.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

# Raw score components: how much each piece of evidence is worth before calibration.
BASE = 0.35
LEVEL_BONUS = 0.06           # per match level: object > preposition > bare > no prep > root
BOTH_ACTORS_BONUS = 0.15     # source and target both resolved to codes
NO_TARGET_PENALTY = 0.1      # an event without a target is harder to check
UNCODED_PENALTY = 0.1        # an actor is named but not known to the knowledge base
MODALITY_PENALTY = 0.1       # not plainly asserted
MAIN_CLAUSE_BONUS = 0.1      # the sentence's own predicate, not a subordinate or noun event
LONG_SENTENCE_WORDS = 45     # past this, parses (and so arguments) get unreliable
LONG_SENTENCE_PENALTY = 0.1
LOWEST, HIGHEST = 0.05, 0.95  # a rule-based coder is never certain either way

CALIBRATION_FILE = Path(__file__).resolve().parent / "data" / "calibration.tsv"


@dataclass(frozen=True, slots=True)
class Features:
    """What the coder knows about how an event was found."""

    level: int               # extract.MATCH_* (−1 root fallback … 3 object matched)
    source_coded: bool
    target_coded: bool
    has_target: bool
    asserted: bool
    main_clause: bool
    sentence_words: int


def reload_calibration() -> None:
    """Forget the cached table (after ``faultline eval events --calibrate`` rewrote it)."""
    _calibration.cache_clear()


@functools.cache
def _calibration() -> tuple[list[float], list[float]]:
    path = CALIBRATION_FILE
    if not path.is_file():
        return [], []
    raw, observed = [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "raw")):
            continue
        left, right = line.split("\t")[:2]
        raw.append(float(left))
        observed.append(float(right))
    return raw, observed


def raw_score(f: Features) -> float:
    score = BASE + LEVEL_BONUS * f.level
    if f.source_coded and f.target_coded:
        score += BOTH_ACTORS_BONUS
    if not f.has_target:
        score -= NO_TARGET_PENALTY
    elif not f.target_coded:
        score -= UNCODED_PENALTY
    if not f.source_coded:
        score -= UNCODED_PENALTY
    if not f.asserted:
        score -= MODALITY_PENALTY
    if f.main_clause:
        score += MAIN_CLAUSE_BONUS
    if f.sentence_words > LONG_SENTENCE_WORDS:
        score -= LONG_SENTENCE_PENALTY
    return min(max(score, LOWEST), HIGHEST)


def calibrated(score: float) -> float:
    """The observed precision of events with this raw score (step function over bins)."""
    raw, observed = _calibration()
    if not raw:
        return round(score, 2)
    index = min(bisect.bisect_right(raw, score) - 1, len(raw) - 1)
    return round(observed[max(index, 0)], 2)


def monotone(counts: list[tuple[int, int]]) -> list[float]:
    """Pool-adjacent-violators over (hits, total) per bin, in raw-score order: the observed
    precision made non-decreasing, each pooled run weighted by its events."""
    blocks: list[list[int]] = []  # [hits, total, bins]
    for hits, total in counts:
        blocks.append([hits, total, 1])
        while len(blocks) > 1 and _rate(blocks[-2]) > _rate(blocks[-1]):
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1],
                          blocks[-1][2] + last[2]]
    values: list[float] = []
    for block in blocks:
        values += [_rate(block)] * block[2]
    return values


def _rate(block: list[int]) -> float:
    return block[0] / block[1] if block[1] else 0.0
