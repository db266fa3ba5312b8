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


def test_a_since_clause_makes_a_perfect_background() -> None:
    text = "Since it seized the capital in 2019, the junta has banned Togolese newspapers."
    event = by_trigger(coded(text), "banned")
    assert event.background and event.date != PUBLISHED and not event.counted


def test_a_habit_or_standing_position_is_background() -> None:
    repeated = by_trigger(coded("Ghana has repeatedly warned Togo over the border."), "warned")
    assert repeated.background and not repeated.counted
    text = ("Kenya closed its border with Somalia on Thursday.\n\n"
            "Kenya accuses Somalia of arming the militia. Somalia has denied backing it.")
    events = coded(text)
    for trigger in ("accuses", "denied"):  # after the lead, a standing position
        assert by_trigger(events, trigger).background
        assert not by_trigger(events, trigger).counted
    lead = by_trigger(coded("Kenya has expelled the Somali ambassador."), "expelled")
    assert not lead.background and lead.date == PUBLISHED  # the lead's perfect is the news


def test_a_present_statement_is_the_day_s_news() -> None:
    event = by_trigger(coded("Ghana warns Togo against closing the border."), "warns")
    assert not event.background and event.date == PUBLISHED


def test_years_ago_and_a_long_span_are_read() -> None:
    ago = by_trigger(coded("Two years ago, Chad expelled the French ambassador."), "expelled")
    assert (ago.date, ago.date_precision) == ("2023-01-01", "year")
    span = by_trigger(coded("For more than ten years, the rebels fought the Malian army."),
                      "fought")
    assert span.background and span.date is None


def test_a_dated_past_paragraph_goes_on_in_the_past_until_a_new_paragraph() -> None:
    text = ("In 2020, Indian and Chinese troops clashed in the mountains. After the clash, "
            "India banned Chinese apps.\n\nOn Thursday, India expelled two Chinese diplomats.")
    events = coded(text)
    banned = by_trigger(events, "banned")
    assert banned.background and banned.date is None and not banned.counted
    expelled = by_trigger(events, "expelled")
    assert expelled.date == "2025-06-12" and expelled.counted


@pytest.mark.parametrize("text", [
    "Talks between Sudan and Chad, hosted by Qatar in 2023, failed to end the dispute.",
    "Several rounds of talks between Chad and Sudan, hosted by Qatar in 2023, produced short "
    "truces.",
])
def test_a_participle_dates_its_event_noun(text: str) -> None:
    talks = [e for e in coded(text) if e.evidence.trigger.lower() == "talks"]
    assert talks and all(e.date == "2023-01-01" for e in talks)


def test_a_participle_describing_an_actor_is_no_news() -> None:
    text = "Militias backed by Rwanda attacked Goma on Thursday."
    events = coded(text)
    backed = [e for e in events if e.evidence.trigger == "backed"]
    assert backed and all(not e.counted and "time:describing_participle" in e.trace
                          for e in backed)
    assert by_trigger(events, "attacked").date == "2025-06-12"
