"""Accuracy of the actor resolver on the PLOVER gold records' actors (``../shared/eval``).

Each gold actor (its text, with the record's sentence as context) is resolved and compared:
country (the gold code, ISO3 after mapping the set's older codes) and role (the gold sector,
where it has one). Actors the resolver leaves unknown count as wrong and are reported apart.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from faultline.actors import resolve_actor
from faultline.evaluation.events import EVAL_DATE, OLD_COUNTRY_CODES, Score

# Gold sectors that name a role we code (others, like "***" or empty, are not scored).
SCORED_ROLES = frozenset({"GOV", "MIL", "REB", "COP", "CVL", "OPP", "JUD", "LEG", "INS", "BUS",
                          "MED", "EDU", "REL", "SPY", "NGO", "REF", "LAB"})


@dataclass
class ActorReport:
    country: Score = field(default_factory=Score)
    role: Score = field(default_factory=Score)
    unknown: Score = field(default_factory=Score)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def rows(self) -> list[tuple[str, str]]:
        return [("country accuracy (gold has a country)", str(self.country)),
                ("role agreement (gold has a sector)", str(self.role)),
                ("left unknown (share of actors)", str(self.unknown))]


def evaluate_actors(eval_dir: Path) -> ActorReport:
    report = ActorReport()
    path = eval_dir / "plover-gsr" / "records.jsonl"
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for side in ("source", "target"):
            actors = record.get(side)
            if not isinstance(actors, list):
                continue
            for gold in actors:
                _score(report, gold, record["text"])
    return report


def _score(report: ActorReport, gold: dict, context: str) -> None:
    text = gold.get("actorText", "").strip()
    code = OLD_COUNTRY_CODES.get(gold.get("code", ""), gold.get("code", ""))
    if not text or not code:
        return
    found = resolve_actor(text, date=EVAL_DATE, context=context)
    report.unknown.add(found is None or found.code is None)
    if len(code) == 3 and code.isalpha() and code != "IGO":
        ours = found.country if found is not None else None
        report.country.add(ours == code)
        if ours != code:
            report.confusion[(code, ours or "unknown")] += 1
    sector = gold.get("sector", "")
    if sector in SCORED_ROLES:
        report.role.add(found is not None and found.role == sector)
