"""Change alerts: where a dyad's weekly series shifts, found by CUSUM over independent stories.

How an alert is found (the five lines):
1. Each independent story about a dyad gives one value, the mean Goldstein score of its
   counted events there (ten copies of a wire story are one value), dated by its first week.
2. In week order, the cumulative sum S of each story's deviation from the dyad's overall mean
   wanders around zero when nothing changes and drifts away once the level shifts.
3. The change starts in the week after S is furthest from zero; its size is the mean of the
   stories after minus the mean of those before.
4. Significance: max|S| / (sigma * sqrt(n)) against the Kolmogorov distribution (the maximum of
   a Brownian bridge), sigma the spread of all the dyad's stories (conservative for few stories).
5. Every tested dyad's p goes through Benjamini-Hochberg at ALERT_FDR (many dyads, few false
   alarms); an alert also needs a shift of MIN_SHIFT and MIN_SIDE_STORIES stories on each side,
   so a single story never raises one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
from scipy import stats

from faultline.relations.common import COUNTED, DAY, actor_key, period_sql
from faultline.store.db import Store

# False discovery rate over all dyads tested (Benjamini-Hochberg): at most about one alert in
# ten is a false alarm, however many dyads a store holds.
ALERT_FDR = 0.10
# Smallest change of the mean Goldstein score worth an alert (points on the -10..10 scale).
MIN_SHIFT = 1.0
# Independent stories needed before and after the change: one story is never an alert.
MIN_SIDE_STORIES = 2
# Stories a dyad needs before it is tested at all.
MIN_STORIES = 4
# Floor of the spread: stories that agree exactly must not give p = 0.
MIN_SIGMA = 1.0
# Events (the strongest-moving first) and stories listed with an alert; counts stay complete.
MAX_EVIDENCE = 50


@dataclass(frozen=True, slots=True)
class Alert:
    """A shift in one dyad's relations, with the stories and events after it."""

    a: str
    b: str
    direction: Literal["souring", "warming"]
    week: str
    size: float
    mean_before: float
    mean_after: float
    p_value: float
    stories_before: int
    stories_after: int
    story_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    events_after: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(story_ids=list(self.story_ids), event_ids=list(self.event_ids))
        return data


@dataclass(frozen=True, slots=True)
class Change:
    """The CUSUM change point of one sequence of story values."""

    split: int  # stories before the change
    size: float
    mean_before: float
    mean_after: float
    p_value: float


def cusum_change(values: np.ndarray, weeks: np.ndarray) -> Change | None:
    """The most likely single change in the mean of ``values`` (sorted by ``weeks``), split
    only between weeks; None when no split leaves MIN_SIDE_STORIES on each side."""
    n = len(values)
    walk = np.cumsum(values - values.mean())
    # A split may only fall where the week changes, between index i and i + 1.
    candidates = [i for i in range(MIN_SIDE_STORIES - 1, n - MIN_SIDE_STORIES)
                  if weeks[i] != weeks[i + 1]]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: abs(walk[i]))
    before, after = values[: best + 1], values[best + 1:]
    sigma = max(MIN_SIGMA, float(values.std(ddof=1)))
    statistic = abs(float(walk[best])) / (sigma * np.sqrt(n))
    return Change(best + 1, float(after.mean() - before.mean()), float(before.mean()),
                  float(after.mean()), float(stats.kstwobign.sf(statistic)))


def alerts(store: Store, since: str | None = None, min_stories: int = MIN_STORIES, *,
           group: str = "country") -> list[Alert]:
    """Every dyad whose weekly relations shifted (see the module docstring), newest first;
    with ``since`` only changes starting on or after that date."""
    source, target = actor_key("source", group), actor_key("target", group)
    rows = store.con.execute(f"""
        SELECT least({source}, {target}) AS a, greatest({source}, {target}) AS b,
               coalesce(e.story_id, e.article_id) AS story,
               min({period_sql("week", DAY)}) AS week, avg(e.goldstein) AS value
        FROM {COUNTED}
        WHERE {source} IS NOT NULL AND {target} IS NOT NULL AND {source} <> {target}
              AND {DAY} IS NOT NULL
        GROUP BY ALL ORDER BY a, b, week, story""").fetchall()
    dyads: dict[tuple[str, str], list[tuple[str, dt.date, float]]] = defaultdict(list)
    for a, b, story, week, value in rows:
        dyads[(a, b)].append((story, week, value))
    tested: list[tuple[str, str, Change, list[tuple[str, dt.date, float]]]] = []
    for (a, b), stories in dyads.items():
        if len(stories) < max(min_stories, 2 * MIN_SIDE_STORIES):
            continue
        weeks = np.array([w for _, w, _ in stories])
        change = cusum_change(np.array([v for _, _, v in stories], dtype=float), weeks)
        if change is not None:
            tested.append((a, b, change, stories))
    tested.sort(key=lambda t: t[2].p_value)
    kept = benjamini_hochberg([change.p_value for _, _, change, _ in tested])
    found: list[Alert] = []
    for a, b, change, stories in tested[:kept]:
        week = stories[change.split][1]
        if abs(change.size) < MIN_SHIFT or (since and week < dt.date.fromisoformat(since)):
            continue
        after = tuple(s for s, _, _ in stories[change.split:])
        found.append(_alert(store, a, b, week, change, after, group))
    return sorted(found, key=lambda x: (x.week, x.a, x.b), reverse=True)


def benjamini_hochberg(p_values: list[float]) -> int:
    """How many of the sorted ``p_values`` are discoveries at false discovery rate ALERT_FDR."""
    keep = 0
    for rank, p in enumerate(p_values, start=1):
        if p <= ALERT_FDR * rank / len(p_values):
            keep = rank
    return keep


def _alert(store: Store, a: str, b: str, week: dt.date, change: Change,
           after: tuple[str, ...], group: str) -> Alert:
    source, target = actor_key("source", group), actor_key("target", group)
    ids = store.con.execute(f"""
        SELECT e.event_id FROM {COUNTED}
        WHERE coalesce(e.story_id, e.article_id) IN (SELECT unnest(?))
              AND least({source}, {target}) = ? AND greatest({source}, {target}) = ?
        ORDER BY e.goldstein {"ASC" if change.size < 0 else "DESC"}, e.event_id""",
        [list(after), a, b]).fetchall()
    return Alert(
        a=a, b=b, direction="souring" if change.size < 0 else "warming", week=week.isoformat(),
        size=round(change.size, 2), mean_before=round(change.mean_before, 2),
        mean_after=round(change.mean_after, 2), p_value=float(f"{change.p_value:.3g}"),
        stories_before=change.split, stories_after=len(after), story_ids=after[:MAX_EVIDENCE],
        event_ids=tuple(r[0] for r in ids[:MAX_EVIDENCE]), events_after=len(ids))
