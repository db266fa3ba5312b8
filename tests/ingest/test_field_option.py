"""`--field` on `code` and `ingest`, and the one warning for a batch that is mostly undated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline.cli import app
from faultline.ingest.fields import undated_warning
from faultline.store import open_store

TEXT = "Ghana's foreign minister met Togo's ambassador in Accra and condemned the border closure."


def test_bad_field_option_is_refused_before_any_work() -> None:
    result = CliRunner().invoke(app, ["code", "-", "--field", "colour=hue"])
    assert result.exit_code == 2
    assert "FIELD=KEY" in result.output


def test_warning_only_when_most_articles_are_undated() -> None:
    assert undated_warning(10, 5) is None
    assert undated_warning(1, 1) is None
    message = undated_warning(10, 9)
    assert message and "9 of 10" in message and "--field date=KEY" in message


@pytest.mark.slow
def test_field_option_dates_records_and_silences_the_warning(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    records = [{"id": f"r{n}", "story": f"{TEXT} Round {n}.", "when": f"2024-06-0{n + 1}"}
               for n in range(3)]
    rows.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    undated = CliRunner().invoke(app, ["code", str(rows), "--field", "text=story"])
    assert undated.exit_code == 0
    assert undated.stderr.count("warning:") == 1 and "3 of 3" in undated.stderr
    dated = CliRunner().invoke(app, ["code", str(rows), "--field", "text=story",
                                     "--field", "date=when"])
    assert dated.exit_code == 0 and "warning" not in dated.stderr
    assert {json.loads(line)["date"] for line in dated.stdout.splitlines()} >= {"2024-06-01"}
    db = tmp_path / "s.duckdb"
    stored = CliRunner().invoke(app, ["ingest", str(rows), "--db", str(db), "--field",
                                      "text=story", "--field", "date=when"])
    assert stored.exit_code == 0 and "warning" not in stored.stderr
    with open_store(db) as store:
        published = sorted(str(a["published"]) for a in store.articles().to_pylist())
    assert published == ["2024-06-01", "2024-06-02", "2024-06-03"]
