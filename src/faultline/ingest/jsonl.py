"""JSON Lines: one article per line, streamed; keys are found by their common names
(``ingest.fields``: ``text``/``body``/``content``, ``published``/``date`` ...); every other key is
kept as metadata. A line larger than one document may be is an error for that line only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from faultline.errors import InputError
from faultline.ingest.decode import decode
from faultline.ingest.fields import FieldMap, as_text
from faultline.ingest.files import MAX_DOCUMENT_BYTES, too_large
from faultline.model import RawDocument

_SKIP_CHUNK = 1 << 20  # the rest of an oversized line is read and dropped in chunks this big


def record_to_raw(record: dict[str, Any], fallback_ref: str, fields: FieldMap | None = None,
                  notes: tuple[str, ...] = ()) -> RawDocument:
    """A RawDocument from one JSON object; doc_ref is its id, else its URL, else the fallback."""
    fields = fields or FieldMap()
    html = fields.pick(record, "html")
    body = html if isinstance(html, str) and html.strip() else fields.pick(record, "text")
    if not isinstance(body, str) or not body.strip():
        names = "/".join(fields.keys("text"))
        raise InputError(fallback_ref, f"record has no text (looked for {names}, html)", "empty")
    url = as_text(fields.pick(record, "url"))
    ref = as_text(fields.pick(record, "id")) or url or fallback_ref
    used = fields.used()
    return RawDocument(
        doc_ref=ref,
        content=body,
        fmt="html" if body is html else "text",
        title=as_text(fields.pick(record, "title")),
        url=url,
        published=as_text(fields.pick(record, "published")),
        outlet=as_text(fields.pick(record, "outlet")),
        meta={k: v for k, v in record.items() if k not in used},
        notes=notes,
    )


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each line of ``stream`` (None for a line over the document limit), without reading a
    whole file, or a whole oversized line, into memory."""
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def read_stream(stream: BinaryIO, source: str,
                fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
    """Documents from a JSON Lines byte stream; a bad line becomes an InputError, the rest go
    on."""
    for number, line in enumerate(_lines(stream), start=1):
        ref = f"{source}#{number}"
        if line is None:
            yield too_large(ref)
            continue
        if not line.strip():
            continue
        decoded = decode(line)
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as e:
            yield InputError(ref, f"line {number} is not JSON ({e.msg})", "bad-json")
            continue
        if not isinstance(record, dict):
            yield InputError(ref, f"line {number} is not a JSON object", "bad-json")
            continue
        try:
            yield record_to_raw(record, ref, fields, (decoded.note,) if decoded.note else ())
        except InputError as e:
            yield e
