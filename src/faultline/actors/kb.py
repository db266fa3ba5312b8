"""The actor knowledge base: reviewed TSV files in ``data/``, loaded once per process.

Three sources, in order of precedence: user dictionaries (``--actors``), our own tables
(``data/*.tsv``, source ``faultline``) and the converted Phoenix/PETRARCH-2 dictionaries
(``data/phoenix/*.tsv``, source ``phoenix``, MIT). A name or a person a higher source defines
hides the lower sources' readings of it.

Every name maps to KB keys (``country:NER``, ``seat:USA``, ``adj:RUS``, ``igo:IGOUNO``,
``group:NGAINSBKH``, ``person:vladimir-putin``); the gazetteer (``faultline.actors.gazetteer``)
marks them as entities whose ``ent_id_`` is the key, so the resolver reads what a span is.
Names are compared folded (case and accents ignored, see ``fold``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from faultline.actors.gazetteer import Gazetteer, fold
from faultline.actors.words import words
from faultline.tsv import DataFileError, package_rows, parse_rows

ISO3 = re.compile(r"^[A-Z]{3}$")
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


@dataclass(frozen=True, slots=True)
class Office:
    """One person holding one office or status for a date range (``start`` None: since ever,
    ``end`` None: still in office). A ``default`` row (Phoenix's undated code line) holds
    when no dated row does. ``country`` is an ISO3 code or an international code (IGO...)."""

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


def term_on(terms: tuple[Office, ...], date: str | None) -> Office | None:
    """The term held on ``date``, else the entry's default row; undated, the current term, else
    the latest one (an undated text naming a past leader most likely speaks of their last
    office)."""
    dated = [t for t in terms if not t.default]
    if date is not None:
        return next((t for t in dated if t.holds(date)), None) or next(
            (t for t in terms if t.default), None)
    current = next((t for t in dated if t.end is None), None)
    if current is not None or not dated:
        return current or next((t for t in terms if t.default), None)
    offices = [t for t in dated if t.role != "ELI"] or dated  # an office, not the years between
    return max(offices, key=lambda t: t.sort_start)


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
        found = [self.near[v] for v in (lowered, *_deletions(lowered)) if v in self.near]
        countries = {key.partition(":")[2] if key else None for key in found}
        return found[0] if len(countries) == 1 and None not in countries else None


# Misspelt names are matched only from this length: shorter ones ("Iran"/"Iraq") are too close.
MIN_NEAR_CHARS = 6
FAULTLINE = "faultline"
PHOENIX = "phoenix"
# International codes a person's "country" column may hold instead of an ISO3 code.
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


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


def org_key_kind(org: Organisation) -> str:
    return "group" if org.kind == "group" else "igo"


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
        for variant in (alias, *_deletions(alias)):
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


# Bump when the KnowledgeBase's structure changes: older cached copies are then ignored.
CACHE_VERSION = "5"


def cache_dir() -> Path:
    """Where the compiled knowledge base is kept: ``$FAULTLINE_CACHE``, else the user's cache
    folder."""
    configured = os.environ.get("FAULTLINE_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "faultline"


def _digest(user_files: tuple[Path, ...]) -> str:
    """A fingerprint of every data file read (built-in and user) and of the code that builds
    and holds the knowledge base: any edit to either changes it."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    package = resources.files("faultline.actors")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    data = package.joinpath("data")
    for folder in (data, data.joinpath("leaders"), data.joinpath("phoenix")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".tsv"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for path in user_files:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


# The active user dictionaries travel in the environment, so worker processes started for
# this run (``--workers``, Dask) load the same ones.
ACTORS_ENV = "FAULTLINE_ACTOR_FILES"


def use_actor_files(paths: Iterable[Path]) -> None:
    """Make user actor dictionaries (``--actors``) part of every later ``load_kb()`` and
    ``load_nlp()`` of this process and of the workers it starts, ahead of the built-in tables;
    a broken file raises ``DataFileError`` naming the file and line now."""
    files = tuple(Path(p).resolve() for p in paths)
    load_kb_with(files)  # raises before anything changes
    if files:
        os.environ[ACTORS_ENV] = os.pathsep.join(str(f) for f in files)
    else:
        os.environ.pop(ACTORS_ENV, None)


def active_actor_files() -> tuple[Path, ...]:
    value = os.environ.get(ACTORS_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def load_kb() -> KnowledgeBase:
    """The knowledge base with the active user dictionaries (``use_actor_files``)."""
    return load_kb_with(active_actor_files())


@functools.cache
def load_kb_with(user_files: tuple[Path, ...]) -> KnowledgeBase:
    """The knowledge base with ``user_files`` ahead of the built-in tables, read and checked
    once and then loaded from a compiled copy in ``cache_dir()`` until a data file changes."""
    path = cache_dir() / f"kb-{_digest(user_files)}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, KnowledgeBase):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    kb = _build(_package_rows, with_phoenix=True, user_files=user_files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: build each time
    return kb


def load_kb_from(folder: Path, *, with_phoenix: bool = False) -> KnowledgeBase:
    """A knowledge base read from another folder of the same TSV files (to check edits)."""
    def rows(filename: str) -> list[tuple[int, dict[str, str]]]:
        return parse_rows(filename, (folder / filename).read_text("utf-8"))
    return _build(rows, with_phoenix=with_phoenix)


def _build(rows: Rows, *, with_phoenix: bool, user_files: tuple[Path, ...] = ()
           ) -> KnowledgeBase:
    countries = _load_countries(rows)
    layers: list[Layer] = []
    if user_files:
        from faultline.actors.user import read_user_dictionary

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
