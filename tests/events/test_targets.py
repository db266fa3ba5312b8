"""Whom an appeal or a condemnation is aimed at: never the victims of the act condemned, nor an
actor of the act asked for. Sentences written for these tests (real model)."""

from __future__ import annotations

import pytest

from faultline.model import Event
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[Event]:
    return code_text(text, date="2025-06-13")[1]


def targets(text: str, trigger: str) -> set[str | None]:
    found = [e for e in coded(text) if e.evidence.trigger == trigger]
    assert found, f"no event for {trigger!r}"
    return {e.target.code if e.target else None for e in found}


def test_a_condemnation_is_not_aimed_at_the_victims() -> None:
    text = "The African Union condemned the violence against Togolese protesters."
    assert "TGOCVL" not in targets(text, "condemned")


def test_an_appeal_is_not_aimed_at_those_it_asks_to_protect() -> None:
    text = "Ghana's foreign minister urged all sides to protect Togolese civilians."
    assert "TGOCVL" not in targets(text, "urged")


def test_an_appeal_to_a_named_actor_keeps_it() -> None:
    text = "Ghana urged Togo to protect its civilians."
    assert targets(text, "urged") & {"TGO", "TGOGOV"}
