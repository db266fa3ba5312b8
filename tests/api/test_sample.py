"""The API on the sample corpus ingested with the real coder (slow: loads spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from faultline.store import open_store

pytestmark = pytest.mark.slow


def test_events_total_matches_the_store(sample_client: TestClient, sample_db: Path) -> None:
    with open_store(sample_db) as store:
        stored = store.count("events")
        dyad = store.sql("SELECT count(*) AS n FROM events WHERE (starts_with(source_code, 'BEN')"
                         " AND starts_with(target_code, 'NER')) OR (starts_with(source_code, "
                         "'NER') AND starts_with(target_code, 'BEN'))").to_pylist()[0]["n"]
    assert sample_client.get("/api/health").json()["events"] == stored
    assert sample_client.get("/api/events", params={"dyad": "BEN,NER"}).json()["total"] == dyad


def test_every_event_points_into_its_article(sample_client: TestClient) -> None:
    page = sample_client.get("/api/events", params={"limit": 500}).json()
    assert page["total"] == len(page["events"]) > 10
    for event in page["events"][:15]:
        detail = sample_client.get(f"/api/articles/{event['article_id']}").json()
        ev = event["evidence"]
        assert detail["article"]["text"][ev["start"]:ev["end"]] == ev["sentence"]


def test_syndicated_story_lists_both_outlets(sample_client: TestClient) -> None:
    stories = sample_client.get("/api/stories", params={"limit": 500}).json()["stories"]
    shared = [s for s in stories if s["n_outlets"] >= 2]
    assert shared, "the pipeline wire story was carried by two outlets"
    detail = sample_client.get(f"/api/stories/{shared[0]['story_id']}").json()
    outlets = {c["outlet"] for a in detail["articles"] for c in a["copies"]}
    assert {"Harbor Wire", "Meridian Post"} <= outlets


def test_benin_niger_sours(sample_client: TestClient) -> None:
    series = sample_client.get("/api/dyads/BEN/NER/series").json()["periods"]
    assert series[0]["mean_goldstein"] > 0 > series[-1]["mean_goldstein"]
    alerts = sample_client.get("/api/alerts").json()["alerts"]
    assert ("BEN", "NER", "souring") in {(a["a"], a["b"], a["direction"]) for a in alerts}
    assert sample_client.get("/api/actors", params={"q": "benin"}).json()["actors"][0][
        "key"] == "BEN"


def test_code_endpoint_codes_without_storing(sample_client: TestClient, sample_db: Path) -> None:
    before = sample_client.get("/api/health").json()["events"]
    response = sample_client.post("/api/code", json={
        "text": "Ghana and Togo signed a trade agreement in Accra on Monday.",
        "date": "2025-05-05"})
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert any(e["source"] and e["source"]["country"] in {"GHA", "TGO"} for e in events)
    assert sample_client.get("/api/health").json()["events"] == before
