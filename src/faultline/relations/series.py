"""A dyad's events per week or month, with intervals that count stories, not copies.

Ten syndicated copies of one wire story are one piece of evidence: the intervals for the
cooperation share and the mean Goldstein score are computed over independent stories (each
story contributes one value), so a period resting on one story gets a wide interval.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import stats

from faultline.relations.common import COUNTED, DAY, actor_key, period_sql
from faultline.store.db import Store

# Two-sided coverage of every interval.
CONFIDENCE = 0.95
# The Goldstein scale's ends: an interval never leaves them, and one story spans all of it.
GOLDSTEIN_RANGE = (-10.0, 10.0)


@dataclass(frozen=True, slots=True)
class Period:
    """One week or month of a dyad; an empty period has zero counts and no means."""

    start: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_total: float
    mean_goldstein: float | None
    goldstein_low: float | None
    goldstein_high: float | None
    cooperation_share: float | None
    cooperation_low: float | None
    cooperation_high: float | None
    stories: int
    outlets: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def dyad_clause(a: str, b: str, group: str, directed: bool) -> tuple[str, list[str]]:
    """SQL condition (and its parameters) for events between ``a`` and ``b``."""
    source, target = actor_key("source", group), actor_key("target", group)
    clause = f"({source} = ? AND {target} = ?)"
    if directed:
        return clause, [a, b]
    return f"({clause} OR ({source} = ? AND {target} = ?))", [a, b, b, a]


def period_start(day: dt.date, freq: str) -> dt.date:
    """The Monday of ``day``'s week or the first of its month (as ``date_trunc`` gives)."""
    return day - dt.timedelta(days=day.weekday()) if freq == "week" else day.replace(day=1)


def _periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    out = []
    day = period_start(first, freq)
    while day <= last:
        out.append(day)
        if freq == "week":
            day += dt.timedelta(days=7)
        else:
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def share_interval(shares: list[float]) -> tuple[float, float]:
    """Jeffreys interval for a proportion, each story one trial (its share of cooperation)."""
    n, hits = len(shares), float(sum(shares))
    tail = (1 - CONFIDENCE) / 2
    low = 0.0 if hits == 0 else float(stats.beta.ppf(tail, hits + 0.5, n - hits + 0.5))
    high = 1.0 if hits == n else float(stats.beta.ppf(1 - tail, hits + 0.5, n - hits + 0.5))
    return low, high


def mean_interval(means: list[float]) -> tuple[float, float]:
    """t interval of the mean over stories (each story one value), kept on the Goldstein scale;
    a single story gives the whole scale."""
    if len(means) < 2:
        return GOLDSTEIN_RANGE
    values = np.asarray(means)
    half = float(stats.t.ppf(1 - (1 - CONFIDENCE) / 2, len(values) - 1)
                 * values.std(ddof=1) / np.sqrt(len(values)))
    centre = float(values.mean())
    return max(GOLDSTEIN_RANGE[0], centre - half), min(GOLDSTEIN_RANGE[1], centre + half)


def series(store: Store, a: str, b: str, freq: str = "week", *, directed: bool = False,
           group: str = "country", since: str | None = None,
           until: str | None = None) -> list[Period]:
    """Counted events between ``a`` and ``b`` per period, every period from the first to the
    last (or ``since``/``until``) present, empty ones as zero rows."""
    where, params = dyad_clause(a, b, group, directed)
    period = period_sql(freq, DAY)
    bounds = ""
    if since:
        bounds += f" AND {DAY} >= CAST(? AS DATE)"
        params.append(since)
    if until:
        bounds += f" AND {DAY} <= CAST(? AS DATE)"
        params.append(until)
    rows = store.con.execute(f"""
        WITH ev AS (
            SELECT {period} AS period, coalesce(e.story_id, e.article_id) AS story,
                   e.quad_class, e.goldstein
            FROM {COUNTED} WHERE {where}{bounds} AND {DAY} IS NOT NULL
        ), outlets AS (
            SELECT ev.period, count(DISTINCT src.outlet) AS outlets
            FROM (SELECT DISTINCT period, story FROM ev) ev
            JOIN articles a2 ON coalesce(a2.story_id, a2.article_id) = ev.story
            JOIN article_sources src ON src.article_id = a2.article_id
            GROUP BY ev.period
        )
        SELECT ev.period, ev.story, count(*) AS n,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein), any_value(o.outlets)
        FROM ev LEFT JOIN outlets o USING (period)
        GROUP BY ev.period, ev.story ORDER BY ev.period, ev.story""", params).fetchall()
    by_period: dict[dt.date, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        by_period[row[0]].append(row)
    first = dt.date.fromisoformat(since) if since else min(by_period, default=None)
    last = dt.date.fromisoformat(until) if until else max(by_period, default=None)
    if first is None or last is None:
        return []
    return [_period(day, by_period.get(day, [])) for day in _periods(first, last, freq)]


def _period(day: dt.date, stories: list[tuple[Any, ...]]) -> Period:
    n = sum(r[2] for r in stories)
    quads = [sum(r[3 + i] for r in stories) for i in range(4)]
    total = float(sum(r[7] for r in stories))
    if not stories:
        return Period(day.isoformat(), 0, 0, 0, 0, 0, 0.0, None, None, None, None, None, None,
                      0, 0)
    shares = [(r[3] + r[4]) / r[2] for r in stories]
    means = [r[7] / r[2] for r in stories]
    g_low, g_high = mean_interval(means)
    c_low, c_high = share_interval(shares)
    return Period(day.isoformat(), n, *quads, round(total, 2), round(total / n, 2),
                  round(g_low, 2), round(g_high, 2), round((quads[0] + quads[1]) / n, 3),
                  round(c_low, 3), round(c_high, 3), len(stories), int(stories[0][8] or 0))
