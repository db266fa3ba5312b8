"""Build a synthetic store of N events (default 1 million) for the API benchmark.

    python bench/synth_store.py [--events 1000000] [--out bench-1m.duckdb]

The rows are made by DuckDB from ``range()``: 4 events per article, 1 to 3 articles (outlets)
per story, 40 countries whose dyads cooperate or fight with a drift over 520 weeks (ten years),
5% negated. Two dyads are fixed so the benchmark knows them: USA–NER (every week, souring in
the middle) and RUS–NER. Prints the counts and the time taken; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from faultline.store.db import open_store

COUNTRIES = ("USA RUS NER BEN MLI BFA TCD NGA GHA TGO SEN FRA CHN GBR DEU TUR IRN ISR EGY SAU "
             "ETH KEN SDN SOM LBY DZA MAR UKR POL IND PAK AFG BRA MEX COL VEN JPN KOR PRK IDN"
             ).split()
# (CAMEO code, root, PLOVER, Goldstein, quad class): from cooperation to force.
CODES = (("040", "04", "CONSULT", 1.0, 1), ("057", "05", "AGREE", 8.0, 1),
         ("061", "06", "COOPERATE", 6.4, 2), ("072", "07", "AID", 7.4, 2),
         ("111", "11", "ACCUSE", -2.0, 3), ("130", "13", "THREATEN", -4.4, 3),
         ("172", "17", "SANCTION", -5.0, 4), ("190", "19", "ASSAULT", -10.0, 4))
WEEKS = 520
START = "2015-01-05"


def build(path: Path, events: int) -> None:
    if path.exists():
        raise SystemExit(f"{path}: exists; remove it first")
    articles = events // 4
    with open_store(path, write=True) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE countries AS SELECT unnest(?) AS code, "
                    "generate_subscripts(?, 1) - 1 AS i", [list(COUNTRIES), list(COUNTRIES)])
        con.execute("CREATE TEMP TABLE codes AS SELECT * FROM (VALUES " + ", ".join(
            f"({i}, '{c}', '{r}', '{p}', {g}, {q})" for i, (c, r, p, g, q) in enumerate(CODES))
            + ") t(i, cameo, root, plover, goldstein, quad)")
        # Article a: story a*2//3 (so stories hold 1-2 articles), week a % WEEKS spread.
        con.execute(f"""
            CREATE TEMP TABLE art AS
            SELECT a, 'a-' || lpad(a::VARCHAR, 14, '0') AS article_id,
                   's-' || lpad((a * 2 // 3)::VARCHAR, 14, '0') AS story_id,
                   DATE '{START}' + INTERVAL (hash(a * 2 // 3) % ({WEEKS} * 7)) DAY AS day,
                   'Outlet ' || (a % 30) AS outlet
            FROM range({articles}) t(a)""")
        con.execute("""
            INSERT INTO stories SELECT story_id, min(article_id), now(), 'synth'
            FROM art GROUP BY story_id""")
        con.execute("""
            INSERT INTO articles (article_id, doc_ref, story_id, url, outlet, title, published,
                                  language, text, meta, ingested_at, run_id)
            SELECT article_id, 'synth/' || a, story_id, NULL, outlet, 'Synthetic ' || a, day,
                   'en', 'Synthetic article ' || a || '. Actor one met actor two.', '{}',
                   now(), 'synth' FROM art""")
        con.execute("""
            INSERT INTO article_sources SELECT 'synth/' || a, article_id, article_id, NULL,
                   outlet, 'Synthetic ' || a, day, 'synth' FROM art""")
        con.execute("""
            INSERT INTO story_articles SELECT article_id, story_id, NULL, NULL, day, ''::BLOB
            FROM art""")
        # Event k of article a: a pair of countries (a few fixed dyads get many), a code
        # drifting from cooperation to conflict over time for half the dyads.
        con.execute(f"""
            INSERT INTO events
            WITH e AS (
                SELECT art.*, k, hash(a, k) AS h,
                       (date_diff('day', DATE '{START}', day) / ({WEEKS} * 7.0)) AS t
                FROM art, range(4) r(k)
            ), paired AS (
                SELECT *, CASE WHEN h % 10 < 2 THEN 0 WHEN h % 10 < 3 THEN 1
                               ELSE (h // 10) % {len(COUNTRIES)} END AS si,
                          CASE WHEN h % 10 < 3 THEN 2
                               ELSE (h // 1000) % {len(COUNTRIES)} END AS ti
                FROM e
            ), coded AS (
                SELECT *, CASE WHEN si = 0 AND ti = 2
                               THEN (CASE WHEN t < 0.5 THEN (h // 7) % 4
                                          ELSE 4 + (h // 7) % 4 END)
                               ELSE (h // 7) % 8 END AS ci
                FROM paired WHERE si <> ti
            )
            SELECT 'e-' || lpad(a::VARCHAR, 12, '0') || k, article_id, 'synth/' || a, story_id,
                   day, 'day', s.code, s.code, s.code, NULL, s.code, NULL,
                   x.code, x.code, x.code, NULL, x.code, NULL,
                   c.cameo, c.root, c.plover, c.plover, NULL, c.goldstein, c.quad,
                   h % 20 = 0, 'asserted', x.code, x.code, 10.0 + (ti * 3) % 40,
                   -10.0 + (ti * 7) % 60, NULL, 'country',
                   'Actor one met actor two.', 19, 43, 'met', false, 0.5 + (h % 50) / 100.0,
                   'synth/0', 'synth', NOT (h % 20 = 0), false, false, NULL
            FROM coded
            JOIN countries s ON s.i = si JOIN countries x ON x.i = ti JOIN codes c ON c.i = ci
        """)
        con.execute("CHECKPOINT")
        counts = {t: store.count(t) for t in ("events", "articles", "stories")}
    print(f"{path}: {counts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="approximate events")
    parser.add_argument("--out", type=Path, default=Path("bench-1m.duckdb"))
    args = parser.parse_args()
    began = time.perf_counter()
    build(args.out, int(args.events / 0.975))  # self-pairs are dropped (~2.5%)
    print(f"built in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
