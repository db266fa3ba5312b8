"""Accuracy of the actor resolver: on the PLOVER gold records' actors (``../shared/eval``),
and on our own development set of dated mentions (``eval/actors/mentions.tsv``, per category).

Each gold actor (its text, with the record's sentence as context) is resolved and compared:
country (the gold code, where it is an ISO 3166-1 code after mapping the set's odd codes) and
role (the gold sector, where it has one we code). Actors the resolver leaves unknown count as
wrong and are reported apart.

How the gold's conventions are mapped here (never in the KB):
- codes: "JAP" → JPN, "UK" → GBR, "GER" → DEU, "ITL" → ITA, "VTN" → VNM; bare "IGO", "NGO",
  "IMG", "ISM" are not countries and are not scored for country;
- sectors: the gold writes "MED" for health workers (CAMEO's HLH) and "JRN" for the media
  (CAMEO's MED); a sector with an ethnic or religious suffix ("CVLalb", "REBHUT") is scored on
  its first three letters;
- discontinuous mentions ("Sierra Leonean ... refugees") are resolved from their first part;
- dates: every record carries the placeholder date 2000-01-01, so mentions are resolved
  undated (an office holder's current or latest office), not on that date.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from faultline.actors import resolve_actor
from faultline.actors.kb import ROLES, load_kb
from faultline.evaluation.events import Score
from faultline.model import Actor
from faultline.tsv import DataFileError, parse_rows

GOLD_COUNTRY_CODES = {"JAP": "JPN", "UK": "GBR", "GER": "DEU", "ITL": "ITA", "VTN": "VNM"}
GOLD_SECTORS = {"MED": "HLH", "JRN": "MED"}
# The gold marks a gap inside a mention with two or three dots.
ELLIPSIS = re.compile(r"\s*\.\.\.?\s*")
# Length of a CAMEO role code: "CVLalb" is scored as CVL.
ROLE_CHARS = 3


@dataclass
class ActorReport:
    country: Score = field(default_factory=Score)
    role: Score = field(default_factory=Score)
    unknown: Score = field(default_factory=Score)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    role_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def rows(self) -> list[tuple[str, str]]:
        return [("country accuracy (gold has a country)", str(self.country)),
                ("role agreement (gold has a sector)", str(self.role)),
                ("left unknown (share of actors)", str(self.unknown))]


def gold_sector(sector: str) -> str | None:
    """The gold sector as one of our roles, or None when it names none."""
    role = sector[:ROLE_CHARS].upper()
    role = GOLD_SECTORS.get(sector[:ROLE_CHARS], role)
    return role if role in ROLES else None


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
    text = ELLIPSIS.split(gold.get("actorText", ""))[0].strip()
    code = GOLD_COUNTRY_CODES.get(gold.get("code", ""), gold.get("code", ""))
    if not text or not code:
        return
    found = resolve_actor(text, date=None, context=context)
    report.unknown.add(found is None or found.code is None)
    if code in load_kb().countries:
        ours = found.country if found is not None else None
        report.country.add(ours == code)
        if ours != code:
            report.confusion[(code, ours or "unknown")] += 1
    role = gold_sector(gold.get("sector", ""))
    if role is not None:
        ours_role = found.role if found is not None else None
        report.role.add(ours_role == role)
        if ours_role != role:
            report.role_confusion[(role, ours_role or "none")] += 1


# -- our development set (eval/actors/mentions.tsv) ----------------------------------------
DEV_SET = Path(__file__).resolve().parents[3] / "eval" / "actors" / "mentions.tsv"
DEV_COLUMNS = ("category", "continent", "date", "mention", "context", "code", "country", "role")


@dataclass
class DevScores:
    """Scores of one slice of the development set."""

    country: Score = field(default_factory=Score)
    role: Score = field(default_factory=Score)
    code: Score = field(default_factory=Score)
    abstained: Score = field(default_factory=Score)  # where the gold has no code
    wrong_country: Score = field(default_factory=Score)  # a different country, not none

    def add(self, gold: dict[str, str], found: Actor | None) -> None:
        country = found.country if found is not None else None
        role = found.role if found is not None else None
        code = found.code if found is not None else None
        if gold["country"]:
            self.country.add(country == gold["country"])
            self.wrong_country.add(country is not None and country != gold["country"])
        if gold["role"]:
            self.role.add(role == gold["role"])
        if gold["code"]:
            self.code.add(code == gold["code"])
        else:
            self.abstained.add(code is None)


@dataclass
class DevReport:
    overall: DevScores = field(default_factory=DevScores)
    categories: dict[str, DevScores] = field(default_factory=dict)
    continents: dict[str, DevScores] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)


def read_dev_set(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The development set's rows; a row with the wrong columns names file and line."""
    rows = parse_rows(str(path), path.read_text("utf-8"))
    for number, row in rows:
        if tuple(row) != DEV_COLUMNS:
            raise DataFileError(f"{path}:{number}: columns must be {' '.join(DEV_COLUMNS)}")
    return rows


def evaluate_dev_set(path: Path = DEV_SET) -> DevReport:
    """Resolve every mention of the development set in its context on its date."""
    report = DevReport()
    for _, gold in read_dev_set(path):
        found = resolve_actor(gold["mention"], date=gold["date"] or None,
                              context=gold["context"] or None)
        for scores in (report.overall,
                       report.categories.setdefault(gold["category"], DevScores()),
                       report.continents.setdefault(gold["continent"], DevScores())):
            scores.add(gold, found)
        ours = found.code if found is not None else None
        if ours != (gold["code"] or None):
            report.misses.append((gold["category"], gold["mention"], gold["code"] or "—",
                                  ours or "—"))
    return report
