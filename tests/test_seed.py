"""The motivating article, end to end through the real model: what an analyst must see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from faultline.clean import article_from
from faultline.cli import app
from faultline.model import Event, RawDocument

pytestmark = pytest.mark.slow

COOPERATION_ROOTS = {"03", "04", "05", "06", "07", "08"}


@pytest.fixture(scope="module")
def coded(seed_path: Path) -> tuple[str, list[Event]]:
    result = CliRunner().invoke(app, ["code", str(seed_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [Event.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    text = article_from(RawDocument(str(seed_path), seed_path.read_bytes())).text
    return text, events


def country(actor: object) -> str | None:
    return getattr(actor, "country", None)


def dyad(event: Event) -> tuple[str | None, str | None]:
    return country(event.source), country(event.target)


def test_russian_trainers_arrival_is_cooperation_russia_to_niger(coded) -> None:
    _, events = coded
    assert any(
        dyad(e) == ("RUS", "NER") and e.cameo_root in {"04", "05", "06", "07"}
        and e.source is not None and e.source.code in {"RUS", "RUSMIL"}
        and not e.negated and "arriv" in e.evidence.sentence
        for e in events
    ), [(e.cameo, dyad(e), e.evidence.trigger) for e in events]


def test_instructor_quote_is_quoted_cooperation(coded) -> None:
    _, events = coded
    assert any(
        dyad(e) == ("RUS", "NER") and e.cameo_root in {"03", "05", "06", "07"}
        and e.evidence.quote and "military cooperation" in e.evidence.sentence
        for e in events
    )


def test_phone_call_is_a_consultation_between_russia_and_niger(coded) -> None:
    _, events = coded
    assert any(
        set(dyad(e)) == {"RUS", "NER"} and e.cameo_root == "04"
        and "phone call" in e.evidence.sentence
        for e in events
    )


def test_junta_statement_is_conflict_niger_to_usa(coded) -> None:
    _, events = coded
    assert any(
        dyad(e) == ("NER", "USA") and e.cameo_root in {"11", "12", "16", "17"} and not e.negated
        for e in events
    )


def test_no_nigeria_and_nothing_from_boilerplate(coded) -> None:
    _, events = coded
    assert events
    for e in events:
        assert "NGA" not in {country(e.source), country(e.target)}
        for furniture in ("See also", "Supreme Court", "Share This", "Follow us", "Surja"):
            assert furniture not in e.evidence.sentence


def test_withdrawal_not_yet_ordered_is_never_asserted(coded) -> None:
    _, events = coded
    for e in events:
        if "has not yet ordered" in e.evidence.sentence:
            assert e.negated or not (e.cameo_root == "16" or e.cameo.startswith("087")), e


def test_warning_not_to_cooperate_is_no_cooperation(coded) -> None:
    _, events = coded
    for e in events:
        if "not to cooperate" in e.evidence.sentence and e.cameo_root in COOPERATION_ROOTS:
            partners = set(dyad(e))
            if partners & {"RUS", "IRN"} and "NER" in partners:
                assert e.negated or e.modality == "hypothetical", e


def test_every_event_points_at_its_sentence(coded) -> None:
    text, events = coded
    for e in events:
        assert e.evidence.sentence.strip()
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
