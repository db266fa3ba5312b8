"""The knowledge base loads, every row is checked, and broken rows name file and line."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from faultline.actors.gazetteer import fold
from faultline.actors.kb import KBError, load_kb, load_kb_from
from faultline.tsv import DataFileError, parse_rows

DATA = Path(str(resources.files("faultline.actors").joinpath("data")))


def test_every_iso_country_is_present_and_valid() -> None:
    kb = load_kb()
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(kb.countries) == iso | {"XKX"}  # Kosovo: the user-assigned code in use


def test_traps_are_separate_countries() -> None:
    countries = load_kb().countries
    assert "Nigerien" in countries["NER"].adjectives
    assert "Nigerian" in countries["NGA"].adjectives
    assert "Niamey" in countries["NER"].seats and "Abuja" in countries["NGA"].seats
    assert "DRC" in countries["COD"].aliases and "Congo-Brazzaville" in countries["COG"].aliases
    assert "Burma" in countries["MMR"].aliases and "Swaziland" in countries["SWZ"].aliases
    assert "Turkey" in countries["TUR"].aliases


def test_offices_are_dated() -> None:
    offices = load_kb().offices
    (tchiani,) = offices["person:abdourahamane-tchiani"]
    assert tchiani.holds("2024-04-12") and not tchiani.holds("2023-07-01")
    (bazoum,) = [o for o in offices["person:mohamed-bazoum"] if o.office == "president"]
    assert bazoum.holds("2023-07-01") and not bazoum.holds("2023-08-01")
    trump = offices["person:donald-trump"]
    assert not any(t.holds("2022-06-01") for t in trump)
    assert any(t.holds("2025-06-01") for t in trump)


def test_gazetteer_entries_carry_kb_keys() -> None:
    by_text = {fold(name): key for name, _, key in load_kb().gazetteer_entries()}
    assert by_text["niger"] == "country:NER"
    assert by_text["nigeria"] == "country:NGA"
    assert by_text["kremlin"] == "seat:RUS"
    assert by_text["ecowas"] == "igo:IGOWAFECW"
    assert by_text["kosovo"] == "country:XKX"
    assert "us" in by_text  # the gazetteer tells the pronoun from the country by case


def test_broken_row_names_file_and_line() -> None:
    text = "# comment\niso3\tname\taliases\tadjectives\tseats\nNER\tNiger\tNiger\n"
    with pytest.raises(DataFileError, match=r"countries\.tsv:3: expected 5 columns, got 3"):
        parse_rows("countries.tsv", text)


def broken_copy(tmp_path: Path, filename: str, line: str) -> Path:
    """A copy of the KB folder with ``line`` appended to ``filename``."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / filename
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + line + "\n", "utf-8")
    return folder


@pytest.mark.parametrize(
    ("filename", "line", "message"),
    [
        ("places.tsv", "Atlantis\tXXX\t", r"places\.tsv:\d+: unknown country 'XXX'"),
        ("places.tsv", "Atlantis\tGRC", r"places\.tsv:\d+: expected 3 columns, got 2"),
        ("people.tsv", "person:x\tX\tX\tNER\tGOV\tpresident\t2024-13-01\t",
         r"people\.tsv:\d+: bad date"),
        ("people.tsv", "person:juvenal-habyarimana\tA\tA\tRWA\tGOV\tpresident\t"
         "1980-01-01\t", r"people\.tsv:\d+: overlaps"),
        ("roles.tsv", "junta\tGOV", r"roles\.tsv:\d+: unknown role or repeated word"),
        ("groups.tsv", "XXXREBABC\tX\tZZZ\tREB\tX", r"groups\.tsv:\d+: repeated code"),
        ("countries.tsv", "NER\tNiger\t\t\t", r"countries\.tsv:\d+: bad or repeated ISO3"),
    ],
)
def test_broken_file_fails_the_loader_with_file_and_line(
        tmp_path: Path, filename: str, line: str, message: str) -> None:
    folder = broken_copy(tmp_path, filename, line)
    with pytest.raises(DataFileError, match=message):
        load_kb_from(folder)


def test_kb_errors_are_data_file_errors() -> None:
    assert issubclass(KBError, DataFileError)


def test_places_name_their_country_and_shared_names_keep_every_reading() -> None:
    kb = load_kb()
    assert {p.country for p in kb.places if p.name == "Darfur"} == {"SDN"}
    readings = [key for _, key in kb.readings("Tripoli")]
    assert readings[0] == "seat:LBY" and "place:LBN" in readings
    patterns = {fold(name): key for name, _, key in kb.gazetteer_entries()}
    assert patterns["bush"] == "name:bush"  # two presidents: the resolver picks by date


@pytest.mark.parametrize(("word", "country"), [("Ethopia", "ETH"), ("Afganistan", "AFG"),
                                               ("Phillippines", "PHL"), ("Nigerin", None),
                                               ("Iraan", None), ("Malin", None)])
def test_misspelt_place_names_match_only_when_unambiguous(word: str, country: str | None) -> None:
    key = load_kb().near_key(word)
    assert (key.partition(":")[2] if key else None) == country


def test_kb_loads_fast() -> None:
    import time

    start = time.perf_counter()
    load_kb_from(DATA)
    assert time.perf_counter() - start < 1.0
