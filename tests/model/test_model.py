from __future__ import annotations

import json

from faultline.model import (
    EVENT_FIELDS,
    Actor,
    Event,
    Evidence,
    Location,
    article_id_for,
    event_id_for,
)

SCHEMA_V1_FIELDS = {
    "event_id", "article_id", "doc_ref", "story_id", "date", "date_precision", "source",
    "target", "cameo", "cameo_root", "cameo_label", "plover", "plover_mode", "goldstein",
    "quad_class", "negated", "modality", "location", "evidence", "confidence", "counted",
    "one_sided", "background", "trace", "repeat_of", "coder",
}


def make_event(**changes: object) -> Event:
    values: dict[str, object] = {
        "event_id": event_id_for("a-1", 0, "RUSMIL", "NER", "072"),
        "article_id": "a-1",
        "doc_ref": "story.txt",
        "date": "2024-04-11",
        "date_precision": "day",
        "source": Actor("Russian instructors", "RUSMIL", "RUS", "MIL", "Russia"),
        "target": Actor("Niger", "NER", "NER", None, "Niger"),
        "cameo": "072",
        "cameo_root": "07",
        "cameo_label": "Provide military aid",
        "plover": "AID",
        "plover_mode": "military",
        "goldstein": 8.3,
        "quad_class": 2,
        "negated": False,
        "modality": "asserted",
        "evidence": Evidence("Instructors landed.", 0, 19, "landed", False),
        "confidence": 0.8,
        "coder": "faultline/test",
        "location": Location("Niger", "NER", 17.6, 8.1, 2440476, "country"),
    }
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_event_serialises_to_exactly_the_schema_fields() -> None:
    data = make_event().to_dict()
    assert set(data) == SCHEMA_V1_FIELDS
    assert tuple(data) == EVENT_FIELDS
    assert set(data["source"]) == {"text", "code", "country", "role", "name", "entity"}
    assert set(data["evidence"]) == {"sentence", "start", "end", "trigger", "quote"}
    assert set(data["location"]) == {"name", "country", "lat", "lon", "geonameid", "precision"}


def test_event_round_trips_through_json() -> None:
    event = make_event()
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))) == event


def test_event_without_target_or_location_round_trips() -> None:
    event = make_event(target=None, location=None)
    data = event.to_dict()
    assert data["target"] is None and data["location"] is None
    assert Event.from_dict(data) == event


def test_flat_row_names_nested_fields() -> None:
    flat = make_event(location=None).to_flat()
    assert flat["source_code"] == "RUSMIL"
    assert flat["evidence_start"] == 0
    assert flat["location_lat"] is None
    assert "source" not in flat


def test_ids_are_stable_and_text_normalised() -> None:
    assert article_id_for("Niger  said\nno.") == article_id_for("niger said no.")
    assert article_id_for("Niger said no.") != article_id_for("Nigeria said no.")
    first = event_id_for("a-1", 10, "NER", "USA", "111")
    assert first == event_id_for("a-1", 10, "NER", "USA", "111")
    assert first != event_id_for("a-1", 10, "USA", "NER", "111")
    assert first.startswith("e-") and len(first) == 18


def test_counting_rule_skips_negated_and_hypothetical() -> None:
    assert make_event().counted
    assert not make_event(negated=True).counted
    assert not make_event(modality="hypothetical").counted
    assert make_event(modality="intended").counted
    assert not make_event(one_sided=True).counted  # kept for audit, never aggregated
