"""Accuracy of the event coder on the development gold data (``../shared/eval``).

Two sets: the CAMEO manual's example sentences (one per code: is the code found, at root and
3-digit level) and the PLOVER gold-standard records (event found, PLOVER type, quad class,
source and target country). For each sentence the coder's most confident event that it
reports as having happened (not negated, not hypothetical) is compared with the gold; the
choice never looks at the gold. One-sided events take part (the sentence sets measure coding,
and many gold records name one side only); how many of the found events are also counted
(both sides coded) is reported on its own line.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from faultline.events import confidence
from faultline.events.codebook import load_codebook
from faultline.model import Event, RawDocument
from faultline.pipeline import code_documents

# The gold set uses type names that PLOVER later merged or renamed (see its SOURCE.md).
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                    "FIGHT": "ASSAULT"}
# Gold actor codes that are not ISO3 (older CAMEO habits) and what they mean.
OLD_COUNTRY_CODES = {"JAP": "JPN", "UK": "GBR", "GER": "DEU"}
EVAL_DATE = "2000-01-01"
# Fewer gold events than this in a confidence bin say nothing about its precision.
MIN_EVENTS_PER_BIN = 10  # the gold records' own (placeholder) date
QUAD_OF_PLOVER = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2,
                  "AID": 2, "RETREAT": 2, "REQUEST": 1, "ACCUSE": 3, "REJECT": 3,
                  "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4,
                  "ASSAULT": 4}


@dataclass
class Score:
    """A ratio with its counts, printed as 0.00 (n/N)."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.2f} ({self.hits}/{self.total})"


@dataclass
class RootScores:
    """The CAMEO examples of one gold root: event found, and of those found the right root and
    the right 3-digit code (shows which roots a lexicon change helps or hurts)."""

    found: Score = field(default_factory=Score)
    root: Score = field(default_factory=Score)
    digit3: Score = field(default_factory=Score)


@dataclass
class EventReport:
    cameo_found: Score = field(default_factory=Score)
    cameo_root: Score = field(default_factory=Score)
    cameo_3digit: Score = field(default_factory=Score)
    plover_found: Score = field(default_factory=Score)
    plover_type: Score = field(default_factory=Score)
    quad_class: Score = field(default_factory=Score)
    source_country: Score = field(default_factory=Score)
    target_country: Score = field(default_factory=Score)
    cameo_counted: Score = field(default_factory=Score)
    plover_counted: Score = field(default_factory=Score)
    root_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    reliability: dict[int, Score] = field(default_factory=dict)
    per_root: dict[str, RootScores] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("CAMEO examples: event found", str(self.cameo_found)),
            ("CAMEO examples: root code accuracy (of found)", str(self.cameo_root)),
            ("CAMEO examples: 3-digit accuracy (of found)", str(self.cameo_3digit)),
            ("PLOVER GSR: event found", str(self.plover_found)),
            ("PLOVER GSR: PLOVER type accuracy (of found)", str(self.plover_type)),
            ("PLOVER GSR: quad class accuracy (of found)", str(self.quad_class)),
            ("PLOVER GSR: source country (of found, gold has one)", str(self.source_country)),
            ("PLOVER GSR: target country (of found, gold has one)", str(self.target_country)),
            ("CAMEO examples: found and counted (both sides coded)", str(self.cameo_counted)),
            ("PLOVER GSR: found and counted (both sides coded)", str(self.plover_counted)),
            ("expected calibration error", f"{self.ece:.3f}"),
        ]

    @property
    def ece(self) -> float:
        return expected_calibration_error(self.reliability)

    def to_markdown(self) -> str:
        lines = ["| measure | value |", "| --- | --- |"]
        lines += [f"| {name} | {value} |" for name, value in self.rows()]
        lines += ["", "| confidence bin | observed precision |", "| --- | --- |"]
        lines += [f"| {b / 10:.1f}–{(b + 1) / 10:.1f} | {s} |"
                  for b, s in sorted(self.reliability.items())]
        lines += ["", "| gold root | coded root | count |", "| --- | --- | --- |"]
        lines += [f"| {g} | {c} | {n} |" for (g, c), n in self.errors().most_common(15)]
        lines += ["", "| gold root | found | right root (of found) | 3-digit (of found) |",
                  "| --- | --- | --- | --- |"]
        lines += [f"| {root} | {s.found} | {s.root} | {s.digit3} |"
                  for root, s in sorted(self.per_root.items())]
        lines += ["", self.confusion_matrix()]
        return "\n".join(lines) + "\n"

    def errors(self) -> Counter[tuple[str, str]]:
        """Root confusions only (gold root ≠ coded root), for the most-frequent list."""
        return Counter({k: n for k, n in self.root_confusion.items() if k[0] != k[1]})

    def confusion_matrix(self) -> str:
        """Gold root (rows) × coded root (columns) on the CAMEO examples, as Markdown."""
        roots = [f"{n:02d}" for n in range(1, 21)]
        head = "| gold \\ coded | " + " | ".join(roots) + " |"
        rule = "| --- " * (len(roots) + 1) + "|"
        rows = [f"| {g} | " + " | ".join(str(self.root_confusion.get((g, c), "") or "")
                                         for c in roots) + " |" for g in roots]
        return "\n".join([head, rule, *rows])


