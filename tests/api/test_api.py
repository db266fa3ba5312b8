"""The HTTP API on the constructed store: answers, filters, limits, errors and headers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.relations.conftest import SOURING_WEEK, WEEKS, week

from faultline.api.app import MAX_BODY, MAX_PAGE
from faultline.cli.serve import is_loopback


def error_of(response) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return response.status_code, body["error"]["code"]


def test_health_counts(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["events"] > body["counted_events"] > 0


def test_events_filters_and_pages(client: TestClient) -> None:
    whole = client.get("/api/events", params={"dyad": "NER,BEN", "limit": MAX_PAGE}).json()
    assert whole["total"] == 2 * WEEKS == len(whole["events"])
    page = client.get("/api/events", params={"dyad": "BEN-NER", "limit": 5, "offset": 5}).json()
    assert [e["event_id"] for e in page["events"]] == [
        e["event_id"] for e in whole["events"][5:10]]
    hostile = client.get("/api/events", params={
        "dyad": "NER,BEN", "quad_class": 4, "since": week(SOURING_WEEK).isoformat()}).json()
    assert hostile["total"] == WEEKS - SOURING_WEEK
    assert {e["plover"] for e in hostile["events"]} == {"SANCTION"}
    counted = client.get("/api/events", params={"source": "MLI", "counted_only": True}).json()
    everything = client.get("/api/events", params={"source": "MLI"}).json()
    assert counted["total"] == everything["total"] - 1
    assert all(e["counted"] for e in counted["events"])
    found = client.get("/api/events", params={"q": "STORY NB3-1"}).json()
    assert found["total"] == 1 and "nb3-1" in found["events"][0]["evidence"]["sentence"]


def test_event_article_and_story_detail(client: TestClient) -> None:
    first = client.get("/api/events", params={"source": "MLI", "cameo": "195"}).json()
    event_id = first["events"][0]["event_id"]
    detail = client.get(f"/api/events/{event_id}").json()
    evidence, text = detail["event"]["evidence"], detail["article"]["text"]
    assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
    article = client.get(f"/api/articles/{detail['article']['article_id']}").json()
    assert event_id in {e["event_id"] for e in article["events"]}
    story = client.get(f"/api/stories/{detail['event']['story_id']}").json()
    outlets = {c["outlet"] for a in story["articles"] for c in a["copies"]}
    assert len(outlets) == 10


def test_series_alerts_network_actors(client: TestClient) -> None:
    series = client.get("/api/dyads/ner/ben/series").json()
    assert len(series["periods"]) == WEEKS and series["a"] == "NER"
    monthly = client.get("/api/dyads/NER/BEN/series", params={"freq": "month"}).json()
    assert sum(p["events"] for p in monthly["periods"]) == 2 * WEEKS
    backwards = client.get("/api/dyads/NER/BEN/series",
                           params={"since": "2025-03-01", "until": "2025-01-01"}).json()
    assert backwards["periods"] == []
    alerts = client.get("/api/alerts").json()["alerts"]
    assert [(a["a"], a["b"], a["direction"]) for a in alerts] == [("BEN", "NER", "souring")]
    graph = client.get("/api/network").json()
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("BEN", "NER"))
    assert edge["sign"] == -1
    assert client.get("/api/actors", params={"q": "tog"}).json()["actors"][0]["key"] == "TGO"


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/events/e-0000", 404, "not-found"),
    ("/api/articles/a-0000", 404, "not-found"),
    ("/api/stories/s-0000", 404, "not-found"),
    ("/api/nothing", 404, "not-found"),
    (f"/api/events?limit={MAX_PAGE + 1}", 422, "invalid-request"),
    ("/api/events?since=2025-02-30", 422, "invalid-request"),
    ("/api/events?cameo=x';DROP TABLE events", 422, "invalid-request"),
    ("/api/dyads/NER/BEN/series?freq=day", 422, "invalid-request"),
])
def test_one_error_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert error_of(client.get(url)) == (status, code)


def test_body_limit_and_method(client: TestClient) -> None:
    big = client.post("/api/code", content=b"{" + b" " * MAX_BODY + b"}",
                      headers={"content-type": "application/json"})
    assert error_of(big) == (413, "too-large")
    assert error_of(client.post("/api/code", json={"text": ""}))[0] == 422
    assert error_of(client.delete("/api/events")) == (405, "method-not-allowed")


def test_cors_closed_and_headers(client: TestClient) -> None:
    response = client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/health", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_store_is_never_written(client: TestClient, constructed_db: Path) -> None:
    before = (os.path.getmtime(constructed_db), constructed_db.stat().st_size)
    for url in ("/api/health", "/api/events", "/api/alerts", "/api/network", "/api/stories"):
        assert client.get(url).status_code == 200
    assert (os.path.getmtime(constructed_db), constructed_db.stat().st_size) == before


def test_missing_store_is_a_503(tmp_path: Path) -> None:
    from faultline.api import create_app

    with TestClient(create_app(tmp_path / "none.duckdb")) as missing:
        assert error_of(missing.get("/api/health")) == (503, "store-unavailable")


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False),
    ("192.168.1.4", False), ("example.org", False)])
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
