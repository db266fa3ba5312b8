"""Exports users can load elsewhere: GDELT 2.0 event table, PLOVER JSON, and our schema v1.

``gdelt`` and ``plover`` aggregate by the counting rules (``counted_events``: no negated,
hypothetical or one-sided events, one row per story + source + target + CAMEO code + date, with the
numbers of articles and outlets of the story); ``csv``, ``parquet`` and ``jsonl`` keep every
stored event with its flags (negated, modality) and a ``counted`` column (jsonl: schema v1).

GDELT 2.0 columns (61, tab-separated, no header, in GDELT order) and what we put in them:

- GLOBALEVENTID: the first 15 hex digits of our event_id as an integer (stable across runs).
- SQLDATE, MonthYear, Year, FractionDate: from the event date (YYYYMMDD, YYYYMM, YYYY,
  YYYY.FFFF); events without a date use the article's publication date.
- Actor{1,2}Code: our actor code (NERGOV); Name: the display name upper-cased (else the text);
  CountryCode: ISO 3166-1 alpha-3 (CAMEO country codes are the same for nearly every state);
  KnownGroupCode: the IGO part of IGO codes (IGOUNO → UNO); Type1Code: the role (GOV, MIL...).
  Ethnic, religion, Type2/Type3 codes: empty (not coded).
- IsRootEvent: 1 when the evidence sentence lies in the article's first paragraph.
- EventCode, EventBaseCode (first three digits), EventRootCode, QuadClass, GoldsteinScale.
- NumMentions: coded mentions of the event in the story; NumSources: distinct outlets;
  NumArticles: input documents (syndicated and exact copies included) that carried it.
- AvgTone: empty (we do not score tone).
- Actor1Geo_*, Actor2Geo_*: empty (we geocode the action only).
- ActionGeo_Type: 1 country, 4 city, 5 admin1; FullName: place name; CountryCode: ISO 3166-1
  alpha-3, NOT the FIPS 10-4 code GDELT uses (we carry no FIPS table); ADM1/ADM2: empty;
  Lat/Long; FeatureID: the GeoNames id (GDELT uses GNS/GNIS ids).
- DATEADDED: when the article entered the store (YYYYMMDDHHMMSS, UTC); SOURCEURL: the
  article's URL, else its doc_ref.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from faultline.store.db import EventFilter, Store


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


def _actor_columns(n: int, prefix: str) -> list[str]:
    return [
        f"e.{prefix}_code AS Actor{n}Code",
        f"upper(coalesce({prefix}_name, {prefix}_text)) AS Actor{n}Name",
        f"{prefix}_country AS Actor{n}CountryCode",
        f"CASE WHEN starts_with({prefix}_code, 'IGO') THEN substr({prefix}_code, 4, 3) END"
        f" AS Actor{n}KnownGroupCode",
        f"NULL::VARCHAR AS Actor{n}EthnicCode",
        f"NULL::VARCHAR AS Actor{n}Religion1Code",
        f"NULL::VARCHAR AS Actor{n}Religion2Code",
        f"{prefix}_role AS Actor{n}Type1Code",
        f"NULL::VARCHAR AS Actor{n}Type2Code",
        f"NULL::VARCHAR AS Actor{n}Type3Code",
    ]


def _empty_geo(name: str) -> list[str]:
    return [
        f"NULL::INTEGER AS {name}_Type", f"NULL::VARCHAR AS {name}_FullName",
        f"NULL::VARCHAR AS {name}_CountryCode", f"NULL::VARCHAR AS {name}_ADM1Code",
        f"NULL::VARCHAR AS {name}_ADM2Code", f"NULL::DOUBLE AS {name}_Lat",
        f"NULL::DOUBLE AS {name}_Long", f"NULL::VARCHAR AS {name}_FeatureID",
    ]


_DAY = "coalesce(e.date, a.published)"  # the event's date, else the article's
_GDELT_COLUMNS: list[str] = [
    "CAST(('0x' || substr(e.event_id, 3, 15)) AS UBIGINT)::BIGINT AS GLOBALEVENTID",
    f"CAST(strftime({_DAY}, '%Y%m%d') AS INTEGER) AS SQLDATE",
    f"CAST(strftime({_DAY}, '%Y%m') AS INTEGER) AS MonthYear",
    f"year({_DAY}) AS Year",
    f"round(year({_DAY}) + (dayofyear({_DAY}) - 1) / 365.0, 4) AS FractionDate",
    *_actor_columns(1, "source"),
    *_actor_columns(2, "target"),
    "CASE WHEN e.evidence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0),"
    " length(a.text) + 1) THEN 1 ELSE 0 END AS IsRootEvent",
    "e.cameo AS EventCode",
    "substr(e.cameo, 1, 3) AS EventBaseCode",
    "e.cameo_root AS EventRootCode",
    "e.quad_class AS QuadClass",
    "e.goldstein AS GoldsteinScale",
    "e.n_mentions AS NumMentions",
    "e.n_outlets AS NumSources",
    "e.n_articles AS NumArticles",
    "NULL::DOUBLE AS AvgTone",
    *_empty_geo("Actor1Geo"),
    *_empty_geo("Actor2Geo"),
    "CASE e.location_precision WHEN 'country' THEN 1 WHEN 'city' THEN 4 WHEN 'admin1' THEN 5"
    " END AS ActionGeo_Type",
    "e.location_name AS ActionGeo_FullName",
    "e.location_country AS ActionGeo_CountryCode",
    "NULL::VARCHAR AS ActionGeo_ADM1Code",
    "NULL::VARCHAR AS ActionGeo_ADM2Code",
    "e.location_lat AS ActionGeo_Lat",
    "e.location_lon AS ActionGeo_Long",
    "CAST(e.location_geonameid AS VARCHAR) AS ActionGeo_FeatureID",
    "CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
    "coalesce(a.url, e.doc_ref) AS SOURCEURL",
]
GDELT_COLUMN_COUNT = 61
if len(_GDELT_COLUMNS) != GDELT_COLUMN_COUNT:
    raise AssertionError("the GDELT layout must have 61 columns")


def gdelt_table(store: Store, where: EventFilter | None = None) -> pa.Table:
    """Counted events in the GDELT 2.0 event-table layout (see the module docstring)."""
    clause, params = (where or EventFilter()).where("e")
    query = f"""
        SELECT {", ".join(_GDELT_COLUMNS)}
        FROM counted_events e JOIN articles a USING (article_id)
        {clause}
        ORDER BY SQLDATE NULLS LAST, GLOBALEVENTID
    """
    return store.con.sql(query, params=params).to_arrow_table()


def _plover_actor(row: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    if row[f"{prefix}_text"] is None:
        return []
    return [{"actorText": row[f"{prefix}_text"], "code": row[f"{prefix}_country"]
             or row[f"{prefix}_code"], "sector": row[f"{prefix}_role"] or "",
             "actorCode": row[f"{prefix}_code"]}]


def plover_records(store: Store, where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Counted events as PLOVER records (the field names of the PLOVER gold-standard files)."""
    clause, params = (where or EventFilter()).where("e")
    cursor = store.con.cursor()
    cursor.execute(f"""
        SELECT e.*, a.url, a.outlet, a.published, a.language
        FROM counted_events e JOIN articles a USING (article_id)
        {clause} ORDER BY e.date NULLS LAST, e.event_id""", params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(1000):
        for values in rows:
            row = dict(zip(names, values, strict=True))
            record: dict[str, Any] = {
                "id": row["event_id"],
                "date": (row["date"] or row["published"]).isoformat()
                if (row["date"] or row["published"]) else None,
                "source": _plover_actor(row, "source"),
                "target": _plover_actor(row, "target"),
                "event": row["plover"],
                "mode": row["plover_mode"] or "",
                "eventText": row["evidence_trigger"],
                "text": row["evidence_sentence"],
                "language": row["language"],
                "publication": row["outlet"],
                "url": row["url"],
                "coder": row["coder"],
                "cameo": row["cameo"],
                "storyId": row["story_id"],
                "numArticles": row["n_articles"],
                "numSources": row["n_outlets"],
            }
            if row["location_name"] is not None:
                record["eventLoc"] = {"name": row["location_name"],
                                      "country": row["location_country"],
                                      "lat": row["location_lat"], "lon": row["location_lon"]}
            yield record


def raw_table(store: Store, where: EventFilter | None = None) -> pa.Table:
    """Every stored event, flattened, with a ``counted`` flag (the counting rules' filter)."""
    clause, params = (where or EventFilter()).where()
    return store.con.sql(
        "SELECT * FROM events"
        f"{clause} ORDER BY date NULLS LAST, event_id", params=params).to_arrow_table()


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)  # a trace: one cell, steps separated by "; "
    return "" if value is None else str(value)


