"""Plain-text and HTML files: one document per file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from faultline.errors import InputError
from faultline.model import RawDocument

# One document (a file, a JSON line, a CSV row, a feed entry, an archive member) larger than
# this is not a news article; a file of many records may be any size: it is streamed.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def too_large(source: str, size: int | None = None) -> InputError:
    """The one error for a document over ``MAX_DOCUMENT_BYTES``, the same in every reader."""
    found = f"{size} bytes" if size is not None else "more bytes"
    return InputError(source, f"document too large for an article ({found}; the limit is "
                              f"{MAX_DOCUMENT_BYTES} bytes per document)", "size")


def read_bytes(path: Path) -> bytes:
    """The bytes of a one-document file, or InputError naming it (vanished, unreadable, too
    large)."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise too_large(str(path), size)
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable") from e


def read_file(path: Path, fmt: str) -> Iterator[RawDocument | InputError]:
    """One RawDocument of format ``fmt`` (``text`` or ``html``) from ``path``."""
    try:
        content = read_bytes(path)
    except InputError as e:
        yield e
        return
    yield RawDocument(doc_ref=str(path), content=content, fmt=fmt)
