"""Background told as the story's past gets its own date or none, never the publication day;
a date dates only what it modifies. Sentences written for these tests (real model)."""

from __future__ import annotations

import pytest

from faultline.model import Event
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow

PUBLISHED = "2025-06-13"  # a Friday


def coded(text: str) -> list[Event]:
    return code_text(text, date=PUBLISHED)[1]


def by_trigger(events: list[Event], trigger: str) -> Event:
    return next(e for e in events if e.evidence.trigger == trigger)


def test_past_perfect_without_a_date_is_undated_background() -> None:
    event = by_trigger(coded("Ghana had expelled the Togolese ambassador."), "expelled")
    assert event.background and event.date is None and not event.counted
    assert "time:past_perfect" in event.trace


def test_past_perfect_with_its_own_date_keeps_that_date() -> None:
    event = by_trigger(coded("Ghana had expelled the Togolese ambassador in March 2023."),
                       "expelled")
    assert (event.date, event.date_precision) == ("2023-03-01", "month")
    assert event.background and event.counted


def test_a_reported_past_perfect_is_the_speaker_s_news() -> None:
    event = by_trigger(coded("Ghana said on Tuesday that it had expelled the Togolese "
                             "ambassador."), "expelled")
    assert not event.background and event.date == "2025-06-10"


def test_a_past_relative_clause_about_someone_is_background() -> None:
    events = coded("Egypt, which sent warships to Sudan, criticised Ethiopia on Thursday.")
    sent = by_trigger(events, "sent")
    assert sent.background and sent.date is None and not sent.counted
    criticised = by_trigger(events, "criticised")
    assert not criticised.background and criticised.date == "2025-06-12"


def test_since_starts_a_span_and_dates_nothing() -> None:
    events = coded("Russia has supplied weapons to Mali since 2021.")
    event = by_trigger(events, "supplied")
    assert event.date != "2021-01-01" and event.date != PUBLISHED
    assert event.background and not event.counted


def test_a_year_modifying_a_noun_does_not_date_the_clause() -> None:
    event = by_trigger(coded("Kenya accused Somalia of violating the 2019 border agreement."),
                       "accused")
    assert event.date == PUBLISHED


def test_a_when_clause_takes_the_date_of_its_time() -> None:
    text = ("The attack was the deadliest since March 2024, when rebels killed twelve Malian "
            "soldiers.")
    event = by_trigger(coded(text), "killed")
    assert event.date == "2024-03-01"


def test_time_counted_from_the_story_s_past_gives_no_date() -> None:
    text = "Twelve days later, Indian warplanes bombed a camp in Pakistan."
    event = by_trigger(coded(text), "bombed")
    assert event.date is None and event.background


def test_month_last_year_and_the_weekend() -> None:
    last_year = by_trigger(coded("In March last year, Chad expelled the French ambassador."),
                           "expelled")
    assert last_year.date == "2024-03-01"
    weekend = by_trigger(coded("Chad expelled the French ambassador at the weekend."),
                         "expelled")
    assert weekend.date == "2025-06-07"
