"""Latency of the API under a bounded loopback load.

    python bench/api_load.py --db bench-1m.duckdb [--requests 300] [--concurrency 4]
                             [--seconds 60]

Starts ``faultline serve`` on the store, waits until it answers (the first request reads the
counted-event snapshot), then for each endpoint sends a fixed number of requests from a fixed
number of loopback clients, stopping early at the time limit: ``/api/dyads/{a}/{b}/series``
and ``/api/events?dyad=`` rotate over the store's dyads (each dyad's first series request is a
cache miss; the table gives the misses apart), ``/api/alerts`` repeats. Prints p50/p95/p99,
requests/s and errors per endpoint. It reports figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

START_SECONDS = 600  # reading the snapshot of a large store under load takes a while


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-c", "from faultline.cli import main; main()", "serve", "--db",
         str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=START_SECONDS
                         ).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def run(base: str, urls: Callable[[int], str], count: int, concurrency: int,
        seconds: float) -> tuple[list[float], int, float]:
    """Send ``count`` requests (url i from ``urls(i)``), ``concurrency`` at a time."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    local = threading.local()

    def one(i: int) -> None:
        nonlocal errors
        if time.monotonic() > deadline:
            return
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=60)
        began = time.perf_counter()
        try:
            ok = client.get(urls(i)).status_code == 200
        except httpx.HTTPError:
            ok = False
        took = time.perf_counter() - began
        with lock:
            latencies.append(took)
            errors += not ok

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(count)))
    return latencies, errors, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60, help="time limit per endpoint")
    args = parser.parse_args()
    started = time.perf_counter()
    server = serve(args.db, args.port)
    print(f"server up, snapshot read: {time.perf_counter() - started:.1f} s")
    base = f"http://127.0.0.1:{args.port}"
    try:
        edges = httpx.get(f"{base}/api/network", timeout=600).json()["edges"]
        pairs = sorted({tuple(sorted((e["source"], e["target"]))) for e in edges})
        print(f"{len(pairs)} dyads; concurrency {args.concurrency}, {args.requests} requests "
              f"per endpoint, at most {args.seconds:.0f} s each")
        plans = {
            "series (first request per dyad)":
                lambda i: f"/api/dyads/{pairs[i % len(pairs)][0]}/{pairs[i % len(pairs)][1]}"
                          "/series",
            "series (repeated)":
                lambda i: f"/api/dyads/{pairs[i % len(pairs)][0]}/{pairs[i % len(pairs)][1]}"
                          "/series",
            "events?dyad=": lambda i: f"/api/events?dyad={','.join(pairs[i % len(pairs)])}",
            "alerts": lambda i: "/api/alerts",
        }
        print(f"{'endpoint':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>7} {'errors':>6}")
        for name, urls in plans.items():
            latencies, errors, took = run(base, urls, args.requests, args.concurrency,
                                          args.seconds)
            ms = [x * 1000 for x in latencies]
            print(f"{name:34} {len(ms):5d} {statistics.median(ms):8.0f} "
                  f"{percentile(ms, 95):8.0f} {percentile(ms, 99):8.0f} "
                  f"{len(ms) / took:7.1f} {errors:6d}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
