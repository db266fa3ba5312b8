"""Geocoding hand-written news sentences (real model): the place, its country and precision."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.tokens import Doc

from faultline.geo import load_gazetteer, locate
from faultline.geo.gazetteer import City, fold
from faultline.geo.geocode import UNSUPPORTED_MIN_POPULATION, choose_city
from faultline.model import Location
from faultline.nlp.load import load_nlp

pytestmark = pytest.mark.slow

# Where the places really are (lat, lon), from public maps, not from the gazetteer under test.
AGADEZ = (16.97, 7.99)
KHARTOUM = (15.59, 32.53)
MOPTI = (14.49, -4.19)
MENAKA = (15.92, 2.40)
KHARKIV = (49.99, 36.23)
DAKAR = (14.72, -17.47)
TRIPOLI_LEBANON = (34.44, 35.83)
TRIPOLI_LIBYA = (32.89, 13.19)
KATSINA = (12.99, 7.60)
OUAGADOUGOU = (12.37, -1.52)
NIAMEY = (13.51, 2.11)
ABUJA = (9.06, 7.49)
KYIV = (50.45, 30.52)
# How far (degrees) a geocoded point may lie from the true one: a city's own extent.
DEGREE = 1.0


def where(text: str, trigger: str, countries: dict[str, int] | None = None,
          fallback: str | None = None) -> Location | None:
    doc = load_nlp()(text)
    sentence = next(doc.sents)
    token = next(t for t in sentence if t.text == trigger)
    return locate(sentence, token, Counter(countries or {}), fallback)


def near(location: Location | None, point: tuple[float, float]) -> bool:
    assert location is not None and location.lat is not None and location.lon is not None
    return abs(location.lat - point[0]) <= DEGREE and abs(location.lon - point[1]) <= DEGREE


@pytest.mark.parametrize(("text", "trigger", "iso3", "point"), [
    ("Armed men ambushed a supply convoy near Agadez on Thursday.", "ambushed", "NER", AGADEZ),
    ("Soldiers opened fire on demonstrators in central Khartoum.", "opened", "SDN", KHARTOUM),
    ("Militants stormed a checkpoint outside Mopti late on Friday.", "stormed", "MLI", MOPTI),
    ("Jihadists burned a market in the northern town of Menaka.", "burned", "MLI", MENAKA),
    ("Hundreds of protesters marched through Dakar on Saturday.", "marched", "SEN", DAKAR),
])
def test_city_in_a_place_phrase_is_the_location(text: str, trigger: str, iso3: str,
                                                point: tuple[float, float]) -> None:
    location = where(text, trigger)
    assert location is not None and location.precision == "city"
    assert location.country == iso3 and near(location, point)


def test_place_on_the_subject_when_the_clause_names_none() -> None:
    location = where("Shelling in Kharkiv wounded seven people overnight.", "wounded")
    assert location is not None and location.country == "UKR" and near(location, KHARKIV)


def test_place_in_a_when_clause_of_the_same_moment() -> None:
    location = where("Nine herders were killed when bandits raided a village in Katsina state.",
                     "killed", {"NGA": 2})
    assert location is not None and location.country == "NGA"
    assert location.precision == "admin1" and near(location, KATSINA)


def test_place_of_an_earlier_event_is_not_this_events() -> None:
    assert where("Mali expelled the envoy after France criticised the junta in Paris.",
                 "expelled") is None


@pytest.mark.parametrize(("countries", "iso3", "point"), [
    ({"LBN": 4, "LBY": 1}, "LBN", TRIPOLI_LEBANON),
    ({"LBY": 4}, "LBY", TRIPOLI_LIBYA),
])
def test_shared_city_name_follows_the_articles_countries(
        countries: dict[str, int], iso3: str, point: tuple[float, float]) -> None:
    location = where("Gunmen opened fire on a wedding convoy in Tripoli.", "opened", countries)
    assert location is not None and location.precision == "city"
    assert location.country == iso3 and near(location, point)


def test_country_named_beside_the_city_decides_which_city() -> None:
    location = where("A car bomb went off in Tripoli, Lebanon, on Saturday.", "went")
    assert location is not None and location.country == "LBN" and near(location, TRIPOLI_LEBANON)


def test_old_spelling_finds_the_city() -> None:
    location = where("Police dispersed a rally in Kiev on Sunday.", "dispersed")
    assert location is not None and location.country == "UKR" and near(location, KYIV)


def test_country_only_phrase_gives_country_precision() -> None:
    location = where("Jihadist fighters killed eleven soldiers in Burkina Faso, the army said.",
                     "killed")
    assert location is not None and location.country == "BFA"
    assert location.precision == "country" and near(location, OUAGADOUGOU)


def test_no_place_falls_back_to_the_events_country() -> None:
    location = where("The army said it had arrested the commander on Sunday.", "arrested",
                     fallback="NER")
    assert location is not None and location.country == "NER"
    assert location.precision == "country" and near(location, NIAMEY)


def test_no_place_and_no_fallback_is_unknown() -> None:
    assert where("The army said it had arrested the commander on Sunday.", "arrested") is None


def test_target_of_sanctions_is_not_a_place() -> None:
    assert where("The United States imposed sanctions on Venezuela.", "imposed") is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police detained the activist at the home of Georgia Okafor on Monday.", "detained"),
    ("Riot police fired tear gas at Chad Mensah and other marchers.", "fired"),
    ("Police questioned Florence Wanjiru about the riot.", "questioned"),
])
def test_person_named_like_a_place_is_not_a_place(text: str, trigger: str) -> None:
    assert where(text, trigger) is None
    location = where(text, trigger, fallback="NGA")
    assert location is not None and location.country == "NGA" and near(location, ABUJA)


def test_empty_sentence_or_foreign_trigger_gives_none() -> None:
    doc = load_nlp()("Rebels attacked Gao.")
    other = load_nlp()("Rebels attacked Kidal.")
    assert locate(doc[0:0], doc[1], Counter({"MLI": 3}), "MLI") is None
    assert locate(doc[:], other[1], Counter({"MLI": 3}), "MLI") is None


def test_unparsed_sentence_falls_back_without_error() -> None:
    doc = Doc(load_nlp().vocab, words=["Rebels", "attacked", "Gao", "."])
    location = locate(doc[:], doc[1], Counter(), "MLI")
    assert location is not None and location.country == "MLI"


def test_small_unsupported_namesake_is_not_believed_at_the_edge() -> None:
    def town(population: int) -> City:
        return City("Springfield", "USA", 39.8, -89.6, 1, population)

    big, small = town(UNSUPPORTED_MIN_POPULATION), town(UNSUPPORTED_MIN_POPULATION - 1)
    assert choose_city((big,), set(), Counter(), None, None) == big
    assert choose_city((small,), set(), Counter(), None, None) is None
    assert choose_city((small,), set(), Counter({"USA": 1}), None, None) == small
    assert choose_city((small,), {"USA"}, Counter(), None, None) == small


def test_gazetteer_folds_names_and_keeps_continents_out() -> None:
    gazetteer = load_gazetteer()
    assert fold("Ménaka") == fold("MENAKA") == "menaka"
    assert any(c.country == "MLI" for c in gazetteer.cities("Menaka"))
    assert gazetteer.cities("Africa") == ()
    niger = gazetteer.countries["NER"]
    assert niger.name == "Niger" and (niger.lat, niger.lon) == pytest.approx(NIAMEY, abs=DEGREE)


def test_an_empty_name_is_no_city() -> None:
    assert load_gazetteer().cities("") == ()
    assert load_gazetteer().cities("  ") == ()
