"""The CAMEO codebook and the CAMEO→PLOVER crosswalk: one versioned table for every event.

Facts only (codes, labels, Goldstein values, quad classes, PLOVER types and modes), carried as
TSV in ``data/``. A code without its own PLOVER row inherits its parent's (0871 → 087 → 08).
Roots 01 (statements) have no PLOVER type: ``plover`` is None there. Root 02 (appeals) maps to
REQUEST, PLOVER's type for appeals and demands, which the 2021 table leaves out.
``plover_mode`` is the table's mode, else its context column (e.g. 072 → "military").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from faultline.tsv import DataFileError, package_rows

ROOT_PLOVER_FALLBACK = {"02": "REQUEST"}


class CodebookError(DataFileError):
    """A broken codebook row (file and line in the message) or an unknown code."""


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def _table(filename: str) -> list[tuple[int, dict[str, str]]]:
    return package_rows("faultline.events", filename, pad=True)


def _label(name: str) -> str:
    """Root names are in capitals in the source table; print them like the others."""
    return name.capitalize() if name.isupper() else name


@functools.cache
def load_codebook() -> dict[str, CodeInfo]:
    plover: dict[str, tuple[str, str | None]] = {}
    for number, row in _table("cameo2plover.tsv"):
        if not row["cameo"].isdigit() or not row["plover"]:
            raise CodebookError(f"cameo2plover.tsv:{number}: bad row {row}")
        plover[row["cameo"]] = (row["plover"], row["mode"] or row["context"] or None)
    book: dict[str, CodeInfo] = {}
    for number, row in _table("codebook.tsv"):
        code = row["code"]
        try:
            goldstein, quad = float(row["goldstein"]), int(row["quad_class"])
        except ValueError as e:
            raise CodebookError(f"codebook.tsv:{number}: bad number in {row}") from e
        if not code.isdigit() or not code.startswith(row["root"]) or quad not in {1, 2, 3, 4}:
            raise CodebookError(f"codebook.tsv:{number}: bad code, root or quad class in {row}")
        lineage = [code[:n] for n in (len(code), 3, 2) if n <= len(code)]
        found = next((plover[c] for c in lineage if c in plover), None)
        ptype, mode = found if found else (ROOT_PLOVER_FALLBACK.get(row["root"]), None)
        exact_mode = plover.get(code, (None, None))[1]
        book[code] = CodeInfo(code, row["root"], _label(row["name"]), goldstein, quad, ptype,
                              exact_mode or mode)
    return book


def lookup(code: str) -> CodeInfo:
    try:
        return load_codebook()[code]
    except KeyError as e:
        raise CodebookError(f"unknown CAMEO code {code!r}") from e
