"""What every relations query shares: how an actor is keyed and which day an event belongs to."""

from __future__ import annotations

from typing import Literal

Group = Literal["country", "code"]
Freq = Literal["week", "month"]
GROUPS: tuple[str, ...] = ("country", "code")
FREQS: tuple[str, ...] = ("week", "month")


def actor_key(side: str, group: str, alias: str = "e") -> str:
    """SQL for the key an actor is grouped by: its country (IGOs and groups by their code),
    or its full actor code."""
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}, not {group!r}")
    if group == "country":
        return f"coalesce({alias}.{side}_country, {alias}.{side}_code)"
    return f"{alias}.{side}_code"


def period_sql(freq: str, day: str) -> str:
    """SQL for the first day of the week (Monday) or month holding ``day``."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return f"CAST(date_trunc('{freq}', {day}) AS DATE)"


# The day an event counts on: its own date, else its article's publication date (as the
# GDELT export dates it).
DAY = "coalesce(e.date, a.published)"
COUNTED = "counted_events e JOIN articles a ON a.article_id = e.article_id"
