"""The actor knowledge base's records: countries, organisations, dated offices, places, and the
``KnowledgeBase`` that holds them with its name index (built by ``tables``, cached by ``kb``).

Every name maps to KB keys (``country:NER``, ``seat:USA``, ``adj:RUS``, ``igo:IGOUNO``,
``group:NGAINSBKH``, ``person:vladimir-putin``); the gazetteer (``faultline.actors.gazetteer``)
marks them as entities whose ``ent_id_`` is the key, so the resolver reads what a span is.
Names are compared folded (case and accents ignored, see ``fold``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from faultline.actors.gazetteer import Gazetteer, fold
from faultline.actors.words import words
from faultline.tsv import DataFileError

# CAMEO-style roles; ELI: former officials and other elites; HLH: health; AGR: agriculture;
# UAF: unidentified armed forces (the perpetrators of an attack nobody is named for); CRM:
# criminal organisations (cartels, gangs).
ROLES = words("role")


class KBError(DataFileError):
    """A broken row in a knowledge-base file; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    """An IGO or NGO (``kind`` "igo", no country), or a non-state armed group or national
    institution (``kind`` "group", ``country`` where it acts; None for regional groups)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    country: str | None = None
    role: str | None = None
    kind: str = "igo"


class Office(NamedTuple):
    """One person holding one office or status for a date range (``start`` None: since ever,
    ``end`` None: still in office). A ``default`` row (Phoenix's undated code line) holds
    when no dated row does. ``country`` is an ISO3 code or an international code (IGO...).

    A named tuple, not a frozen dataclass: the compiled knowledge base holds ~28,000 of them,
    and a tuple unpickles several times faster (start-up of every process)."""

    entity: str
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str | None
    office: str
    start: str | None
    end: str | None
    source: str = "faultline"
    default: bool = False
    stale: bool = False  # an open range the conversion closed: its end is not a known end

    def holds(self, date: str | None) -> bool:
        """Whether the office is held on ``date`` (no date: the current holder)."""
        if self.default:
            return False
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None
                                                               or date < self.end)

    @property
    def sort_start(self) -> str:
        return self.start or ""


def ex_officio(term: Office) -> bool:
    """An office held by virtue of another (France's president is Andorra's co-prince): when a
    person holds both, the other one says whose they are."""
    return term.office in EX_OFFICIO_OFFICES


def term_on(terms: tuple[Office, ...], date: str | None) -> Office | None:
    """The term held on ``date``, else the entry's default row; undated, the current term, else
    the latest one (an undated text naming a past leader most likely speaks of their last
    office). Of concurrent terms, one not held ex officio."""
    dated = [t for t in terms if not t.default]
    if date is not None:
        held = [t for t in dated if t.holds(date)]
        return min(held, key=ex_officio) if held else next(
            (t for t in terms if t.default), None)
    current = [t for t in dated if t.end is None]
    if current or not dated:
        return min(current, key=ex_officio) if current else next(
            (t for t in terms if t.default), None)
    offices = [t for t in dated if t.role != "ELI"] or dated  # an office, not the years between
    return max(offices, key=lambda t: (t.sort_start, not ex_officio(t)))


@dataclass(frozen=True, slots=True)
class Place:
    """A region or city that is not a seat of government: it names its country, never the
    government ("Darfur rebels", "a curfew in Cizre")."""

    name: str
    country: str
    aliases: tuple[str, ...]


@dataclass
class Layer:
    """The actors of one source (a user dictionary, our tables, the Phoenix tables)."""

    source: str
    organisations: dict[str, Organisation] = field(default_factory=dict)
    offices: dict[str, list[Office]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class KnowledgeBase:
    countries: dict[str, Country]
    roles: dict[str, str]
    organisations: dict[str, Organisation]
    offices: dict[str, tuple[Office, ...]]
    places: tuple[Place, ...] = ()
    # folded name → every KB key it can mean, in precedence and file order (the first is the
    # default reading)
    names: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # folded name → the name as the KB writes it first (acronyms stay upper case)
    spellings: dict[str, str] = field(default_factory=dict)
    # one-letter-deletion variants of long place names → key, for misspelt names
    near: dict[str, str | None] = field(default_factory=dict)
    # actor code → the first organisation with it ("the group" after a named group)
    by_code: dict[str, Organisation] = field(default_factory=dict)
    # (country, office) → the terms of that office ("the president" of a country on a date)
    by_office: dict[tuple[str, str], tuple[Office, ...]] = field(default_factory=dict)
    gazetteer: Gazetteer | None = None

    def readings(self, text: str) -> tuple[tuple[str, str], ...]:
        """Every (label, key) a name can mean, compared folded."""
        return self.names.get(fold(text), ())

    def gazetteer_entries(self) -> list[tuple[str, str, str]]:
        """(name as written, label, key) for every known name. A name only office holders
        share ("Bush") gets the key ``name:<folded name>``; the resolver picks by date and
        the article's countries."""
        entries = []
        for folded, readings in self.names.items():
            label, key = readings[0]
            people = {k for _, k in readings if k.startswith("person:")}
            if len(people) > 1 and len(people) == len(readings):
                key = f"name:{folded}"
            entries.append((self.spellings[folded], label, key))
        return entries

    def near_key(self, word: str) -> str | None:
        """The key of the one long place name ``word`` misspells by one letter, if any."""
        if len(word) < MIN_NEAR_CHARS:
            return None
        lowered = word.lower()
        found = [self.near[v] for v in (lowered, *deletions(lowered)) if v in self.near]
        countries = {key.partition(":")[2] if key else None for key in found}
        return found[0] if len(countries) == 1 and None not in countries else None


# Misspelt names are matched only from this length: shorter ones ("Iran"/"Iraq") are too close.
MIN_NEAR_CHARS = 6
FAULTLINE = "faultline"
PHOENIX = "phoenix"
# International codes a person's "country" column may hold instead of an ISO3 code.
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG")
# Offices held by virtue of another office (``ex_officio``).
EX_OFFICIO_OFFICES = words("ex_officio_office")


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def org_key_kind(org: Organisation) -> str:
    return "group" if org.kind == "group" else "igo"
