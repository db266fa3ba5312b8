"""CSV (and TSV) files: one article per row, streamed; columns are found by their common names
(``ingest.fields``: ``text``/``body``/``content``, ``published``/``date`` ...).

Every other column is kept as metadata. A file without a text column is one error, not one
per row; a row whose text is over the document limit is an error for that row only.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from faultline.errors import InputError
from faultline.ingest.decode import decode
from faultline.ingest.fields import FieldMap
from faultline.ingest.files import MAX_DOCUMENT_BYTES, too_large
from faultline.model import RawDocument

# The csv module refuses fields over 128 KiB by default; a news text may be longer. A field
# this much larger than a document is a broken file (an unclosed quote), not an article.
FIELD_LIMIT_FACTOR = 4
csv.field_size_limit(FIELD_LIMIT_FACTOR * MAX_DOCUMENT_BYTES)


class _DecodedLines:
    """The lines of a byte stream as text, decoded like every other reader (``decode``);
    the notes of lines read since the last ``take_notes`` are kept for the row they belong to."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._notes: list[str] = []
        self._first = True

    def __iter__(self) -> Iterator[str]:
        for line in self._stream:
            if self._first and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            self._first = False
            decoded = decode(line)
            if decoded.note:
                self._notes.append(decoded.note)
            yield decoded.text

    def take_notes(self) -> tuple[str, ...]:
        notes = tuple(dict.fromkeys(self._notes))
        self._notes.clear()
        return notes


def _value(row: dict[str, str | None], key: str | None) -> str | None:
    value = row.get(key) if key else None
    return value.strip() or None if isinstance(value, str) else None


def parse_csv(stream: BinaryIO, source: str, fields: FieldMap | None = None,
              delimiter: str = ",") -> Iterator[RawDocument | InputError]:
    """Documents from CSV bytes; doc_ref is the row's id, else its url, else ``source#N``."""
    fields = fields or FieldMap()
    lines = _DecodedLines(stream)
    reader = csv.DictReader(iter(lines), delimiter=delimiter)
    try:
        columns = reader.fieldnames or []
        column = {name: fields.present(columns, name) for name in
                  ("id", "title", "url", "published", "outlet", "text")}
        text_column = column["text"]
        if text_column is None:
            shown = ", ".join(columns[:10]) or "none"
            wanted = "/".join(fields.keys("text"))
            yield InputError(source, f"no text column (looked for {wanted}; columns: {shown})",
                             "no-text-column")
            return
        lines.take_notes()
        used = {c for c in column.values() if c}
        for number, row in enumerate(reader, start=1):
            ref = f"{source}#{number}"
            notes = lines.take_notes()
            text = _value(row, text_column)
            if text is None:
                yield InputError(ref, f'row {number} has an empty "{text_column}"', "empty")
                continue
            if len(text) > MAX_DOCUMENT_BYTES:
                yield too_large(ref, len(text))
                continue
            yield RawDocument(
                doc_ref=_value(row, column["id"]) or _value(row, column["url"]) or ref,
                content=text, fmt="text", title=_value(row, column["title"]),
                url=_value(row, column["url"]), published=_value(row, column["published"]),
                outlet=_value(row, column["outlet"]),
                meta={k: v for k, v in row.items() if k not in used and k is not None},
                notes=notes,
            )
    except csv.Error as e:
        yield InputError(f"{source}#{reader.line_num}", f"malformed CSV: {e}", "bad-csv")


def delimiter_for(name: str) -> str:
    return "\t" if name.lower().endswith(".tsv") else ","


def read_csv(path: Path, fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
    """Every row of a CSV/TSV file (``.tsv`` is tab-separated) as a document."""
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable")
        return
    with handle:
        yield from parse_csv(handle, str(path), fields, delimiter_for(path.name))
