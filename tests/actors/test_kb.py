"""The knowledge base loads, every row is checked, and broken rows name file and line."""

from __future__ import annotations

import pycountry
import pytest

from faultline.actors.kb import load_kb
from faultline.tsv import DataFileError, parse_rows


def test_every_iso_country_is_present_and_valid() -> None:
    kb = load_kb()
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(kb.countries) == iso


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
    (bazoum,) = offices["person:mohamed-bazoum"]
    assert bazoum.holds("2023-07-01") and not bazoum.holds("2023-08-01")
    trump = offices["person:donald-trump"]
    assert not any(t.holds("2022-06-01") for t in trump)
    assert any(t.holds("2025-06-01") for t in trump)


def test_ruler_patterns_carry_kb_keys() -> None:
    patterns = load_kb().ruler_patterns()
    by_text = {p["pattern"]: p["id"] for p in patterns}
    assert by_text["Niger"] == "country:NER"
    assert by_text["Nigeria"] == "country:NGA"
    assert by_text["Kremlin"] == "seat:RUS"
    assert by_text["ECOWAS"] == "igo:IGOWAFECW"
    assert "us" not in by_text  # the pronoun is never a country


def test_broken_row_names_file_and_line() -> None:
    text = "# comment\niso3\tname\taliases\tadjectives\tseats\nNER\tNiger\tNiger\n"
    with pytest.raises(DataFileError, match=r"countries\.tsv:3: expected 5 columns, got 3"):
        parse_rows("countries.tsv", text)
