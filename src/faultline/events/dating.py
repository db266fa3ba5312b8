"""Event dates from the sentence's own time expressions, read against the publication date.

Dates are written YYYY-MM-DD; ``date_precision`` says which parts are meaningful (a month- or
year-precision date points at the first day of that month or year). Relative expressions
("on Thursday", "last month", "earlier this year") need the publication date; absolute ones
("in 2019", "on April 10, 2023") do not. A sentence without any expression takes the
publication date, unless its event lies in the future; with no publication date the event
date stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# Summer, for "last summer": the northern-hemisphere months news agencies mean.
SUMMER_MONTH = 7
# Years outside this range in a sentence are numbers, not dates.
YEAR_RANGE = (1900, 2100)

_YEAR = re.compile(r"\b(1[9]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None
    precision: str | None
    cue: str = ""  # how the date was found, for the event's trace



def _iso(year: int, month: int = 1, day: int = 1) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_before(published: dt.date, month: int) -> int:
    """The year of the most recent ``month`` on or before the publication date."""
    return published.year if month <= published.month else published.year - 1


def read_expression(text: str, published: dt.date | None) -> EventDate | None:
    """A date from one time expression, or None if it says nothing usable."""
    words = text.lower().replace(",", " ").split()
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
    if month is not None:
        day_match = next((m for m in _DAY.finditer(_YEAR.sub(" ", text))
                          if 1 <= int(m.group(1)) <= 31), None)
        if year is None:
            if published is None:
                return None
            year = _month_before(published, month)
        if day_match:
            return EventDate(_iso(year, month, int(day_match.group(1))), "day")
        return EventDate(_iso(year, month), "month")
    if year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return EventDate(_iso(year), "year")
    if published is None:
        return None
    return _relative(words, published)


def _relative(words: list[str], published: dt.date) -> EventDate | None:
    joined = " ".join(words)
    day = dt.timedelta(days=1)
    if "yesterday" in words:
        return EventDate((published - day).isoformat(), "day")
    if "today" in words or "tonight" in words or "this morning" in joined:
        return EventDate(published.isoformat(), "day")
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        back = (published.weekday() - weekday) % 7
        if "last" in words and back == 0:
            back = 7
        return EventDate((published - back * day).isoformat(), "day")
    if "last week" in joined or "past week" in joined:
        return EventDate((published - 7 * day).isoformat(), "day")
    if "last month" in joined:
        first = published.replace(day=1) - day
        return EventDate(_iso(first.year, first.month), "month")
    if "this month" in joined or "earlier this month" in joined:
        return EventDate(_iso(published.year, published.month), "month")
    if "last year" in joined:
        return EventDate(_iso(published.year - 1), "year")
    if "this year" in joined:
        return EventDate(_iso(published.year), "year")
    if "last summer" in joined:
        year = published.year if published.month > SUMMER_MONTH + 1 else published.year - 1
        return EventDate(_iso(year, SUMMER_MONTH), "month")
    return None


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a word belongs to (the word itself if no verb governs it)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head != current:
        current = current.head
    return current


def _time_expressions(sentence: Span, verb: Token) -> list[Span]:
    """DATE entities of the trigger's clause or of a clause governing it, nearest first.
    "last summer" in a coordinated clause does not date the first one."""
    found = []
    for ent in sentence.ents:
        if ent.label_ != "DATE":
            continue
        owner = _clause_verb(ent.root.head)
        if owner == verb or owner.is_ancestor(verb):
            found.append((0 if owner == verb else 1, ent))
    return [ent for _, ent in sorted(found, key=lambda pair: (pair[0], pair[1].start))]


def event_date(sentence: Span, verb: Token, published: str | None, future: bool) -> EventDate:
    """The date of an event whose governing verb is ``verb``."""
    pub = dt.date.fromisoformat(published) if published else None
    for expression in _time_expressions(sentence, verb):
        found = read_expression(expression.text, pub)
        if found is not None and found.date is not None:
            return EventDate(found.date, found.precision, f"time:expression={expression.text}")
    if pub is None:
        return EventDate(None, None, "time:no_publication_date")
    if future:
        return EventDate(None, None, "time:future")
    return EventDate(pub.isoformat(), "day", "time:publication_date")
