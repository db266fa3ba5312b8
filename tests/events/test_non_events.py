"""What did not happen is not counted: averted, failed, attempted, expected, denied, and nouns
that only name a standing agreement. Sentences written for these tests (real model)."""

from __future__ import annotations

import pytest

from faultline.model import Event
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[Event]:
    return code_text(text, date="2025-06-13")[1]


def with_trigger(text: str, trigger: str) -> list[Event]:
    found = [e for e in coded(text) if e.evidence.trigger == trigger]
    assert found, f"no event for {trigger!r}"
    return found


@pytest.mark.parametrize(("text", "trigger", "cue"), [
    ("Qatar sent envoys to avert a clash between Chad and Sudan.", "clash", "neg:stopped"),
    ("The failure of Kenya to prosecute the Ugandan officers angered Uganda.", "prosecute",
     "neg:failing_noun=failure"),
    ("Turkey denied that the Kurds were negotiating with Syria.", "negotiating",
     "neg:denied=deny"),
])
def test_cancelled_events_are_negated(text: str, trigger: str, cue: str) -> None:
    for event in with_trigger(text, trigger):
        assert event.negated and not event.counted
        assert cue in event.trace


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russia's ability to provide assistance to Syria is limited.", "provide"),
    ("Chad made a bid to mediate between Sudan and its rebels.", "mediate"),
])
def test_attempts_and_abilities_are_not_asserted(text: str, trigger: str) -> None:
    for event in with_trigger(text, trigger):
        assert event.modality == "hypothetical" and not event.counted


def test_an_expected_attack_has_not_happened_but_a_launched_one_has() -> None:
    expected = coded("The expected Israeli assault on Rafah worried Egypt.")
    assert not any(e.cameo.startswith("19") and e.counted for e in expected)
    launched = coded("Israel launched the expected assault on Rafah on Monday.")
    assert any(e.cameo.startswith("19") and e.counted for e in launched)


def test_a_noun_naming_an_old_agreement_is_no_event() -> None:
    events = coded("Egypt warned that the plan would violate the 1979 peace treaty with Israel.")
    assert not any(e.evidence.trigger == "treaty" for e in events)
    took_effect = coded("The truce between Israel and Hamas took effect on Sunday.")
    assert any(e.evidence.trigger == "truce" for e in took_effect)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The African Union's council is due to discuss Sudan next week.", "discuss"),
    ("Kenya's president was due to travel to Uganda for a summit.", "travel"),
])
def test_a_scheduled_event_is_not_counted(text: str, trigger: str) -> None:
    for event in with_trigger(text, trigger):
        assert event.modality == "hypothetical" and not event.counted
        assert any(step.startswith("mod:scheduled=") for step in event.trace)


@pytest.mark.parametrize(("text", "trigger", "cue"), [
    ("The closures made it hard for the Red Cross to deliver aid to Malians.", "deliver",
     "mod:for_infinitive"),
    ("Ghanaian officials said a meeting between Mahama and Tinubu was possible.", "meeting",
     "mod:unrealised=possible"),
    ("The new law allows the army to support the police in Accra.", "support",
     "mod:permitted=allow"),
    ("Benin's government struggles to fund its army.", "fund", "mod:tried=struggle"),
])
def test_wanted_permitted_or_possible_events_are_not_counted(text: str, trigger: str,
                                                              cue: str) -> None:
    for event in with_trigger(text, trigger):
        assert not event.counted and cue in event.trace


@pytest.mark.parametrize("text", [
    "Sudan accused the RSF and allied militias of killing Masalit civilians.",
    "Villagers accused Malian soldiers and allied fighters of killing Fulani herders.",
])
def test_an_act_someone_is_accused_of_is_not_counted(text: str) -> None:
    for event in with_trigger(text, "killing"):
        assert event.modality == "hypothetical" and not event.counted
        assert "mod:alleged=accuse" in event.trace