def _open(out: Path | None, binary: bool = False) -> IO[Any]:
    if out is None:
        return sys.stdout.buffer if binary else sys.stdout
    return out.open("wb" if binary else "w", encoding=None if binary else "utf-8", newline="")


def export(store: Store, fmt: ExportFormat, out: Path | None = None,
           where: EventFilter | None = None) -> int:
    """Write an export to ``out`` (stdout when None; Parquet needs a file). Returns rows written."""
    if fmt is ExportFormat.parquet:
        if out is None:
            raise ValueError("Parquet export needs --out FILE")
        table = raw_table(store, where)
        pq.write_table(table, out)
        return table.num_rows
    handle = _open(out)
    try:
        if fmt is ExportFormat.gdelt:
            table = gdelt_table(store, where)
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            for row in zip(*(c.to_pylist() for c in table.columns), strict=True):
                writer.writerow([_cell(v) for v in row])
            return table.num_rows
        if fmt is ExportFormat.plover:
            count = 0
            for record in plover_records(store, where):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
            return count
        if fmt is ExportFormat.jsonl:
            count = 0
            for event in store.iter_events(where):
                handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                count += 1
            return count
        table = raw_table(store, where)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in zip(*(c.to_pylist() for c in table.columns), strict=True):
            writer.writerow([_cell(v) for v in row])
        return table.num_rows
    finally:
        if out is not None:
            handle.close()
