"""A dyad's events per week or month, with intervals that count stories, not copies.

Ten syndicated copies of one wire story are one piece of evidence: the intervals for the
cooperation share and the mean Goldstein score are computed over independent stories (each
story contributes one value), so a period resting on one story gets a wide interval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import stats

from faultline.relations.common import COUNTED, DAY, actor_key, period_sql
from faultline.store.db import Store

# Periods a series returns at most (the latest): fifty years of weeks; a stray far-off date
# must not make a series of a hundred thousand empty weeks.
MAX_PERIODS = 2610
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


def share_interval(hits: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Jeffreys interval for a proportion, each story one trial (``hits``: the sum of the
    stories' cooperation shares, ``n``: the stories), per period."""
    tail = (1 - CONFIDENCE) / 2
    low = np.where(hits <= 0, 0.0, stats.beta.ppf(tail, hits + 0.5, n - hits + 0.5))
    high = np.where(hits >= n, 1.0, stats.beta.ppf(1 - tail, hits + 0.5, n - hits + 0.5))
    return low, high


def mean_interval(mean: np.ndarray, sd: np.ndarray, n: np.ndarray) -> tuple[np.ndarray,
                                                                            np.ndarray]:
    """t interval of the mean over stories (each story one value), kept on the Goldstein scale;
    a single story gives the whole scale."""
    several = n >= 2
    df = np.where(several, n - 1, 1)
    half = stats.t.ppf(1 - (1 - CONFIDENCE) / 2, df) * np.nan_to_num(sd) / np.sqrt(
        np.maximum(n, 1))
    low = np.where(several, np.maximum(GOLDSTEIN_RANGE[0], mean - half), GOLDSTEIN_RANGE[0])
    high = np.where(several, np.minimum(GOLDSTEIN_RANGE[1], mean + half), GOLDSTEIN_RANGE[1])
    return low, high


def series(store: Store, a: str, b: str, freq: str = "week", *, directed: bool = False,
           group: str = "country", since: str | None = None,
           until: str | None = None) -> list[Period]:
    """Counted events between ``a`` and ``b`` per period (within ``since``/``until``), every
    period from the first to the last with events, empty ones as zero rows."""
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
        ), per_story AS (
            SELECT period, story, count(*) AS n,
                   count(*) FILTER (WHERE quad_class = 1) AS q1,
                   count(*) FILTER (WHERE quad_class = 2) AS q2,
                   count(*) FILTER (WHERE quad_class = 3) AS q3,
                   count(*) FILTER (WHERE quad_class = 4) AS q4,
                   sum(goldstein) AS total
            FROM ev GROUP BY period, story
        ), outlets AS (
            SELECT ps.period, count(DISTINCT src.outlet) AS outlets
            FROM per_story ps
            JOIN articles a2 ON coalesce(a2.story_id, a2.article_id) = ps.story
            JOIN article_sources src ON src.article_id = a2.article_id
            GROUP BY ps.period
        )
        SELECT period, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(total), count(*),
               sum((q1 + q2) / n), avg(total / n), stddev_samp(total / n),
               any_value(o.outlets)
        FROM per_story LEFT JOIN outlets o USING (period)
        GROUP BY period ORDER BY period""", params).fetchall()
    found = {row[0]: row for row in rows}
    if not found:
        return []
    days = _periods(min(found), max(found), freq)[-MAX_PERIODS:]
    seen = [found[d] for d in days if d in found]
    column = {name: np.array([float(r[i] or 0) for r in seen]) for i, name in enumerate(
        ("", "events", "q1", "q2", "q3", "q4", "total", "stories", "hits", "mean", "sd"))
        if name}
    g_low, g_high = mean_interval(column["mean"], column["sd"], column["stories"])
    c_low, c_high = share_interval(column["hits"], column["stories"])
    made = {}
    for i, row in enumerate(seen):
        events, total = int(row[1]), float(row[6])
        made[row[0]] = Period(
            row[0].isoformat(), events, *(int(q) for q in row[2:6]), round(total, 2),
            round(total / events, 2), round(float(g_low[i]), 2), round(float(g_high[i]), 2),
            round((int(row[2]) + int(row[3])) / events, 3), round(float(c_low[i]), 3),
            round(float(c_high[i]), 3), int(row[7]), int(row[11] or 0))
    return [made.get(day) or _empty(day) for day in days]


def _empty(day: dt.date) -> Period:
    return Period(day.isoformat(), 0, 0, 0, 0, 0, 0.0, None, None, None, None, None, None, 0, 0)
