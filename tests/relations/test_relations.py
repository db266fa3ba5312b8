"""Series, alerts, network and actor search on a constructed real DuckDB store."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from pathlib import Path

import networkx as nx
import pytest
from tests.relations.conftest import COPIES, SOURING_WEEK, WEEKS, week
from tests.relations.store_builder import NAMES, Act, StorySpec, build_store

from faultline.relations import actors, alerts, network, network_graphml, network_json, series
from faultline.store import open_store


def test_alert_names_the_souring_dyad_and_week(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        found = alerts(store)
    assert [(a.a, a.b, a.direction) for a in found] == [("BEN", "NER", "souring")]
    alert = found[0]
    started = dt.date.fromisoformat(alert.week)
    assert abs((started - week(SOURING_WEEK)).days) <= 7
    assert alert.size < -3 and alert.p_value <= 0.01
    assert alert.stories_after >= 2 and len(alert.story_ids) == alert.stories_after
    assert alert.events_after == len(alert.event_ids) > 0


def test_no_alert_on_the_flat_dyad_nor_from_one_copied_story(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        dyads = {(a.a, a.b) for a in alerts(store, min_stories=2)}
    assert ("GHA", "TGO") not in dyads
    assert ("FRA", "MLI") not in dyads  # one hostile wire story in ten outlets


def test_alerts_since_drops_earlier_changes(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        assert alerts(store, since=week(WEEKS).isoformat()) == []


def test_series_counts_copies_once_and_widens_on_one_story(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        rows = series(store, "MLI", "FRA")
    assert [r.start for r in rows] == [week(n).isoformat() for n in range(12)]
    wire = rows[11]
    assert (wire.events, wire.stories, wire.outlets, wire.q4) == (1, 1, COPIES, 1)
    assert (wire.goldstein_low, wire.goldstein_high) == (-10.0, 10.0)
    assert wire.cooperation_share == 0.0 and wire.cooperation_high > 0.5
    empty = rows[1]
    assert (empty.events, empty.stories, empty.mean_goldstein) == (0, 0, None)


def test_series_spans_its_events_not_the_asked_range(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        wide = series(store, "NER", "BEN", since="1900-01-01", until="3900-12-31")
        inside = series(store, "NER", "BEN", since=week(3).isoformat(),
                        until=week(5, 6).isoformat())
    assert len(wide) == WEEKS
    assert [p.start for p in inside] == [week(n).isoformat() for n in (3, 4, 5)]


def test_series_interval_narrows_with_more_stories(relations_db: Path) -> None:
    with open_store(relations_db) as store:
        weekly = series(store, "NER", "BEN")
        monthly = series(store, "BEN", "NER", freq="month")
        directed = series(store, "BEN", "NER", directed=True)
    assert len(weekly) == WEEKS and all(r.stories == 2 for r in weekly)
    assert weekly[0].cooperation_share == 1.0 and weekly[-1].cooperation_share == 0.0
    january = monthly[0]
    assert january.start == "2025-01-01" and january.stories == 8
    width = january.goldstein_high - january.goldstein_low
    assert width < weekly[0].goldstein_high - weekly[0].goldstein_low
    assert january.goldstein_low <= january.mean_goldstein <= january.goldstein_high
    assert sum(r.events for r in directed) == 2 * (WEEKS - SOURING_WEEK)


def test_network_is_signed_and_exports(relations_db: Path, tmp_path: Path) -> None:
    with open_store(relations_db) as store:
        graph = network(store)
        recent = network(store, start=week(SOURING_WEEK).isoformat())
    assert graph["NER"]["BEN"]["sign"] == 1 and graph["BEN"]["NER"]["sign"] == -1
    assert graph["BEN"]["NER"]["conflict"] == 2 * (WEEKS - SOURING_WEEK)
    assert not recent.has_edge("NER", "BEN")
    data = json.loads(network_json(graph))
    assert {n["id"] for n in data["nodes"]} == {"NER", "BEN", "GHA", "TGO", "MLI", "FRA"}
    out = tmp_path / "g.graphml"
    out.write_text(network_graphml(graph))
    back = nx.read_graphml(out)
    assert back["MLI"]["FRA"]["events"] == 6


@pytest.mark.parametrize(("q", "expected"), [("ni", "NER"), ("Ben", "BEN"), ("tog", "TGO")])
def test_actor_search_by_code_or_name(relations_db: Path, q: str, expected: str) -> None:
    with open_store(relations_db) as store:
        hits = actors(store, q)
    assert hits[0].key == expected and hits[0].events > 0
    assert hits[0].as_source + hits[0].as_target == hits[0].events


def test_noise_raises_no_alert(tmp_path: Path) -> None:
    """Sixty dyads whose stories draw their event at random: whatever CUSUM finds in them,
    the false discovery control keeps it from becoming an alert."""
    rng = random.Random(11)
    codes = [("040", 1.0, 1), ("057", 8.0, 1), ("111", -2.0, 3), ("172", -5.0, 4),
             ("190", -10.0, 4)]
    pairs = list(itertools.permutations(NAMES, 2))
    specs = []
    for d in range(60):
        source, target = pairs[d % len(pairs)]
        for n in range(12):
            cameo, goldstein, quad = rng.choice(codes)
            specs.append(StorySpec(f"noise{d}-{n}", week(rng.randrange(WEEKS), d % 5),
                                   (Act(source, target, cameo, goldstein, quad),)))
    with open_store(build_store(tmp_path / "noise.duckdb", specs)) as store:
        assert alerts(store) == []
