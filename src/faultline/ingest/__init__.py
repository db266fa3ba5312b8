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
from faultline.ingest.feeds import read_feed
from faultline.ingest.files import read_bytes, read_file
from faultline.ingest.formats import SNIFF_BYTES, format_of
from faultline.ingest.jsonl import read_lines
from faultline.ingest.warc import read_warc
from faultline.model import RawDocument

__all__ = ["FORMATS", "read", "sniff"]

Reader = Callable[[Path, str], Iterator[RawDocument | InputError]]

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

def sniff(path: Path) -> str:
    """The format of a file: its name, else its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        head = b""  # the reader will report the file as unreadable
    return format_of(path.name, head)


def _read_stdin(fmt: str | None) -> Iterator[RawDocument | InputError]:
    data = sys.stdin.buffer.read()
    fmt = fmt or format_of("", data[:SNIFF_BYTES])
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
