"""The dashboard in headless chromium: first-load transfer size and the time to draw a long
series.

    python bench/api_browser.py --db bench-1m.duckdb [--dyad USA,NER]

Starts ``faultline serve``, opens ``/`` in Debian's chromium (/usr/bin/chromium) and sums the
bytes on the wire (gzip as served) of every response until the first chart is drawn (the first
load), then shows the dyad's weekly series (520 weeks on the synthetic store) and times from
the click to the drawn chart, once on a cold server cache and once warm. Prints the figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from api_load import serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 600_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--dyad", default="USA,NER")
    args = parser.parse_args()
    a, b = args.dyad.split(",")
    server = serve(args.db, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            sizes: dict[str, int] = {}

            def count(request) -> None:  # type: ignore[no-untyped-def]
                sent = request.sizes()  # bytes on the wire: compressed body and headers
                sizes[request.url.replace(base, "")] = (sent["responseBodySize"]
                                                        + sent["responseHeadersSize"])

            page.on("requestfinished", count)
            began = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("#chart svg", timeout=TIMEOUT_MS)
            first = time.perf_counter() - began
            page.remove_listener("requestfinished", count)
            total = sum(sizes.values())
            print(f"first load: {total / 1024:.0f} KiB over {len(sizes)} responses "
                  f"(chart drawn after {first:.1f} s)")
            for url, size in sorted(sizes.items(), key=lambda x: -x[1]):
                print(f"  {size / 1024:8.1f} KiB  {url}")
            for label in ("cold", "warm"):
                page.fill("#actor-a", a)
                page.fill("#actor-b", b)
                page.evaluate("document.querySelector('#chart').replaceChildren()")
                began = time.perf_counter()
                page.click("#show-dyad")
                page.wait_for_selector("#chart svg", timeout=TIMEOUT_MS)
                took = time.perf_counter() - began
                weeks = page.locator("#chart .hit").count()
                print(f"{a}-{b}: {weeks} weeks drawn {took * 1000:.0f} ms after the click "
                      f"({label} server cache, fetch included)")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
