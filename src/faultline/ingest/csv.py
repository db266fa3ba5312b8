"""CSV (and TSV) files: one article per row, the text in a named column (``text`` by default).

Columns ``id``, ``title``, ``url``, ``published``, ``outlet`` are used when present; every other
column is kept as metadata. A file without the text column is one error, not one per row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from faultline.errors import InputError
from faultline.model import RawDocument

DEFAULT_TEXT_COLUMN = "text"
_KNOWN = ("id", "title", "url", "published", "outlet")


def _value(row: dict[str, str | None], key: str) -> str | None:
    value = row.get(key)
    return value.strip() or None if isinstance(value, str) else None


def parse_csv(
    stream: TextIO, source: str, text_column: str = DEFAULT_TEXT_COLUMN, delimiter: str = ",",
) -> Iterator[RawDocument | InputError]:
    """Documents from CSV text; doc_ref is the row's id, else its url, else ``source#N``."""
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        columns = reader.fieldnames or []
        if text_column not in columns:
            shown = ", ".join(columns[:10]) or "none"
            yield InputError(source, f'no "{text_column}" column (columns: {shown})',
                             "no-text-column")
            return
        for number, row in enumerate(reader, start=1):
            ref = f"{source}#{number}"
            text = _value(row, text_column)
            if text is None:
                yield InputError(ref, f'row {number} has an empty "{text_column}"', "empty")
                continue
            yield RawDocument(
                doc_ref=_value(row, "id") or _value(row, "url") or ref,
                content=text, fmt="text", title=_value(row, "title"), url=_value(row, "url"),
                published=_value(row, "published"), outlet=_value(row, "outlet"),
                meta={k: v for k, v in row.items()
                      if k not in _KNOWN and k != text_column and k is not None},
            )
    except csv.Error as e:
        yield InputError(f"{source}#{reader.line_num}", f"malformed CSV: {e}", "bad-csv")
    except UnicodeDecodeError as e:
        yield InputError(source, f"not valid UTF-8 (byte {e.start} of a chunk)", "encoding")


def delimiter_for(name: str) -> str:
    return "\t" if name.lower().endswith(".tsv") else ","


def read_csv(
    path: Path, text_column: str = DEFAULT_TEXT_COLUMN,
) -> Iterator[RawDocument | InputError]:
    """Every row of a CSV/TSV file (``.tsv`` is tab-separated) as a document."""
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable")
        return
    with handle, io.TextIOWrapper(handle, encoding="utf-8-sig", newline="") as text:
        yield from parse_csv(text, str(path), text_column, delimiter_for(path.name))
