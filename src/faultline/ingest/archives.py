"""Compressed inputs: ``.gz`` (one file, gzipped), ``.zip`` and ``.tar``/``.tar.gz``/``.tgz``
(many files) of any format.

The inner format comes from the inner name (``news.jsonl.gz`` → JSON Lines), else from the first
bytes. JSON Lines, CSV and feeds are streamed, so a large compressed corpus never sits in
memory. A truncated archive gives one error where reading stopped; documents before it are kept.
Zip members are read in name order, tar members in archive order (a tar is read as a stream);
only regular files are read (links and devices in a tar are skipped; nothing is extracted).
``.warc.gz`` / ``.arc.gz`` are not for this module: warcio reads them record by record.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from faultline.errors import InputError
from faultline.ingest import csv as csv_reader
from faultline.ingest import feeds, jsonl, warc
from faultline.ingest.fields import FieldMap
from faultline.ingest.files import MAX_DOCUMENT_BYTES, too_large
from faultline.ingest.formats import ARCHIVES, SNIFF_BYTES, format_of
from faultline.model import RawDocument

_DAMAGED = (EOFError, zlib.error, OSError, zipfile.BadZipFile, tarfile.TarError)


def inner_format(name: str, head: bytes) -> str | None:
    """Format of an archive member from its name, else its first bytes (None: an archive)."""
    fmt = format_of(name, head)
    return None if fmt in ARCHIVES else fmt


def _documents(stream: BinaryIO, ref: str, fmt: str,
               fields: FieldMap | None) -> Iterator[RawDocument | InputError]:
    """Documents of one decompressed member, streamed where the format allows."""
    if fmt == "warc":
        yield from warc.parse_warc(stream, ref)
    elif fmt == "jsonl":
        yield from jsonl.read_stream(stream, ref, fields)
    elif fmt == "csv":
        yield from csv_reader.parse_csv(stream, ref, fields, csv_reader.delimiter_for(ref))
    elif fmt == "feed":
        yield from feeds.read_feed_stream(stream, ref)
    else:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield too_large(ref)
        else:
            yield RawDocument(doc_ref=ref, content=data, fmt=fmt)


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(stream, buffer_size=max(SNIFF_BYTES, io.DEFAULT_BUFFER_SIZE))


def read_gzip(path: Path, fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
    """Documents of a gzipped file; ``a.jsonl.gz`` is read as JSON Lines, streamed."""
    source = str(path)
    try:
        with gzip.open(path, "rb") as raw:
            stream = _peekable(raw)  # type: ignore[arg-type]
            head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            fmt = inner_format(path.stem, head)
            if fmt is None and format_of(path.stem, head) == "tar":
                yield from read_tar(path, fields)  # a .tar.gz under another name
                return
            if fmt is None:
                yield InputError(source, "nested archives are not read", "format")
                return
            yield from _documents(stream, source, fmt, fields)
    except _DAMAGED as e:
        yield InputError(source, f"gzip file damaged or truncated: {e}", "truncated")


def _skipped(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts) or \
        PurePosixPath(name).stem.upper() == "README"


def read_zip(path: Path, fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
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
                    yield from _documents(stream, ref, fmt, fields)
            except _DAMAGED as e:
                yield InputError(ref, f"zip member damaged or truncated: {e}", "truncated")


def _member(archive: tarfile.TarFile, info: tarfile.TarInfo, ref: str,
            fields: FieldMap | None) -> Iterator[RawDocument | InputError]:
    member = archive.extractfile(info)
    if member is None:
        return
    with member:
        stream = _peekable(member)  # type: ignore[arg-type]
        fmt = inner_format(info.name, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
        if fmt is None:
            yield InputError(ref, "nested archives are not read", "format")
            return
        yield from _documents(stream, ref, fmt, fields)


def read_tar(path: Path, fields: FieldMap | None = None) -> Iterator[RawDocument | InputError]:
    """Documents of every regular file in a tar archive (plain, gzip, bzip2 or xz), named
    ``archive.tar!member``, in archive order."""
    source = str(path)
    ref = source
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for info in archive:
                if not info.isfile() or _skipped(info.name):
                    continue
                ref = f"{source}!{info.name}"
                yield from _member(archive, info, ref, fields)
    except _DAMAGED as e:
        yield InputError(ref, f"not a readable tar archive, or damaged or truncated: {e}",
                         "truncated")
