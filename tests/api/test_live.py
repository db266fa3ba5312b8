"""`faultline serve` and `faultline ingest` on one store at the same time (slow: a real
server process, a real ingest in batches, real DuckDB)."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from tests.store.conftest import keyword_coder

from faultline.store import open_store
from faultline.store.db import write_flag
from faultline.store.ingest import ingest_paths

pytestmark = pytest.mark.slow

COUNTRIES = ("Benin", "Niger", "Togo", "Ghana", "Mali", "Chad", "Senegal", "Gambia")
DOCUMENTS = 240
BATCH = 8  # small batches: many commits while the server answers


def write_documents(folder: Path) -> Path:
    folder.mkdir()
    rng = random.Random(7)
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as out:
        for i in range(DOCUMENTS):
            a, b = rng.sample(COUNTRIES, 2)
            text = (f"Dispatch {i}: officials of {a} and {b} met on day {i} to discuss "
                    f"matter {i * 7919 % 1000}.\n\nThe talks between {a} and {b} went on "
                    f"for {i % 5 + 1} hours, a statement numbered {i} said.")
            out.write(json.dumps({"id": f"d{i}", "text": text, "title": f"Dispatch {i}",
                                  "published": f"2025-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
                                  "outlet": f"Outlet {i % 4}"}) + "\n")
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_while_ingest_commits(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    inputs = write_documents(tmp_path / "in")
    # A first run stores a few documents so the server has a store to open.
    first = tmp_path / "first.jsonl"
    first.write_text("".join((inputs / "feed.jsonl").read_text().splitlines(True)[:BATCH]))
    ingest_paths([first], db, coder=keyword_coder)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from faultline.cli import main; main()", "serve", "--db",
         str(db), "--port", str(port)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    statuses: list[int] = []
    totals: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while not stop.is_set():
                response = client.get("/api/events", params={"limit": 1})
                statuses.append(response.status_code)
                if response.status_code == 200:
                    totals.append(response.json()["total"])

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        poller = threading.Thread(target=poll)
        poller.start()
        report = ingest_paths([inputs / "feed.jsonl"], db, coder=keyword_coder,
                              batch_size=BATCH)
        time.sleep(0.3)
        stop.set()
        poller.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)
    assert report.status == "finished" and report.articles_new == DOCUMENTS - BATCH
    assert not write_flag(db).exists()
    with open_store(db) as store:
        stored = store.count("events")
    assert len(statuses) > 20 and set(statuses) == {200}, set(statuses)
    assert totals == sorted(totals), "a reader saw the store go backwards"
    assert totals[0] < stored == totals[-1]


def test_serve_warns_when_bound_beyond_loopback(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    open_store(db, write=True).close()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from faultline.cli import main; main()", "serve", "--db",
         str(db), "--host", "0.0.0.0", "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        first = server.stderr.readline()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "warning" in first and "0.0.0.0" in first and "no authentication" in first
