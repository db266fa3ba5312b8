"""Confidence: the probability that a coded event is right, from a few transparent features.

Each feature moves a base rate; the result is mapped through the calibration table in
``data/calibration.tsv`` (raw score → observed precision on the development gold, made by
``faultline eval events --calibrate``). Without a table row the raw score is used.
"""

from __future__ import annotations

import bisect
import functools
from pathlib import Path

# Raw score components: how much each piece of evidence is worth before calibration.
BASE = 0.45
SPECIFICITY_BONUS = 0.1      # per level: object-constrained > preposition > bare lemma
BOTH_ACTORS_BONUS = 0.15     # source and target both resolved to codes
NO_TARGET_PENALTY = 0.1      # an event without a target is harder to check
MODALITY_PENALTY = 0.1       # not plainly asserted
LONG_SENTENCE_WORDS = 45     # past this, parses (and so arguments) get unreliable
LONG_SENTENCE_PENALTY = 0.1


CALIBRATION_FILE = Path(__file__).resolve().parent / "data" / "calibration.tsv"


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


def raw_score(specificity: int, source_coded: bool, target_coded: bool, has_target: bool,
              asserted: bool, sentence_words: int) -> float:
    score = BASE + SPECIFICITY_BONUS * specificity
    if source_coded and target_coded:
        score += BOTH_ACTORS_BONUS
    if not has_target:
        score -= NO_TARGET_PENALTY
    if not asserted:
        score -= MODALITY_PENALTY
    if sentence_words > LONG_SENTENCE_WORDS:
        score -= LONG_SENTENCE_PENALTY
    return min(max(score, 0.05), 0.95)


def calibrated(score: float) -> float:
    """The observed precision of events with this raw score (step function over bins)."""
    raw, observed = _calibration()
    if not raw:
        return round(score, 2)
    index = min(bisect.bisect_right(raw, score) - 1, len(raw) - 1)
    return round(observed[max(index, 0)], 2)
