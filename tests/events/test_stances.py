"""Stances coded as CAMEO codes them, and arguments found through modifiers (real model)."""

from __future__ import annotations

import pytest

from faultline.events.confidence import monotone
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[tuple]:
    _, events = code_text(text, date="2025-06-02")
    return [(e.source.country if e.source else None, e.cameo,
             e.target.country if e.target else None, e.counted) for e in events]


def test_said_must_is_the_speakers_demand() -> None:
    events = coded("Ghana said on Monday that Togo must withdraw its troops from the border.")
    assert any(s == "GHA" and c.startswith("10") and t == "TGO" and counted
               for s, c, t, counted in events)


def test_would_not_in_reported_speech_is_a_rejection() -> None:
    events = coded("Kenya said it would not send troops to Somalia.")
    assert any(s == "KEN" and c.startswith("12") and counted for s, c, _t, counted in events)


def test_stated_intention_to_attack_is_a_threat() -> None:
    events = coded("Sudan announced that it will bomb rebel positions in Chad.")
    assert any(s == "SDN" and c.startswith("13") and counted for s, c, _t, counted in events)


def test_condition_with_if_stays_hypothetical() -> None:
    events = coded("Peru said it would expel the Bolivian envoy if the raids continued.")
    assert events and not any(counted for *_, counted in events)


def test_willing_to_send_is_an_intent_to_aid() -> None:
    events = coded("Norway is willing to send troops to Mali.")
    assert any(s == "NOR" and c.startswith("03") and t == "MLI" for s, c, t, _ in events)


def test_object_of_phrase_satisfies_the_row() -> None:
    events = coded("Egypt's government lifted the state of emergency in Sinai on Sunday.")
    assert any(s == "EGY" and c.startswith("08") for s, c, _t, _ in events)


def test_actor_from_the_subjects_location() -> None:
    events = coded("Opposition groups in Zambia demanded new elections.")
    assert any(s == "ZMB" and c.startswith("10") for s, c, _t, _ in events)


def test_hunger_strike_is_a_protest_not_an_air_strike() -> None:
    events = coded("Hundreds of Moroccan teachers began a hunger strike on Monday.")
    assert any(s == "MAR" and c == "142" for s, c, _t, _ in events)
    assert not any(c.startswith("19") for _s, c, _t, _ in events)


def test_calibration_never_decreases_with_the_raw_score() -> None:
    assert monotone([(8, 10), (5, 10), (9, 10)]) == pytest.approx([0.65, 0.65, 0.9])
