"""Plain-text and HTML files: one document per file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from faultline.errors import InputError
from faultline.model import RawDocument

# Files larger than this are not news articles; reading them whole would only waste memory.
MAX_FILE_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or InputError naming it (vanished, unreadable, too large)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path), f"file too large for an article ({size} bytes)", "size")
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
