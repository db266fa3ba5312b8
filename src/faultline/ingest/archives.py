"""Compressed inputs: ``.gz`` (one file, gzipped) and ``.zip`` (many files) of any format.

The inner format comes from the inner name (``news.jsonl.gz`` → JSON Lines), else from the first
bytes. JSON Lines and CSV are streamed, so a large compressed corpus never sits in memory. A
truncated archive gives one error where reading stopped; documents before it are kept.
``.warc.gz`` / ``.arc.gz`` are not for this module: warcio reads them record by record.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from faultline.errors import InputError
from faultline.ingest import csv as csv_reader
from faultline.ingest import feeds, warc
from faultline.ingest.files import MAX_FILE_BYTES
from faultline.ingest.formats import ARCHIVES, SNIFF_BYTES, format_of
from faultline.ingest.jsonl import read_lines
from faultline.model import RawDocument

_DAMAGED = (EOFError, zlib.error, OSError, zipfile.BadZipFile)


def inner_format(name: str, head: bytes) -> str | None:
    """Format of an archive member from its name, else its first bytes (None: an archive)."""
    fmt = format_of(name, head)
    return None if fmt in ARCHIVES else fmt


def _documents(stream: BinaryIO, ref: str, fmt: str,
               text_column: str) -> Iterator[RawDocument | InputError]:
    """Documents of one decompressed member, streamed where the format allows."""
    if fmt == "warc":
        yield from warc.parse_warc(stream, ref)
    elif fmt == "jsonl":
        lines = io.TextIOWrapper(stream, encoding="utf-8", errors="replace")
        yield from read_lines(lines, ref)
    elif fmt == "csv":
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        yield from csv_reader.parse_csv(text, ref, text_column, csv_reader.delimiter_for(ref))
    else:
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield InputError(ref, "member too large for an article", "size")
        elif fmt == "feed":
            yield from feeds.parse_feed(data, ref)
        else:
            yield RawDocument(doc_ref=ref, content=data, fmt=fmt)


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(stream, buffer_size=max(SNIFF_BYTES, io.DEFAULT_BUFFER_SIZE))


def read_gzip(path: Path, text_column: str = csv_reader.DEFAULT_TEXT_COLUMN,
              ) -> Iterator[RawDocument | InputError]:
    """Documents of a gzipped file; ``a.jsonl.gz`` is read as JSON Lines, streamed."""
    source = str(path)
    try:
        with gzip.open(path, "rb") as raw:
            stream = _peekable(raw)  # type: ignore[arg-type]
            fmt = inner_format(path.stem, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
            if fmt is None:
                yield InputError(source, "nested archives are not read", "format")
                return
            yield from _documents(stream, source, fmt, text_column)
    except _DAMAGED as e:
        yield InputError(source, f"gzip file damaged or truncated: {e}", "truncated")


def _skipped(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts) or \
        PurePosixPath(name).stem.upper() == "README"


def read_zip(path: Path, text_column: str = csv_reader.DEFAULT_TEXT_COLUMN,
             ) -> Iterator[RawDocument | InputError]:
    """Documents of every file in a zip archive, named ``archive.zip!member``, in name order."""
    source = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        yield InputError(source, f"not a readable zip archive: {e}", "truncated")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir() or _skipped(info.filename):
                continue
            ref = f"{source}!{info.filename}"
            try:
                with archive.open(info) as member:
                    stream = _peekable(member)  # type: ignore[arg-type]
                    fmt = inner_format(info.filename, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
                    if fmt is None:
                        yield InputError(ref, "nested archives are not read", "format")
                        continue
                    yield from _documents(stream, ref, fmt, text_column)
            except _DAMAGED as e:
                yield InputError(ref, f"zip member damaged or truncated: {e}", "truncated")
