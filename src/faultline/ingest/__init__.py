"""Readers: paths (files, directories, ``-`` for stdin) → RawDocument, one reader per format.

The format is sniffed from the extension and the first bytes; ``fmt`` forces it. A reader
yields an ``InputError`` for a document it cannot read and goes on with the rest. Files of many
records (JSON Lines, CSV, feeds, archives) are streamed; the size limit is per document. A file
reached twice (named, and again through its folder) is read once.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.archives import read_gzip, read_tar, read_zip
from faultline.ingest.csv import read_csv
from faultline.ingest.feeds import read_feed, read_feed_stream
from faultline.ingest.fields import FieldMap
from faultline.ingest.files import MAX_DOCUMENT_BYTES, read_file, too_large
from faultline.ingest.formats import SNIFF_BYTES, format_of
from faultline.ingest.jsonl import read_stream
from faultline.ingest.warc import read_warc
from faultline.model import RawDocument

__all__ = ["FORMATS", "FieldMap", "read", "sniff"]

Reader = Callable[[Path, FieldMap], Iterator[RawDocument | InputError]]


def _read_jsonl(path: Path, fields: FieldMap) -> Iterator[RawDocument | InputError]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable")
        return
    with handle:
        yield from read_stream(handle, str(path), fields)


READERS: dict[str, Reader] = {
    "text": lambda path, _: read_file(path, "text"),
    "html": lambda path, _: read_file(path, "html"),
    "jsonl": _read_jsonl,
    "csv": read_csv,
    "feed": lambda path, _: read_feed(path),
    "warc": lambda path, _: read_warc(path),
    "gzip": read_gzip,
    "zip": read_zip,
    "tar": read_tar,
}
FORMATS: tuple[str, ...] = tuple(READERS)


def sniff(path: Path) -> str:
    """The format of a file: its name, else its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        head = b""  # the reader will report the file as unreadable
    return format_of(path.name, head)


def _read_stdin(fmt: str | None, fields: FieldMap) -> Iterator[RawDocument | InputError]:
    stream = sys.stdin.buffer
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    fmt = fmt or format_of("", head)
    if fmt == "jsonl":
        yield from read_stream(stream, "-", fields)
    elif fmt == "feed":
        yield from read_feed_stream(stream, "-")
    elif fmt in {"text", "html"}:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield too_large("-")
        else:
            yield RawDocument(doc_ref="-", content=data, fmt=fmt)
    else:
        yield InputError("-", f"format {fmt!r} cannot be read from standard input", "format")


def _walk(path: Path) -> Iterator[Path]:
    """Files under a directory, recursively, in a stable order.

    Hidden files and README files (a corpus folder's own documentation) are skipped. A file
    that vanishes after the listing is still yielded, so its reader reports it.
    """
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path).parts
        if child.is_dir() or any(part.startswith(".") for part in relative):
            continue
        if child.stem.upper() == "README":
            continue
        yield child


def _identity(path: Path) -> object:
    """What makes two paths the same file: its device and inode, else its resolved path."""
    try:
        found = path.stat()
        return (found.st_dev, found.st_ino)
    except OSError:
        return path.resolve()


def read(paths: Iterable[str | Path], fmt: str | None = None, text_column: str | None = None,
         fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
    """Every document under ``paths``, in order; ``fmt`` forces one format for all files;
    ``fields`` maps record keys to fields (JSON Lines, CSV); ``text_column`` (CSV's
    ``--text-column``) is short for ``--field text=COLUMN``; ``fields`` wins."""
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown input format {fmt!r}; choose from {', '.join(FORMATS)}")
    fields = fields or FieldMap()
    if text_column and "text" not in fields.own:
        fields = FieldMap({**fields.own, "text": text_column})
    seen: set[object] = set()
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin(fmt, fields)
            continue
        path = Path(given)
        if path.is_dir():
            files: Iterable[Path] = _walk(path)
        elif path.exists():
            files = [path]
        else:
            yield InputError(str(path), "no such file or directory", "missing")
            continue
        for file in files:
            identity = _identity(file)
            if identity in seen:
                continue
            seen.add(identity)
            yield from READERS[fmt or sniff(file)](file, fields)
