"""The dashboard in headless chromium on the ingested sample corpus (slow)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import screenshot

from faultline.store import open_store
from faultline.store.ingest import ingest_paths

pytestmark = pytest.mark.slow
WAIT_MS = 15_000


def pick(page, field: str, typed: str, key: str) -> None:  # type: ignore[no-untyped-def]
    page.fill(f"#actor-{field}", "")
    page.type(f"#actor-{field}", typed)
    page.click(f"#actor-{field}-list button[data-key='{key}']", timeout=WAIT_MS)


def test_choose_dyad_click_week_read_evidence(page, server, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    base = server(sample_db)
    page.goto(base + "/")
    page.wait_for_selector("#chart svg", timeout=WAIT_MS)
    pick(page, "a", "beni", "BEN")
    pick(page, "b", "nig", "NER")
    page.click("#show-dyad")
    expect(page.locator("#chart-title")).to_have_text(re.compile(r"^BEN – NER: \d+ counted"),
                                                      timeout=WAIT_MS)
    page.wait_for_selector("#chart svg", timeout=WAIT_MS)
    assert page.locator("#chart .alert.souring").count() == 1
    weeks = page.locator("#chart .hit[tabindex='0']")
    assert weeks.count() >= 4
    weeks.last.click()
    first = page.locator("#events button.event").first
    first.wait_for(timeout=WAIT_MS)
    listed = first.locator(".sentence").text_content()
    first.click()
    mark = page.locator("#evidence mark#evidence-sentence")
    mark.wait_for(timeout=WAIT_MS)
    assert mark.text_content() == listed
    assert mark.is_visible() and mark.locator(".trigger").count() == 1
    assert page.locator("#evidence .outlets li").count() >= 1
    screenshot(page, "evidence")
    assert page.problems == []


def test_keyboard_reaches_a_week_and_its_events(page, server, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server(sample_db) + "/#dyad=BEN,NER")
    page.wait_for_selector("#chart .hit[tabindex='0']", timeout=WAIT_MS)
    page.focus("#chart .hit[tabindex='0']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#events button.event", timeout=WAIT_MS)
    page.keyboard.press("Tab")
    page.focus("#events button.event")
    page.keyboard.press("Enter")
    page.wait_for_selector("#evidence mark", timeout=WAIT_MS)
    for view in ("alerts", "network", "map"):
        page.click(f"#tabs button[data-view='{view}']")
        page.wait_for_selector(f"#view-{view} svg, #view-{view} tbody tr", timeout=WAIT_MS)
        screenshot(page, view)
    assert page.locator("#alerts tbody tr.souring").count() >= 1
    assert page.locator("#map path.land").count() == 1
    assert page.problems == []


def test_empty_store_says_so(page, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "empty.duckdb"
    open_store(db, write=True).close()
    page.goto(server(db) + "/")
    page.wait_for_selector("#empty", state="visible", timeout=WAIT_MS)
    assert "no events yet" in page.locator("#empty").text_content()
    screenshot(page, "empty")
    assert page.problems == []


SCRIPT_TITLE = ("Border <script>window.__xss = 'title'</script> talks "
                "<img src=x onerror=\"window.__xss = 'img'\">")
HOSTILE = ("Benin and Niger signed a trade agreement in Cotonou on Monday, officials said.\n\n"
           "A statement read <script>window.__xss = 'text'</script> and "
           "<img src=x onerror=\"window.__xss = 'text-img'\"> before the talks ended.\n\n"
           "Niger criticized Benin on Tuesday over the <b onmouseover=\"window.__xss=1\">"
           "closed</b> border.")


def test_markup_in_an_article_runs_nothing(page, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "hostile.jsonl"
    feed.write_text(json.dumps({"id": "x1", "title": SCRIPT_TITLE, "text": HOSTILE,
                                "published": "2025-05-05", "outlet": "<i>Outlet</i>"}) + "\n")
    db = tmp_path / "hostile.duckdb"
    ingest_paths([feed], db)
    with open_store(db) as store:
        stored = store.sql("SELECT title, text FROM articles").to_pylist()
    assert "<script>" in stored[0]["title"] and "onerror=" in stored[0]["text"]
    page.goto(server(db) + "/#dyad=BEN,NER")
    page.wait_for_selector("#chart .hit[tabindex='0']", timeout=WAIT_MS)
    page.click("#chart .hit[tabindex='0']")
    page.click("#events button.event", timeout=WAIT_MS)
    page.wait_for_selector("#evidence mark", timeout=WAIT_MS)
    page.wait_for_timeout(300)
    evidence = page.locator("#evidence")
    assert "<script>" in evidence.locator(".title").text_content()
    assert "onerror=" in evidence.locator(".article").text_content()
    assert evidence.locator("script, img, b, i").count() == 0
    assert page.evaluate("window.__xss") is None
    screenshot(page, "xss")
    assert page.problems == []