def _best(events: Iterable[Event]) -> Event | None:
    happened = [e for e in events if not e.negated and e.modality != "hypothetical"]
    return max(happened, key=lambda e: e.confidence, default=None)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _countries(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    codes = {OLD_COUNTRY_CODES.get(a.get("code", ""), a.get("code", "")) for a in actors}
    return {c for c in codes if len(c) == 3 and c.isalpha() and c != "IGO"}


def _coded(rows: list[dict]) -> list[list[Event]]:
    """Events per gold sentence, parsed in batches; an unusable sentence has none."""
    raws = [RawDocument(f"gold#{i}", row["text"]) for i, row in enumerate(rows)]
    return [result.events for result in code_documents(raws, date=EVAL_DATE)]


def _reliability(report: EventReport, event: Event, correct: bool) -> None:
    bin_ = min(int(event.confidence * 10), 9)
    report.reliability.setdefault(bin_, Score()).add(correct)


def evaluate_events(eval_dir: Path) -> EventReport:
    """Run the coder on both gold sets under ``eval_dir`` and score it."""
    return _evaluate(eval_dir, EventReport())


def _evaluate(eval_dir: Path, report: EventReport) -> EventReport:
    book = load_codebook()
    examples = _jsonl(eval_dir / "cameo" / "examples.jsonl")
    for row, events in zip(examples, _coded(examples), strict=True):
        best = _best(events)
        per_root = report.per_root.setdefault(row["root"], RootScores())
        report.cameo_found.add(best is not None)
        per_root.found.add(best is not None)
        report.cameo_counted.add(best is not None and best.counted)
        if best is None:
            continue
        root_ok = best.cameo_root == row["root"]
        digit3_ok = best.cameo[:3] == row["code"][:3]
        report.cameo_root.add(root_ok)
        report.cameo_3digit.add(digit3_ok)
        per_root.root.add(root_ok)
        per_root.digit3.add(digit3_ok)
        report.root_confusion[(row["root"], best.cameo_root)] += 1
        _reliability(report, best, root_ok)
    records = _jsonl(eval_dir / "plover-gsr" / "records.jsonl")
    for row, events in zip(records, _coded(records), strict=True):
        best = _best(events)
        report.plover_found.add(best is not None)
        report.plover_counted.add(best is not None and best.counted)
        if best is None:
            continue
        gold = OLD_PLOVER_TYPES.get(row["event"], row["event"])
        type_ok = book[best.cameo].plover == gold
        report.plover_type.add(type_ok)
        report.quad_class.add(best.quad_class == QUAD_OF_PLOVER.get(gold))
        _reliability(report, best, type_ok)
        sources, targets = _countries(row.get("source")), _countries(row.get("target"))
        if sources:
            report.source_country.add(bool(best.source and best.source.country in sources))
        if targets:
            report.target_country.add(bool(best.target and best.target.country in targets))
    return report


def expected_calibration_error(reliability: dict[int, Score]) -> float:
    """Mean gap between a confidence tenth's middle and the share right in it, weighted by
    its events."""
    total = sum(s.total for s in reliability.values())
    if not total:
        return 0.0
    return sum(abs(s.value - (b + 0.5) / 10) * s.total for b, s in reliability.items()) / total


TABLE_COMMENT = """Raw confidence score (bin start) -> observed precision, per context (monotone:
pooled adjacent violators). sentence: on ../shared/eval, `faultline eval events --calibrate`;
article: on the fit half of eval/articles, `faultline eval articles --calibrate`."""


def calibration_rows(reliability: dict[int, Score]) -> list[confidence.Row]:
    """Fitted rows of one context: raw-score bin start → observed precision in that bin.

    Bins with enough events are made monotone (pool adjacent violators); a bin with too few
    events to say anything takes the value of the nearest fitted bin below it (above it
    when there is none below), or its own raw score when no bin is fitted.
    """
    fitted = [b for b in range(10)
              if (s := reliability.get(b)) is not None and s.total >= MIN_EVENTS_PER_BIN]
    values = dict(zip(fitted, confidence.monotone(
        [(reliability[b].hits, reliability[b].total) for b in fitted]), strict=True))
    rows = []
    for bin_ in range(10):
        below = [b for b in fitted if b <= bin_]
        above = [b for b in fitted if b > bin_]
        nearest = below[-1] if below else (above[0] if above else None)
        observed = values[nearest] if nearest is not None else (bin_ + 0.5) / 10
        n = reliability[bin_].total if bin_ in reliability else 0
        rows.append((bin_ / 10, observed, n))
    return rows


def refit(context: str, measure: Callable[[], dict[int, Score]]) -> None:
    """Refit one context of ``events/data/calibration.tsv``, keeping the others: its rows are
    first reset to the identity, so ``measure`` sees raw scores, then rewritten with the
    observed precision per bin."""
    path = confidence.CALIBRATION_FILE
    table = confidence.read_table(path)
    table[context] = calibration_rows({})
    path.write_text(confidence.table_text(table, TABLE_COMMENT), encoding="utf-8")
    confidence.reload_calibration()
    table[context] = calibration_rows(measure())
    path.write_text(confidence.table_text(table, TABLE_COMMENT), encoding="utf-8")
    confidence.reload_calibration()


def fit_calibration(eval_dir: Path) -> None:
    """Refit the ``sentence`` context of the calibration table on the development gold."""
    refit(confidence.SENTENCE, lambda: evaluate_events(eval_dir).reliability)
