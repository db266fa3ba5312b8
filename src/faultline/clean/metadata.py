"""Publication date, outlet and dateline from the text and metadata an article carries."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

# Dates outside this range are misreadings (page ids, phone numbers), not publication dates.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

# "NIAMEY, March 4 (Sahel Ledger) —", "DAKAR, Senegal (AP) —", "WASHINGTON (Harbor Wire) -":
# wire datelines (place in capitals, then a date or a region, the outlet, a dash).
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}?)"
    r"(?:,\s*(?:(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})"
    r"|(?P<region>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})))?"
    r"\s*(?:\((?P<outlet>[^()]{2,60})\))?\s*[—–-]{1,2}\s+"
)
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|in|co\.uk|info|news|io|africa|fr|de))\b",
                     re.I)


# Unix timestamps (``"timestamp": 1712880000``) in seconds, or in milliseconds above this.
EPOCH_MILLIS_FROM = 10**11
_NUMBER = re.compile(r"^\d{9,13}(?:\.\d+)?$")


def _from_epoch(text: str) -> str | None:
    seconds = float(text)
    if seconds >= EPOCH_MILLIS_FROM:
        seconds /= 1000
    day = dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    return day.isoformat() if EARLIEST_YEAR <= day.year <= LATEST_YEAR else None


def parse_date(text: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date or timestamp string (or a Unix timestamp), or None
    if it holds none."""
    if not text:
        return None
    if _NUMBER.match(text.strip()):
        return _from_epoch(text.strip())
    try:
        parsed = dateparser.parse(text.strip(), fuzzy=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year < EARLIEST_YEAR or parsed.year > LATEST_YEAR:
        return None
    return parsed.date().isoformat()


def valid_iso_date(text: str) -> str:
    """``text`` if it is a real YYYY-MM-DD date, else ValueError (for ``--date``)."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as e:
        raise ValueError(f"not a date of the form YYYY-MM-DD: {text!r}") from e


def split_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """Strip a wire dateline from a first paragraph: (rest, place, outlet)."""
    found = _DATELINE.match(paragraph)
    if not found or not (found.group("outlet") or found.group("day") or found.group("region")):
        return paragraph, None, None
    place = found.group("place").strip().title()
    return paragraph[found.end():], place, found.group("outlet")


def outlet_from_lines(lines: tuple[str, ...]) -> str | None:
    """The site's domain named in its own boilerplate ("Follow … of example.in"), if any."""
    for line in lines:
        found = _DOMAIN.search(line)
        if found:
            return found.group(1).lower()
    return None
