"""The Phoenix conversion: code mapping, dates, what is kept and dropped, and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from faultline.actors.convert import convert, write
from faultline.actors.petrarch import map_code, parse_date
from faultline.tsv import parse_rows

ISO = {"RUS", "ARM", "VGB", "DEU", "SRB", "XKX", "NER", "MLI", "USA", "TLS", "GBR"}
PHOENIX = Path(__file__).resolve().parents[2].parent / "shared" / "kb" / "phoenix"


@pytest.mark.parametrize(("code", "country", "role", "mapped"), [
    ("KSVMIL", "XKX", "MIL", "XKXMIL"),
    ("KOSGOV", "XKX", "GOV", "XKXGOV"),
    ("USRARM", "ARM", None, "ARM"),  # a Soviet republic is the republic
    ("GBRVGB", "VGB", None, "VGB"),  # a territory is the territory
    ("DDRGOV", "DEU", "GOV", "DEUGOV"),  # a historic state is its successor
    ("YUGGOV", "SRB", "GOV", "SRBGOV"),
    ("TMPOCC", "TLS", None, "TLSOCC"),
    ("RUSGOVMIL", "RUS", "GOV", "RUSGOVMIL"),
    ("IGOUNO", None, None, "IGOUNO"),  # international: no country
    ("IMGMUSISI", None, None, "IMGMUSISI"),
    ("MEAREB", None, "REB", "MEAREB"),  # a regional armed group
])
def test_cameo_codes_map_to_iso(code: str, country: str | None, role: str | None,
                                mapped: str) -> None:
    assert map_code(code, ISO) == (country, role, True, mapped)


def test_fictional_country_code_does_not_map() -> None:
    assert map_code("KNTGOV", ISO)[2] is False


@pytest.mark.parametrize(("value", "date"), [
    ("990809", "1999-08-09"), ("140130", "2014-01-30"), ("200101", "2020-01-01"),
    ("19181001", "1918-10-01"), ("9008223", None), ("991301", None)])
def test_dates_pivot_and_malformed_ones_are_refused(value: str, date: str | None) -> None:
    assert parse_date(value) == date


def _phoenix_folder(tmp: Path) -> Path:
    """A small dictionary set of our own in the Phoenix format (fictional people)."""
    folder = tmp / "phoenix"
    folder.mkdir()
    (folder / "Phoenix.Countries.actors.txt").write_text(
        "# test\n"
        "NIGER_  [NER]\n+NIIGER_\n+NIAMEY_\n+TILLABERI_REGION_\n+TILABERI_REGION_\n\n"
        "AMADOU_TESTMAN_  # CountryInfo.txt\n+A._TESTMAN_\n+PRESIDENT_AMADOU_TESTMAN_\n"
        "+TESTMAN_\n"
        "\t[NERELI 600101-991231]\n\t[NERGOV 000101-041231]\n\t[NERGOV >100101]\n"
        "\t[NERELI]\n"
        "ISSA_LATERMAN_  # CountryInfo.txt\n\t[NERGOV >170101]\n"
        "NIGER_ARMED_FORCES_ [NERMIL]\n"
        "KINA_TESTER_\n\t[KNTGOV 900101-950101]\n", "latin-1")
    (folder / "Phoenix.International.actors.txt").write_text(
        "TEST_RELIEF_FUND_ [NGOHLH]\nACME_OIL_ [MNCUSA]\n", "latin-1")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(
        "FRONT_FOR_TESTING_MALI_ [MLIREB]\n+FTM_\n\nSAHEL_TEST_BRIGADE_ [WAFREB]\n"
        "+ARMY_\n", "latin-1")
    (folder / "Phoenix.agents.txt").write_text(
        "!PERSON! = MAN, WOMAN\nCATTLE!PERSON! [~AGR]\nPASTOR [~CHR]\nSMUGGLER [~CRM]\n"
        "LOOKER [~PPL]\n",
        "latin-1")
    return folder


def test_conversion_keeps_dates_closes_stale_ranges_and_counts_what_it_drops(
        tmp_path: Path) -> None:
    tables = convert(_phoenix_folder(tmp_path))
    people = {(r[0], r[4], r[6], r[7], r[9]) for r in tables.people}
    entity = "person:amadou-testman"
    assert (entity, "ELI", "1960-01-01", "1999-12-31", "") in people
    assert (entity, "GOV", "2000-01-01", "2004-12-31", "") in people
    assert (entity, "GOV", "2010-01-01", "2016-01-01", "stale") in people  # closed, marked
    assert (entity, "ELI", "", "", "default") in people
    assert ("person:issa-laterman", "GOV", "2017-01-01", "", "") in people  # opened after: kept
    aliases = next(r[2] for r in tables.people if r[0] == entity).split("|")
    assert aliases == ["Amadou Testman", "A. Testman"]  # no title or one-word variant
    places = {r[0]: r[1] for r in tables.places}
    assert places.get("Tillaberi Region") == "NER" and "Tilaberi Region" not in places
    assert "Niiger" not in places  # a misspelling only wire text needed
    orgs = {r[1]: (r[0], r[3], r[4], r[5]) for r in tables.organisations}
    assert orgs["Niger Armed Forces"] == ("NERMIL", "NER", "MIL", "national")
    assert orgs["Test Relief Fund"] == ("NGOHLH", "", "HLH", "ngo")
    assert orgs["Front for Testing Mali"] == ("MLIREB", "MLI", "REB", "group")
    assert orgs["Sahel Test Brigade"][1] == ""  # regional: no country
    assert "Army" not in orgs["Sahel Test Brigade"]  # a generic word is no name
    assert "Acme Oil" not in orgs
    roles = {r[0]: r[1] for r in tables.roles}
    assert roles == {"cattleman": "AGR", "cattlewoman": "AGR", "pastor": "REL", "smuggler": "CRM"}
    counts = {reason: n for (_, reason), n in tables.summary.counts.items()}
    assert counts["multinational company (MNC)"] == 1
    assert counts["misspelling of a name of the same country"] >= 2
    assert counts["code maps to no country"] == 1  # the fictional Kinakuta
    assert counts["code PPL is none of our roles"] == 1


def test_conversion_is_deterministic(tmp_path: Path) -> None:
    folder = _phoenix_folder(tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    write(convert(folder), first)
    write(convert(folder), second)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()
    rows = parse_rows("people.tsv", (first / "people.tsv").read_text("utf-8"))
    assert all(row["source"] == "phoenix" for _, row in rows)


@pytest.mark.slow
@pytest.mark.skipif(not PHOENIX.is_dir(), reason="the Phoenix dictionaries are not beside the "
                    "repository")
def test_committed_tables_are_the_conversion_of_the_phoenix_files(tmp_path: Path) -> None:
    write(convert(PHOENIX), tmp_path)
    committed = Path(__file__).resolve().parents[2] / "src/faultline/actors/data/phoenix"
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (committed / path.name).read_bytes(), path.name
