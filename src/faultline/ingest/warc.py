"""WARC and ARC files (plain or gzipped): every HTML response is one document, named by its URL.

Other records (requests, metadata, images, scripts) are skipped. A truncated or damaged file
gives one error naming the record where reading stopped; documents before it are kept.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from faultline.errors import InputError
from faultline.ingest.files import MAX_DOCUMENT_BYTES, too_large
from faultline.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHECK_CHUNK = 1 << 20
_DAMAGED = (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError)


def looks_like_warc(head: bytes) -> bool:
    """True for an uncompressed WARC (``WARC/1.x``) or ARC (``filedesc://``) file."""
    return head.startswith((b"WARC/", b"filedesc://"))


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").split(";")[0].strip().lower()


def _status_ok(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    code = http.get_statuscode() if http else None
    return code is None or str(code).startswith("2")


def parse_warc(stream: BinaryIO, source: str) -> Iterator[RawDocument | InputError]:
    """HTML documents from a WARC/ARC byte stream, plain or gzipped.

    Damage is found when a record's body is shorter than its Content-Length or a header cannot
    be parsed (warcio itself reads a cut gzip stream as a shorter file: ``read_warc`` checks
    gzip files separately). A file cut exactly between two records looks complete.
    """
    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            if _content_type(record) not in _HTML_TYPES or not _status_ok(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            ref = uri or f"{source}#{number}"
            if record.raw_stream.limit > 0 and len(body) <= MAX_DOCUMENT_BYTES:
                yield InputError(f"{source}#{number}",
                                 f"WARC truncated inside record {number} ({ref})", "truncated")
                return
            if len(body) > MAX_DOCUMENT_BYTES:
                yield too_large(ref)
                continue
            yield RawDocument(
                doc_ref=ref, content=body, fmt="html", url=uri,
                meta={"warc_date": record.rec_headers.get_header("WARC-Date"),
                      "warc_file": source},
            )
    except _DAMAGED as e:
        yield InputError(f"{source}#{number + 1}",
                         f"WARC damaged or truncated after record {number}: {e}", "truncated")


def read_warc(path: Path) -> Iterator[RawDocument | InputError]:
    """Every HTML response in a ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file."""
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable")
        return
    damaged = False
    with handle:
        for found in parse_warc(handle, str(path)):
            damaged = damaged or (isinstance(found, InputError) and found.code == "truncated")
            yield found
    if not damaged and path.name.lower().endswith(".gz"):
        problem = _gzip_damage(path)
        if problem:
            yield InputError(str(path), f"gzip stream damaged or truncated: {problem}",
                             "truncated")


def _gzip_damage(path: Path) -> str | None:
    """Why a gzip file cannot be read to its end, or None (a second, cheap streaming pass)."""
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(_CHECK_CHUNK):
                pass
    except _DAMAGED as e:
        return str(e) or type(e).__name__
    return None
