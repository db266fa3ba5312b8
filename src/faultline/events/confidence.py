"""Confidence: the probability that a coded event is right, from a few transparent features.

Each feature moves a base rate (``raw_score``); the raw score is then mapped through the
calibration table ``data/calibration.tsv``: per context, raw-score bin → observed precision,
made monotone by pooling adjacent bins, so a higher raw score never gets a lower confidence.
Two contexts, because one score means less in a long article than in a lone sentence:
``sentence`` (a text of one paragraph) is fitted on the development sentences by ``faultline
eval events --calibrate`` (share with the right code); ``article`` (a text of several
paragraphs) on the ``fit`` half of the team's articles by ``faultline eval articles
--calibrate`` (share fully correct). Without a table the raw score is used.
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


# Calibration contexts: a text of one paragraph, a text of several.
SENTENCE, ARTICLE = "sentence", "article"
CONTEXTS = (SENTENCE, ARTICLE)
TABLE_HEADER = "context\traw\tobserved\tn"
# One fitted row: raw-score bin start, observed precision, events in the bin.
Row = tuple[float, float, int]


def reload_calibration() -> None:
    """Forget the cached table (after a ``--calibrate`` run rewrote it)."""
    _calibration.cache_clear()


def read_table(path: Path | None = None) -> dict[str, list[Row]]:
    """Context → fitted rows (of ``CALIBRATION_FILE`` by default); an unknown context or a
    malformed line raises naming it."""
    path = path or CALIBRATION_FILE
    if not path.is_file():
        return {}
    table: dict[str, list[Row]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line == TABLE_HEADER:
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[0] not in CONTEXTS:
            raise ValueError(f"{path.name}:{number}: expected {TABLE_HEADER!r} cells")
        table.setdefault(cells[0], []).append((float(cells[1]), float(cells[2]), int(cells[3])))
    return table


def table_text(table: dict[str, list[Row]], comment: str) -> str:
    """The text of ``data/calibration.tsv`` for ``table`` (contexts in their fixed order)."""
    lines = [f"# {line}" for line in comment.splitlines()] + [TABLE_HEADER]
    lines += [f"{context}\t{raw:.1f}\t{observed:.2f}\t{n}"
              for context in CONTEXTS for raw, observed, n in table.get(context, [])]
    return "\n".join(lines) + "\n"


@functools.cache
def _calibration() -> dict[str, tuple[list[float], list[float]]]:
    return {context: ([r for r, _, _ in rows], [o for _, o, _ in rows])
            for context, rows in read_table().items()}


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


def calibrated(score: float, context: str = SENTENCE) -> float:
    """The observed precision of events with this raw score in this context (step function
    over bins; the sentence table when the context has none)."""
    tables = _calibration()
    raw, observed = tables.get(context) or tables.get(SENTENCE) or ([], [])
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
