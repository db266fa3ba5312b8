"""User actor dictionaries (``--actors FILE``): a researcher's own actors, ahead of the KB.

Two formats, told apart by content:

- our TSV: a header ``name  aliases  code  start  end`` (``aliases`` ``|``-separated; dates
  ``YYYY-MM-DD``, either may be empty). Rows with a date are terms of a person (several rows
  of one name: several terms); a row without dates is a fixed actor (a militia, a ministry).
- the PETRARCH/TABARI ``.actors.txt`` format, read directly: ``PHRASE_ [CODE]``, ``+SYNONYM``
  lines, tab-indented ``[CODE YYMMDD-YYMMDD]``, ``[CODE <date]``, ``[CODE >date]`` lines.

Codes are CAMEO-style: three letters of country (ISO3, or a CAMEO code the converter maps,
``faultline.actors.petrarch.CAMEO_TO_ISO``) or IGO/NGO/IMG, then roles (``NERGOV``,
``MLIREBXYZ``). A line that cannot be used stops the load with an error naming file, line and
problem: a dictionary is loaded whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faultline.actors.petrarch import (
    INTERNATIONAL_ROLES,
    map_code,
    parse_date,
    phrase_text,
    read_entries,
    slug,
)
from faultline.actors.records import ROLES, Country, KBError, Layer, Office, Organisation
from faultline.tsv import parse_rows

TSV_COLUMNS = ("name", "aliases", "code", "start", "end")


def read_user_dictionary(path: Path, countries: dict[str, Country]) -> Layer:
    """The actors of one user file, as a layer ahead of the built-in tables."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KBError(f"{path}: cannot read the actor dictionary ({e})") from e
    first = next((line for line in text.splitlines()
                  if line.strip() and not line.startswith("#")), "")
    layer = Layer(f"user:{path}")
    if first.split("\t")[:len(TSV_COLUMNS)] == list(TSV_COLUMNS):
        _read_tsv(path, text, countries, layer)
    else:
        _read_petrarch(path, countries, layer)
    if not layer.offices and not layer.organisations:
        raise KBError(f"{path}: no actors found (neither our TSV header "
                      f"{' '.join(TSV_COLUMNS)!r} nor PETRARCH entries)")
    return layer


def _code(path: Path, number: int, code: str, countries: dict[str, Country]
          ) -> tuple[str, str | None, str | None]:
    """(actor code, country, role) of a user's code, or an error naming file and line."""
    if len(code) < 3 or not code.isalnum() or not code.isupper():
        raise KBError(f"{path}:{number}: {code!r} is not an actor code (e.g. NERGOV, MLIREBXYZ)")
    country, role, ok, mapped = map_code(code, set(countries))
    if not ok:
        raise KBError(f"{path}:{number}: code {code!r} names no known country")
    if country is None:
        role = role or INTERNATIONAL_ROLES.get(code[:3])
    return mapped, country, role


def _add(path: Path, number: int, layer: Layer, name: str, aliases: tuple[str, ...],
         code: str, start: str | None, end: str | None,
         countries: dict[str, Country]) -> None:
    mapped, country, role = _code(path, number, code, countries)
    if start is not None and end is not None and end < start:
        raise KBError(f"{path}:{number}: the range ends before it starts")
    if start is None and end is None:
        if role is None:
            raise KBError(f"{path}:{number}: code {code!r} gives no role "
                          f"({' '.join(sorted(ROLES))})")
        kind = "igo" if country is None and not code.startswith("IMG") else "group"
        if country is not None and mapped == country + role:
            kind = "group"  # a national body ("NERMIL"): its code is the state's role
        layer.organisations.setdefault(f"{mapped}/{slug(name)}", Organisation(
            mapped, name, aliases, country, role, kind))
        return
    entity = f"person:{slug(name)}"
    layer.offices.setdefault(entity, []).append(Office(
        entity, name, aliases, country or mapped, role, "", start, end, layer.source))


def _iso(path: Path, number: int, value: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise KBError(f"{path}:{number}: bad date {value!r} (YYYY-MM-DD)") from e


def _read_tsv(path: Path, text: str, countries: dict[str, Country], layer: Layer) -> None:
    for number, row in parse_rows(str(path), text, pad=True):
        name = row["name"].strip()
        if not name:
            raise KBError(f"{path}:{number}: a row without a name")
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        _add(path, number, layer, name, aliases, row["code"].strip(),
             _iso(path, number, row["start"].strip()), _iso(path, number, row["end"].strip()),
             countries)


def _read_petrarch(path: Path, countries: dict[str, Country], layer: Layer) -> None:
    for entry in read_entries(path):
        name = phrase_text(entry.name)
        if not name or not any(ch.isalpha() for ch in name):
            raise KBError(f"{path}:{entry.line}: an entry without a phrase")
        if not entry.codes:
            raise KBError(f"{path}:{entry.line}: {entry.name!r} has no [CODE]")
        aliases = tuple(phrase_text(s) for s in entry.synonyms if s)
        for code, op, dates, number in entry.codes:
            start = end = None
            if op == "<":
                end = _petrarch_date(path, number, dates)
            elif op == ">":
                start = _petrarch_date(path, number, dates)
            elif dates:
                first, _, last = dates.partition("-")
                if not last:
                    raise KBError(f"{path}:{number}: bad date range {dates!r} "
                                  "(YYMMDD-YYMMDD, <YYMMDD or >YYMMDD)")
                start = _petrarch_date(path, number, first)
                end = _petrarch_date(path, number, last)
            _add(path, number, layer, name, aliases, code, start, end, countries)


def _petrarch_date(path: Path, number: int, value: str) -> str:
    date = parse_date(value) if value.isdigit() and len(value) in {6, 8} else None
    if date is None:
        raise KBError(f"{path}:{number}: bad date {value!r} (YYMMDD or YYYYMMDD)")
    return date
