"""JSON Lines: one article per line, ``{"id", "text" | "html", "title", "url", "published",
"outlet", ...}``; every other key is kept as metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from faultline.errors import InputError
from faultline.model import RawDocument

KNOWN_KEYS = frozenset({"id", "text", "html", "title", "url", "published", "outlet"})


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def record_to_raw(record: dict[str, Any], fallback_ref: str) -> RawDocument:
    """A RawDocument from one JSON object; doc_ref is its id, else its URL, else the fallback."""
    html = record.get("html")
    text = record.get("text")
    body = html if html else text
    if not isinstance(body, str) or not body.strip():
        raise InputError(fallback_ref, 'record has no "text" or "html" string', "empty")
    ref = record.get("id") or record.get("url") or fallback_ref
    return RawDocument(
        doc_ref=str(ref),
        content=body,
        fmt="html" if html else "text",
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        published=_optional_str(record.get("published")),
        outlet=_optional_str(record.get("outlet")),
        meta={k: v for k, v in record.items() if k not in KNOWN_KEYS},
    )


def read_lines(lines: Iterable[str], source: str) -> Iterator[RawDocument | InputError]:
    """Documents from JSON lines; a bad line becomes an InputError and the rest go on."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        ref = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(ref, f"line {number} is not JSON ({e.msg})", "bad-json")
            continue
        if not isinstance(record, dict):
            yield InputError(ref, f"line {number} is not a JSON object", "bad-json")
            continue
        try:
            yield record_to_raw(record, ref)
        except InputError as e:
            yield e
