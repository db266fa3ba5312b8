"""A real server process and Debian's chromium driven by Playwright (never `playwright
install`: it downloads a browser). Screenshots go to tmp/browser/ in the checkout."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.api.conftest import sample_db  # noqa: F401  (the ingested sample corpus)
from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTEFACTS = REPO / "tmp" / "browser"
VIEWPORT = {"width": 1280, "height": 800}
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    """``faultline serve`` on ``db`` in its own process, once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from faultline.cli import main; main()", "serve", "--db",
         str(db), "--port", str(port)], stderr=subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code in (200, 503):
                return process, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError(f"faultline serve did not start on {db}")
        time.sleep(0.2)


@pytest.fixture
def server() -> Iterator:  # type: ignore[type-arg]
    """A function starting a server on a store; every server started is stopped after."""
    started: list[subprocess.Popen[str]] = []

    def start(db: Path) -> str:
        process, base = serve(db)
        started.append(process)
        return base

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator:  # type: ignore[type-arg]
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    """A fresh page; console errors and page errors are collected in ``page.problems``."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.problems = problems
    yield tab
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
