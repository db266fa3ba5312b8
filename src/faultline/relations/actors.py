"""Actors seen in a store, found by code, name or country, with how often they act."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from faultline.relations.common import COUNTED
from faultline.store.db import Store

# Hits returned by default: enough for a search box.
DEFAULT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor key (a country, or a full actor code with ``group="code"``) and its counts."""

    key: str
    name: str | None
    country: str | None
    events: int
    as_source: int
    as_target: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def actors(store: Store, q: str = "", *, group: str = "country",
           limit: int = DEFAULT_LIMIT) -> list[ActorHit]:
    """Actors whose key or country starts with ``q`` or whose name contains it (any case):
    key matches first, then name prefixes, then by counted events."""
    if group not in ("country", "code"):
        raise ValueError(f"group must be country or code, not {group!r}")
    key = "coalesce(country, code)" if group == "country" else "code"
    rows = store.con.execute(f"""
        WITH sides AS (
            SELECT e.source_code AS code, e.source_country AS country,
                   e.source_name AS name, 1 AS src
            FROM {COUNTED} WHERE e.source_code IS NOT NULL
            UNION ALL
            SELECT e.target_code, e.target_country, e.target_name, 0
            FROM {COUNTED} WHERE e.target_code IS NOT NULL
        ), keyed AS (
            SELECT {key} AS key,
                   coalesce(max(name) FILTER (WHERE code = {key}), max(name)) AS name,
                   max(country) AS country, count(*) AS events,
                   count(*) FILTER (WHERE src = 1) AS as_source,
                   count(*) FILTER (WHERE src = 0) AS as_target,
                   lower(coalesce(string_agg(DISTINCT name, '|'), '')) AS names
            FROM sides GROUP BY 1
        )
        SELECT key, name, country, events, as_source, as_target FROM keyed
        WHERE $q = '' OR starts_with(lower(key), $q)
              OR starts_with(lower(coalesce(country, '')), $q) OR contains(names, $q)
        ORDER BY starts_with(lower(key), $q) DESC,
                 starts_with(lower(coalesce(name, '')), $q) DESC, events DESC, key
        LIMIT $limit""", {"q": q.lower(), "limit": limit}).fetchall()
    return [ActorHit(*row) for row in rows]
