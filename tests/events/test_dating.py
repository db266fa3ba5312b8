"""Time expressions read against the publication date (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from faultline.events.dating import EventDate, read_expression

PUBLISHED = dt.date(2024, 4, 12)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", EventDate("2024-04-11", "day")),
        ("Wednesday night", EventDate("2024-04-10", "day")),
        ("last month", EventDate("2024-03-01", "month")),
        ("March", EventDate("2024-03-01", "month")),
        ("November", EventDate("2023-11-01", "month")),
        ("April 10", EventDate("2024-04-10", "day")),
        ("2019", EventDate("2019-01-01", "year")),
        ("10 April 2021", EventDate("2021-04-10", "day")),
        ("yesterday", EventDate("2024-04-11", "day")),
        ("earlier this year", EventDate("2024-01-01", "year")),
        ("last summer", EventDate("2023-07-01", "month")),
    ],
)
def test_expressions(text: str, expected: EventDate) -> None:
    assert read_expression(text, PUBLISHED) == expected


def test_relative_expression_without_publication_date_is_unknown() -> None:
    assert read_expression("Thursday", None) is None
    assert read_expression("in 2019", None) == EventDate("2019-01-01", "year")
