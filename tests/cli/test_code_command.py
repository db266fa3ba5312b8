"""`faultline code` on a mixed batch: bad files are named on stderr, good ones still coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline import __version__
from faultline.cli import app

GOOD = (
    "Ghana protests Togo border closure\n\n"
    "ACCRA, June 3 (Harbor Wire) — Ghana's foreign minister met Togo's ambassador in Accra on "
    "Monday and condemned the closure of the border crossing at Aflao.\n"
)


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_bad_date_is_refused_before_any_work() -> None:
    result = CliRunner().invoke(app, ["code", "-", "--date", "2024-13-40"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.slow
def test_mixed_batch_reports_each_bad_file_and_codes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c-binary.dat").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "d-french.txt").write_text(
        "Le ministre des affaires étrangères du Ghana a rencontré lundi l'ambassadeur du Togo "
        "et a condamné la fermeture de la frontière entre les deux pays voisins.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    *errors, count = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert count == "faultline: 3 of 4 documents failed"
    for name, reason in (("b-empty", "no story text"), ("c-binary", "binary"),
                         ("d-french", "not English")):
        assert any(name in line and reason in line for line in errors), errors
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events, "the good article was not coded"
    assert {e["doc_ref"] for e in events} == {str(tmp_path / "a-good.txt")}
    assert any(e["source"] and e["source"]["country"] == "GHA" for e in events)


@pytest.mark.slow
def test_demo_ingests_the_sample_and_shows_the_souring_dyad(tmp_path: Path) -> None:
    from faultline.store.db import open_store

    db = tmp_path / "demo.duckdb"
    first = CliRunner().invoke(app, ["demo", "--db", str(db)], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    assert "Top dyads" in first.stdout
    assert "│ NER " in first.stdout and "│ BEN " in first.stdout
    with open_store(db) as store:
        before = store.count("events")
    assert before > 0
    again = CliRunner().invoke(app, ["demo", "--db", str(db)], env={"COLUMNS": "200"})
    assert again.exit_code == 0
    with open_store(db) as store:
        assert store.count("events") == before  # re-running the demo adds nothing
