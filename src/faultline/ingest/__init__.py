"""Readers: paths (files, directories, ``-`` for stdin) → RawDocument, one reader per format.

The format is sniffed from the extension and the first bytes; ``fmt`` forces it. A reader
yields an ``InputError`` for a document it cannot read and goes on with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.archives import read_gzip, read_zip
from faultline.ingest.csv import DEFAULT_TEXT_COLUMN, read_csv
from faultline.ingest.feeds import looks_like_feed, read_feed
from faultline.ingest.files import read_bytes, read_file
from faultline.ingest.jsonl import read_lines
from faultline.ingest.warc import looks_like_warc, read_warc
from faultline.model import RawDocument

__all__ = ["FORMATS", "read", "sniff"]

Reader = Callable[[Path, str], Iterator[RawDocument | InputError]]

SNIFF_BYTES = 2048  # enough to see a doctype, a JSON brace or a WARC header


def _read_jsonl(path: Path, _text_column: str) -> Iterator[RawDocument | InputError]:
    try:
        data = read_bytes(path)
    except InputError as e:
        yield e
        return
    lines = (line.decode("utf-8", errors="replace") for line in data.splitlines())
    yield from read_lines(lines, str(path))


READERS: dict[str, Reader] = {
    "text": lambda path, _: read_file(path, "text"),
    "html": lambda path, _: read_file(path, "html"),
    "jsonl": _read_jsonl,
    "csv": read_csv,
    "feed": lambda path, _: read_feed(path),
    "warc": lambda path, _: read_warc(path),
    "gzip": read_gzip,
    "zip": read_zip,
}
FORMATS: tuple[str, ...] = tuple(READERS)

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
    ".gz": "gzip", ".zip": "zip",
}


def sniff_bytes(head: bytes) -> str:
    """A format from the first bytes of a document."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")):
        return "html"
    return "text"


def sniff(path: Path) -> str:
    """The format of a file: its extension, else its first bytes."""
    if path.name.lower().endswith((".warc.gz", ".arc.gz")):
        return "warc"
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    try:
        with path.open("rb") as handle:
            return sniff_bytes(handle.read(SNIFF_BYTES))
    except OSError:
        return "text"  # the reader will report the file as unreadable


def _read_stdin(fmt: str | None) -> Iterator[RawDocument | InputError]:
    data = sys.stdin.buffer.read()
    fmt = fmt or sniff_bytes(data[:SNIFF_BYTES])
    if fmt == "jsonl":
        yield from read_lines(data.decode("utf-8", errors="replace").splitlines(), "-")
    elif fmt in {"text", "html"}:
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


def read(paths: Iterable[str | Path], fmt: str | None = None,
         text_column: str = DEFAULT_TEXT_COLUMN) -> Iterator[RawDocument | InputError]:
    """Every document under ``paths``, in order; ``fmt`` forces one format for all files;
    ``text_column`` names the CSV column that holds the article text."""
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown input format {fmt!r}; choose from {', '.join(FORMATS)}")
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin(fmt)
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
            yield from READERS[fmt or sniff(file)](file, text_column)
