"""Evaluation as a gate: the coder's accuracy on ../shared/eval never drops below its floors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tests.conftest import REPO

from faultline.evaluation.actors import evaluate_actors
from faultline.evaluation.articles import evaluate_articles
from faultline.evaluation.events import evaluate_events

pytestmark = pytest.mark.slow

FLOORS = tomllib.loads((REPO / "eval" / "floors.toml").read_text(encoding="utf-8"))


def test_event_accuracy_meets_floors(eval_dir: Path) -> None:
    report = evaluate_events(eval_dir)
    floors = FLOORS["events"]
    measured = {
        "cameo_found": report.cameo_found.value,
        "cameo_root": report.cameo_root.value,
        "cameo_3digit": report.cameo_3digit.value,
        "plover_found": report.plover_found.value,
        "plover_type": report.plover_type.value,
        "source_country": report.source_country.value,
        "target_country": report.target_country.value,
        "cameo_counted": report.cameo_counted.value,
        "plover_counted": report.plover_counted.value,
    }
    below = {k: round(v, 3) for k, v in measured.items() if v < floors[k]}
    assert not below, f"below floor: {below}"
    assert report.ece <= floors["max_ece"]


def test_actor_accuracy_meets_floors(eval_dir: Path) -> None:
    report = evaluate_actors(eval_dir)
    floors = FLOORS["actors"]
    assert report.country.value >= floors["country"], str(report.country)
    assert report.role.value >= floors["role"], str(report.role)
    assert report.unknown.value <= floors["max_unknown"], str(report.unknown)


def test_article_test_half_meets_floors() -> None:
    report = evaluate_articles(REPO / "eval" / "articles", "test").splits["test"]
    floors = FLOORS["articles"]
    assert report.precision.value >= floors["test_fully_correct"], str(report.precision)
    assert report.recall.value >= floors["test_recall"], str(report.recall)
