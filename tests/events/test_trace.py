"""Every event says why it is what it is (its trace), and only events naming both sides count.
Sentences written for these tests (real model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline.cli import app
from faultline.model import Event
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow

DATE = "2025-06-13"  # a Friday


def coded(text: str) -> list[Event]:
    return code_text(text, date=DATE)[1]


def find(events: list[Event], cameo_prefix: str) -> Event:
    return next(e for e in events if e.cameo.startswith(cameo_prefix))


def test_trace_names_row_arguments_modality_and_time() -> None:
    event = find(coded("Kenya deployed police officers to Haiti on Tuesday."), "07")
    kinds = [step.partition(":")[0] for step in event.trace]
    assert kinds[0] == "lex" and event.trace[0].endswith(f"={event.trace[0].rpartition('=')[2]}")
    assert {"lex", "match", "src", "tgt", "time"} <= set(kinds)
    assert "time:expression=Tuesday" in event.trace


def test_trace_records_the_cue_that_suspends_an_event() -> None:
    event = coded("Ghana said it would expel the Togolese ambassador if the border stayed shut.")
    hypothetical = [e for e in event if e.modality == "hypothetical"]
    assert hypothetical
    assert any(step.startswith("mod:") for step in hypothetical[0].trace)


def test_trace_says_a_pronoun_was_resolved_and_how() -> None:
    events = coded("Chad's foreign minister visited Khartoum on Monday. "
                   "\"We will reopen our embassy,\" he told reporters.")
    steps = [s for e in events for s in e.trace if "+coref." in s]
    assert steps, [e.trace for e in events]


def test_one_sided_events_are_kept_but_not_counted() -> None:
    events = coded("Nigerian officials warned of worsening floods in the north.")
    assert events and all(e.one_sided and not e.counted for e in events
                          if not (e.source and e.source.code and e.target and e.target.code))
    both = coded("Mali expelled the French ambassador on Monday.")
    expel = find(both, "16")
    assert expel.counted and not expel.one_sided


def test_a_protest_counts_against_the_country_it_happens_in() -> None:
    event = find(coded("Senegalese students protested in Dakar on Thursday."), "14")
    assert event.target is not None and event.target.code == "SEN"
    assert event.counted and "tgt:place" in event.trace


def test_explain_prints_the_trace_under_each_event(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Mali expelled the French ambassador on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(article), "--date", DATE, "--explain"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("MLI"))
    assert "[counted]" in lines[head]
    assert "expelled" in lines[head + 1]
    assert any(line.strip().startswith("lexicon row") for line in lines[head + 2:])
    assert any(line.strip().startswith("date") and "Monday" in line for line in lines)
