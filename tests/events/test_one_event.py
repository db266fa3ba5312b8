"""A country acting as a state is its government; one happening gives one event. Sentences
written for these tests (real model)."""

from __future__ import annotations

import pytest

from faultline.model import Event
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[Event]:
    return code_text(text, date="2025-06-13")[1]


def test_a_country_accusing_or_sanctioning_is_its_government() -> None:
    accused = next(e for e in coded("Kenya accused Uganda of arming the rebels.")
                   if e.cameo.startswith("11"))
    assert accused.source is not None and accused.source.code == "KENGOV"
    assert "conv:state_voice" in accused.trace


def test_violence_by_a_country_keeps_the_bare_country() -> None:
    attack = next(e for e in coded("Ethiopia attacked Eritrea on Monday.")
                  if e.cameo.startswith("19"))
    assert attack.source is not None and attack.source.code == "ETH"


def test_a_light_verb_and_its_event_noun_give_one_event() -> None:
    events = coded("On Sunday night, Israel carried out a wave of air strikes in southern Lebanon.")
    violent = [e for e in events if e.cameo_root == "19" and e.counted]
    assert len(violent) == 1 and violent[0].cameo == "195"


def test_a_death_in_combat_is_the_opposing_side_s_use_of_force() -> None:
    events = coded("Two Malian soldiers were killed in clashes with JNIM fighters on Monday.")
    death = next(e for e in events if e.evidence.trigger == "killed")
    assert death.cameo == "190" and death.source is not None and death.source.code
    assert death.source.code.startswith("SAHREBJNM") or death.source.country == "MLI"
    assert death.target is not None and death.target.code == "MLIMIL"
    assert any(step.startswith("src:combat_opponent") for step in death.trace)


def test_a_visit_needs_a_host_where_it_goes() -> None:
    envoys = coded("Qatar sent envoys to avert a clash between Chad and Sudan.")
    assert not any(e.cameo == "042" and e.counted for e in envoys)
    hosted = coded("Qatar sent an envoy to Khartoum on Monday.")
    assert any(e.cameo == "042" and e.counted and e.target and e.target.country == "SDN"
               for e in hosted)


def test_two_acts_joined_in_one_sentence_stay_two() -> None:
    events = coded("Mali expelled France's ambassador in March and imposed sanctions on France "
                   "in May.")
    codes = {e.cameo[:3] for e in events if e.counted}
    assert {"166", "163"} <= codes, codes


def test_a_happening_told_again_in_the_article_points_to_its_first_report() -> None:
    text = ("Ghana expelled the Togolese ambassador on Tuesday.\n\n"
            "Officials in Accra gave no reason. Ghana expelled the Togolese ambassador on "
            "Tuesday after a dispute over the border, a diplomat said.")
    expelled = [e for e in coded(text) if e.evidence.trigger == "expelled"]
    assert len(expelled) == 2
    first, repeat = expelled
    assert first.counted and first.repeat_of is None
    assert repeat.repeat_of == first.event_id and not repeat.counted
    assert f"repeat:of={first.event_id}" in repeat.trace
    assert repeat.to_dict()["repeat_of"] == first.event_id


def test_killed_fighting_someone_is_that_side_s_use_of_force() -> None:
    events = coded("Three Kenyan soldiers were killed fighting al-Shabaab in Somalia on Monday.")
    death = next(e for e in events if e.evidence.trigger == "killed")
    assert death.cameo == "190" and death.target is not None and death.target.code == "KENMIL"
    assert death.source is not None and death.source.code == "SOMREBSHB"
    assert "src:combat_opponent>190" in death.trace


def test_an_army_killing_fighters_is_combat_not_an_assault() -> None:
    combat = next(e for e in coded("Nigerian troops killed twenty Boko Haram fighters on "
                                   "Monday.") if e.evidence.trigger == "killed")
    assert combat.cameo == "190" and "conv:assault>190" in combat.trace
    murder = next(e for e in coded("Boko Haram fighters killed twenty villagers in Borno on "
                                   "Monday.") if e.evidence.trigger == "killed")
    assert murder.cameo != "190"
