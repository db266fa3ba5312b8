"""The actor knowledge base: reviewed TSV files in ``data/``, loaded once per process.

Every name the KB knows becomes an EntityRuler pattern whose ``id`` is a KB key
(``country:NER``, ``seat:USA``, ``adj:RUS``, ``igo:IGOUNO``, ``group:NGAINSBKH``,
``person:vladimir-putin``), so the resolver reads what a span is from ``ent.ent_id_``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faultline.tsv import DataFileError, package_rows, parse_rows

ISO3 = re.compile(r"^[A-Z]{3}$")
# CAMEO-style roles; ELI: former officials and other elites; HLH: health; AGR: agriculture;
# UAF: unidentified armed forces (the perpetrators of an attack nobody is named for).
ROLES = frozenset(
    "GOV MIL COP JUD LEG OPP REB INS SPY MED BUS EDU REL CVL NGO IGO REF LAB ELI HLH AGR UAF"
    .split()
)


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
    """An IGO (``country`` None) or a non-state armed group (``country`` where it acts)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Office:
    """One person holding one office for a date range (``end`` None: still in office)."""

    entity: str
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    office: str
    start: str
    end: str | None

    def holds(self, date: str | None) -> bool:
        """Whether the office is held on ``date`` (no date: the current holder)."""
        if date is None:
            return self.end is None
        return self.start <= date and (self.end is None or date < self.end)


def term_on(terms: tuple[Office, ...], date: str | None) -> Office | None:
    """The term held on ``date``; undated, the current term, else the latest one (an undated
    text naming a past leader most likely speaks of their last office)."""
    if date is not None:
        return next((t for t in terms if t.holds(date)), None)
    current = next((t for t in terms if t.end is None), None)
    return current or max(terms, key=lambda t: t.start)


Rows = Callable[[str], list[tuple[int, dict[str, str]]]]


