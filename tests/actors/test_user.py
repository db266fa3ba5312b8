"""User actor dictionaries: our TSV and the PETRARCH format, read directly, ahead of the KB;
a bad line names its file, line and problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline.actors.kb import KBError, load_kb_with
from faultline.cli import app

# A fictional world of our own, in the PETRARCH/TABARI actors format.
PETRARCH = """\
# a test dictionary
AMADOU_KOUNTCHE_TESTA_  # a fictional minister
+A._K._TESTA_
\t[NERGOV 150101-191231]
\t[NERELI >200101]
FRONT_DES_COLLINES_  [NERREBFDC]
+FDC_
WESTERN_TEST_MILITIA_ [MLIREB]
"""
TSV = """\
name\taliases\tcode\tstart\tend
Mariam Testa\tMinister Testa|M. Testa\tMLIGOV\t2021-06-11\t
Brigade du Fleuve\tBDF\tMLIREBBDF\t\t
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_petrarch_file_is_read_directly(tmp_path: Path) -> None:
    kb = load_kb_with((write(tmp_path, "world.actors.txt", PETRARCH),))
    terms = kb.offices["person:amadou-kountche-testa"]
    assert [(t.country, t.role, t.start, t.end) for t in terms] == [
        ("NER", "GOV", "2015-01-01", "2019-12-31"), ("NER", "ELI", "2020-01-01", None)]
    assert terms[0].aliases == ("A. K. Testa",)
    assert kb.readings("FDC") == (("ORG", "group:NERREBFDC/front-des-collines"),)
    group = kb.organisations["NERREBFDC/front-des-collines"]
    assert (group.code, group.country, group.role) == ("NERREBFDC", "NER", "REB")


def test_tsv_file_and_precedence_over_the_builtin_kb(tmp_path: Path) -> None:
    shadow = write(tmp_path, "shadow.tsv", TSV + "Niger\t\tNGAGOV\t\t\n")
    kb = load_kb_with((shadow,))
    assert [t.country for t in kb.offices["person:mariam-testa"]] == ["MLI"]
    assert kb.readings("BDF")[0][1] == "group:MLIREBBDF/brigade-du-fleuve"
    assert kb.readings("Niger")[0][1] == "group:NGAGOV/niger"  # the user's reading first


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.actors.txt", "TESTER_\n\t[NERGOV 2015-191231]\n", r"bad\.actors\.txt:2: bad date"),
    ("bad.actors.txt", "TESTER_ [XYZGOV]\n", r"bad\.actors\.txt:1: code 'XYZGOV' names no known"),
    ("bad.actors.txt", "TESTER_\n+TESTY_\n", r"bad\.actors\.txt:1: 'TESTER_' has no \[CODE\]"),
    ("bad.tsv", TSV + "X\t\tNERGOV\t2021-13-01\t\n", r"bad\.tsv:4: bad date '2021-13-01'"),
    ("bad.tsv", TSV + "X\t\tnergov\t\t\n", r"bad\.tsv:4: 'nergov' is not an actor code"),
    ("bad.tsv", TSV + "X\t\tNERGOV\t2021-01-01\t2020-01-01\n", r"bad\.tsv:4: the range ends"),
])
def test_a_bad_line_names_file_line_and_problem(tmp_path: Path, name: str, text: str,
                                                message: str) -> None:
    with pytest.raises(KBError, match=message):
        load_kb_with((write(tmp_path, name, text),))


def test_cli_reports_a_bad_dictionary_and_stops(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.tsv", TSV + "X\t\tXYZGOV\t\t\n")
    result = CliRunner().invoke(app, ["actors", "anything", "--actors", str(bad)])
    assert result.exit_code == 2
    assert "bad.tsv:4: code 'XYZGOV' names no known country" in result.output


@pytest.mark.slow
def test_user_actors_resolve_in_text_from_cli_and_api(tmp_path: Path) -> None:
    import json

    from faultline.actors import resolve_actor, use_actor_files

    world = write(tmp_path, "world.actors.txt", PETRARCH)
    try:
        result = CliRunner().invoke(app, [
            "actors", "Amadou Kountche Testa", "--date", "2017-05-01", "--format", "json",
            "--actors", str(world)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["code"] == "NERGOV"
        after = resolve_actor("Amadou Kountche Testa", date="2022-05-01", actors=[world])
        assert after is not None and after.code == "NERELI"
        group = resolve_actor("FDC fighters", context="FDC fighters raided a market.",
                              actors=[world])
        assert group is not None and group.code == "NERREBFDC"
    finally:
        use_actor_files(())
