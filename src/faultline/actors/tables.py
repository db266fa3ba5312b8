"""Reading the knowledge base's TSV tables into layers (user dictionaries, ours, Phoenix) and
building the ``KnowledgeBase``: a name or a person a higher layer defines hides the lower
layers' readings of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from faultline.actors.gazetteer import Gazetteer, fold
from faultline.actors.records import (
    FAULTLINE,
    INTERNATIONAL_PREFIXES,
    MIN_NEAR_CHARS,
    PHOENIX,
    ROLES,
    Country,
    KBError,
    KnowledgeBase,
    Layer,
    Office,
    Organisation,
    Place,
    deletions,
    org_key_kind,
)
from faultline.actors.user import read_user_dictionary

ISO3 = re.compile(r"^[A-Z]{3}$")
Rows = Callable[[str], list[tuple[int, dict[str, str]]]]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(filename: str, number: int, value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise KBError(f"{filename}:{number}: bad date {value!r}") from e


class _NameIndex:
    """Names → readings, built source by source: a name a higher source gave is not read
    from a lower one."""

    def __init__(self) -> None:
        self.names: dict[str, list[tuple[str, str]]] = {}
        self.spellings: dict[str, str] = {}
        self.source_of: dict[str, str] = {}

    def add(self, alias: str, label: str, key: str, source: str) -> None:
        alias = re.sub(r"^the\s+", "", alias.strip(), flags=re.I)
        folded = fold(alias)
        if not folded or self.source_of.setdefault(folded, source) != source:
            return
        self.spellings.setdefault(folded, alias)
        readings = self.names.setdefault(folded, [])
        if (label, key) not in readings:
            readings.append((label, key))

    def add_layer(self, layer: Layer) -> None:
        for place in layer.places:
            for alias in (place.name, *place.aliases):
                self.add(alias, "GPE", f"place:{place.country}", layer.source)
        for org_id, org in layer.organisations.items():
            for alias in (org.name, *org.aliases):
                self.add(alias, "ORG", f"{org_key_kind(org)}:{org_id}", layer.source)
        for entity, terms in layer.offices.items():
            for alias in sorted({a for term in terms for a in (term.name, *term.aliases)}):
                self.add(alias, "PERSON", entity, layer.source)


def _country_names(index: _NameIndex, countries: dict[str, Country]) -> None:
    for country in countries.values():
        for alias in (country.name, *country.aliases):
            index.add(alias, "GPE", f"country:{country.iso3}", FAULTLINE)
        for seat in country.seats:
            index.add(seat, "GPE", f"seat:{country.iso3}", FAULTLINE)
        for adjective in country.adjectives:
            index.add(adjective, "NORP", f"adj:{country.iso3}", FAULTLINE)
            index.add(adjective + "s", "NORP", f"adj:{country.iso3}", FAULTLINE)


def _near_index(names: dict[str, tuple[tuple[str, str], ...]], ours: Iterable[str]
                ) -> dict[str, str | None]:
    """Deletion variants of our single-word place names (countries, demonyms, capitals,
    regions); a variant two names share maps to None (ambiguous)."""
    near: dict[str, str | None] = {}
    for spelled in ours:
        alias = fold(spelled)
        readings = names.get(alias)
        if not readings:
            continue
        key = readings[0][1]
        if len(alias) < MIN_NEAR_CHARS or " " in alias or spelled.isupper() \
                or not key.startswith(("country:", "adj:", "seat:", "place:")):
            continue
        for variant in (alias, *deletions(alias)):
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


def _load_roles(_rows: Rows, filename: str, layer: Layer) -> None:
    for number, row in _rows(filename):
        if row["role"] not in ROLES or row["word"] in layer.roles:
            raise KBError(f"{filename}:{number}: unknown role or repeated word {row}")
        layer.roles[row["word"]] = row["role"]


def _load_organisations(_rows: Rows, countries: dict[str, Country], layer: Layer) -> None:
    orgs = layer.organisations
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
                                         row["country"], row["role"], "group")


def load_fixed_actors(_rows: Rows, filename: str, countries: dict[str, Country],
                      layer: Layer) -> None:
    """Rows of a converted or user organisations table (``code name aliases country role kind
    id``): actors whose code does not change with the date."""
    for number, row in _rows(filename):
        country = row["country"] or None
        if (country is not None and country not in countries) or row["role"] not in ROLES \
                or row["kind"] not in {"igo", "ngo", "group", "national"}:
            raise KBError(f"{filename}:{number}: unknown country, role or kind")
        org_id = row.get("id") or row["code"]
        if org_id in layer.organisations:
            raise KBError(f"{filename}:{number}: repeated id {org_id!r}")
        kind = "group" if row["kind"] in {"group", "national"} else "igo"
        layer.organisations[org_id] = Organisation(row["code"], row["name"],
                                                   _split(row["aliases"]), country,
                                                   row["role"], kind)


# Dated heads of state and government, foreign and defence ministers of every UN member from
# 2000 on, one file per region; their ``post`` column (HOS, HOG, FM, DM) says which of the
# four posts a term fills, whatever the office is called there.
LEADER_FILES = tuple(f"leaders/{region}.tsv"
                     for region in ("africa", "americas", "asia", "europe", "oceania"))
POSTS = frozenset({"HOS", "HOG", "FM", "DM"})


def load_offices(_rows: Rows, filename: str, countries: dict[str, Country], layer: Layer,
                 hidden: Iterable[str] = ()) -> None:
    """Rows of a people table (``entity name aliases country role office|code start end``;
    Phoenix tables add ``status``); entities in ``hidden`` (defined by a higher source)
    are skipped."""
    skip = set(hidden)
    offices = layer.offices
    for number, row in _rows(filename):
        country = row["country"]  # ISO3, an international code, or a group's code
        if country[:3] not in countries and not country.startswith(INTERNATIONAL_PREFIXES):
            raise KBError(f"{filename}:{number}: unknown country {country!r}")
        if (row["role"] and row["role"] not in ROLES) or not row["entity"].startswith("person:"):
            raise KBError(f"{filename}:{number}: bad role or entity id")
        if not set(_split(row.get("post", ""))) <= POSTS:
            raise KBError(f"{filename}:{number}: post must be among {sorted(POSTS)}")
        if row["entity"] in skip:
            continue
        start = _date(filename, number, row["start"]) if row["start"] else None
        end = _date(filename, number, row["end"]) if row["end"] else None
        if start is None and layer.source == FAULTLINE:
            raise KBError(f"{filename}:{number}: an office needs a start date")
        if end is not None and start is not None and end < start:
            raise KBError(f"{filename}:{number}: office ends before it starts")
        office = Office(row["entity"], row["name"], _split(row["aliases"]), country,
                        row["role"] or None, row.get("office", ""), start, end, layer.source,
                        row.get("status") == "default", row.get("status") == "stale")
        for other in offices.get(office.entity, []):
            if office.office and other.office == office.office \
                    and (other.start or "") < (end or "9999") \
                    and (start or "") < (other.end or "9999"):
                raise KBError(f"{filename}:{number}: overlaps another term of the same office")
        offices.setdefault(office.entity, []).append(office)


def _load_places(_rows: Rows, filename: str, countries: dict[str, Country],
                 layer: Layer) -> None:
    for number, row in _rows(filename):
        if row["country"] not in countries or not row["name"]:
            raise KBError(f"{filename}:{number}: unknown country {row['country']!r} or no name")
        layer.places.append(Place(row["name"], row["country"], _split(row.get("aliases", ""))))


def build(rows: Rows, *, with_phoenix: bool, user_files: tuple[Path, ...] = ()
           ) -> KnowledgeBase:
    countries = _load_countries(rows)
    layers: list[Layer] = []
    if user_files:
        layers += [read_user_dictionary(path, countries) for path in user_files]
    ours = Layer(FAULTLINE)
    _load_places(rows, "places.tsv", countries, ours)
    _load_organisations(rows, countries, ours)
    load_fixed_actors(rows, "institutions.tsv", countries, ours)
    load_offices(rows, "people.tsv", countries, ours)
    for filename in LEADER_FILES:
        load_offices(rows, filename, countries, ours)
    _load_roles(rows, "roles.tsv", ours)
    layers.append(ours)
    if with_phoenix:
        phoenix = Layer(PHOENIX)
        _load_places(rows, "phoenix/places.tsv", countries, phoenix)
        load_fixed_actors(rows, "phoenix/organisations.tsv", countries, phoenix)
        defined = {e for layer in layers for e in layer.offices}
        load_offices(rows, "phoenix/people.tsv", countries, phoenix, hidden=defined)
        _load_roles(rows, "phoenix/roles.tsv", phoenix)
        layers.append(phoenix)
    index = _NameIndex()
    for layer in layers:  # user dictionaries, ours (countries first), Phoenix
        if layer.source == FAULTLINE:
            _country_names(index, countries)
        index.add_layer(layer)
    roles: dict[str, str] = {}
    organisations: dict[str, Organisation] = {}
    offices: dict[str, tuple[Office, ...]] = {}
    places: list[Place] = []
    for layer in layers:
        for word, role in layer.roles.items():
            roles.setdefault(word, role)
        for org_id, org in layer.organisations.items():
            organisations.setdefault(org_id, org)
        for entity, terms in layer.offices.items():
            offices.setdefault(entity, tuple(terms))
        places += layer.places
    names = {alias: tuple(readings) for alias, readings in index.names.items()}
    by_code: dict[str, Organisation] = {}
    for org in organisations.values():
        by_code.setdefault(org.code, org)
    own_places = [n for c in countries.values() for n in (c.name, *c.aliases, *c.adjectives,
                                                          *c.seats)]
    own_places += [n for p in ours.places for n in (p.name, *p.aliases)]
    by_office: dict[tuple[str, str], list[Office]] = {}
    for terms in offices.values():
        for term in terms:
            if term.office:
                by_office.setdefault((term.country, term.office), []).append(term)
    kb = KnowledgeBase(countries, roles, organisations, offices, tuple(places), names,
                       index.spellings, _near_index(names, own_places), by_code,
                       {k: tuple(v) for k, v in by_office.items()})
    return replace(kb, gazetteer=Gazetteer.build(kb.gazetteer_entries()))