def _package_rows(filename: str) -> list[tuple[int, dict[str, str]]]:
    return package_rows("faultline.actors", filename)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(filename: str, number: int, value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise KBError(f"{filename}:{number}: bad date {value!r}") from e


@dataclass(frozen=True, slots=True)
class Place:
    """A region or city that is not a seat of government: it names its country, never the
    government ("Darfur rebels", "a curfew in Cizre")."""

    name: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    countries: dict[str, Country]
    roles: dict[str, str]
    organisations: dict[str, Organisation]
    offices: dict[str, tuple[Office, ...]]
    places: tuple[Place, ...] = ()
    # name → every KB key it can mean, in file order (the first is the default reading)
    names: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # one-letter-deletion variants of long place names → key, for misspelt names
    near: dict[str, str | None] = field(default_factory=dict)

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler phrase patterns for every known name, keyed to the KB. A name two office
        holders share ("Bush") gets the key ``name:<name>``; the resolver picks by date."""
        patterns = []
        for alias, readings in self.names.items():
            label, key = readings[0]
            people = {k for _, k in readings if k.startswith("person:")}
            if len(people) > 1 and len(people) == len(readings):
                key = f"name:{alias}"
            patterns.append({"label": label, "pattern": alias, "id": key})
        return patterns

    def near_key(self, word: str) -> str | None:
        """The key of the one long place name ``word`` misspells by one letter, if any."""
        if len(word) < MIN_NEAR_CHARS:
            return None
        lowered = word.lower()
        found = [self.near[v] for v in (lowered, *_deletions(lowered)) if v in self.near]
        countries = {key.partition(":")[2] if key else None for key in found}
        return found[0] if len(countries) == 1 and None not in countries else None


# Misspelt names are matched only from this length: shorter ones ("Iran"/"Iraq") are too close.
MIN_NEAR_CHARS = 6


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _name_index(countries: dict[str, Country], places: tuple[Place, ...],
                orgs: dict[str, Organisation], offices: dict[str, tuple[Office, ...]]
                ) -> dict[str, tuple[tuple[str, str], ...]]:
    names: dict[str, list[tuple[str, str]]] = {}

    def add(alias: str, label: str, key: str) -> None:
        alias = re.sub(r"^the\s+", "", alias, flags=re.I)
        for variant in (alias, alias.upper()):
            readings = names.setdefault(variant, [])
            if (label, key) not in readings:
                readings.append((label, key))

    for country in countries.values():
        for alias in (country.name, *country.aliases):
            add(alias, "GPE", f"country:{country.iso3}")
        for seat in country.seats:
            add(seat, "GPE", f"seat:{country.iso3}")
        for adjective in country.adjectives:
            add(adjective, "NORP", f"adj:{country.iso3}")
            add(adjective + "s", "NORP", f"adj:{country.iso3}")
    for place in places:
        for alias in (place.name, *place.aliases):
            add(alias, "GPE", f"place:{place.country}")
    for org in orgs.values():
        for alias in (org.name, *org.aliases):
            add(alias, "ORG", f"{'igo' if org.country is None else 'group'}:{org.code}")
    for entity, terms in offices.items():
        for alias in sorted({a for term in terms for a in (term.name, *term.aliases)}):
            add(alias, "PERSON", entity)
    return {alias: tuple(readings) for alias, readings in names.items()}


def _near_index(names: dict[str, tuple[tuple[str, str], ...]]) -> dict[str, str | None]:
    """Deletion variants of single-word place names (countries, demonyms, capitals, regions);
    a variant two names share maps to None (ambiguous)."""
    near: dict[str, str | None] = {}
    for alias, readings in names.items():
        key = readings[0][1]
        if len(alias) < MIN_NEAR_CHARS or " " in alias or alias.isupper() \
                or not key.startswith(("country:", "adj:", "seat:", "place:")):
            continue
        lowered = alias.lower()
        for variant in (lowered, *_deletions(lowered)):
            other = near.get(variant, key)
            same_country = other is not None and other.partition(":")[2] == key.partition(":")[2]
            near[variant] = near.get(variant, key) if same_country else None
    return near


def _load_countries(_rows: Rows) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for number, row in _rows("countries.tsv"):
        iso3 = row["iso3"]
        if not ISO3.match(iso3) or iso3 in countries:
            raise KBError(f"countries.tsv:{number}: bad or repeated ISO3 code {iso3!r}")
        countries[iso3] = Country(iso3, row["name"], _split(row["aliases"]),
                                  _split(row["adjectives"]), _split(row["seats"]))
    return countries


def _load_roles(_rows: Rows) -> dict[str, str]:
    roles: dict[str, str] = {}
    for number, row in _rows("roles.tsv"):
        if row["role"] not in ROLES or row["word"] in roles:
            raise KBError(f"roles.tsv:{number}: unknown role or repeated word {row}")
        roles[row["word"]] = row["role"]
    return roles


def _load_organisations(_rows: Rows, countries: dict[str, Country]
                        ) -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    for number, row in _rows("igos.tsv"):
        if not row["code"].startswith(("IGO", "NGO")) or row["code"] in orgs \
                or row["role"] not in ROLES:
            raise KBError(f"igos.tsv:{number}: bad or repeated code {row['code']!r} or bad role")
        orgs[row["code"]] = Organisation(row["code"], row["name"], _split(row["aliases"]),
                                         role=row["role"])
    for number, row in _rows("groups.tsv"):
        if row["code"] in orgs or row["country"] not in countries or row["role"] not in ROLES:
            raise KBError(f"groups.tsv:{number}: repeated code, unknown country or role")
        orgs[row["code"]] = Organisation(row["code"], row["name"], _split(row["aliases"]),
                                         row["country"], row["role"])
    return orgs


def _load_offices(_rows: Rows, countries: dict[str, Country]
                  ) -> dict[str, tuple[Office, ...]]:
    offices: dict[str, list[Office]] = {}
    for number, row in _rows("people.tsv"):
        country = row["country"]
        if country not in countries and not country.startswith("IGO"):
            raise KBError(f"people.tsv:{number}: unknown country {country!r}")
        if row["role"] not in ROLES or not row["entity"].startswith("person:"):
            raise KBError(f"people.tsv:{number}: bad role or entity id")
        start = _date("people.tsv", number, row["start"])
        end = _date("people.tsv", number, row["end"]) if row["end"] else None
        if end is not None and end < start:
            raise KBError(f"people.tsv:{number}: office ends before it starts")
        office = Office(row["entity"], row["name"], _split(row["aliases"]), country, row["role"],
                        row["office"], start, end)
        for other in offices.get(office.entity, []):
            if other.office == office.office and other.start < (end or "9999") \
                    and start < (other.end or "9999"):
                raise KBError(f"people.tsv:{number}: overlaps another term of the same office")
        offices.setdefault(office.entity, []).append(office)
    return {entity: tuple(terms) for entity, terms in offices.items()}


def _load_places(_rows: Rows, countries: dict[str, Country]) -> tuple[Place, ...]:
    places = []
    for number, row in _rows("places.tsv"):
        if row["country"] not in countries or not row["name"]:
            raise KBError(f"places.tsv:{number}: unknown country {row['country']!r} or no name")
        places.append(Place(row["name"], row["country"], _split(row["aliases"])))
    return tuple(places)


@functools.cache
def load_kb() -> KnowledgeBase:
    """The knowledge base, read and checked once per process."""
    return _build(_package_rows)


def load_kb_from(folder: Path) -> KnowledgeBase:
    """A knowledge base read from another folder of the same TSV files (to check edits)."""
    def rows(filename: str) -> list[tuple[int, dict[str, str]]]:
        return parse_rows(filename, (folder / filename).read_text("utf-8"))
    return _build(rows)


def _build(rows: Rows) -> KnowledgeBase:
    countries = _load_countries(rows)
    places = _load_places(rows, countries)
    orgs = _load_organisations(rows, countries)
    offices = _load_offices(rows, countries)
    names = _name_index(countries, places, orgs, offices)
    return KnowledgeBase(countries, _load_roles(rows), orgs, offices, places, names,
                         _near_index(names))
