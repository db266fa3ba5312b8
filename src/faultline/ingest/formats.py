"""Which reader a document needs: from its name, else from its first bytes."""

from __future__ import annotations

from pathlib import PurePath

from faultline.ingest.feeds import looks_like_feed
from faultline.ingest.warc import looks_like_warc

SNIFF_BYTES = 2048  # enough to see a doctype, a JSON brace, a feed root or a WARC header
ARCHIVES = frozenset({"gzip", "zip", "tar"})
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
    ".gz": "gzip", ".zip": "zip", ".tar": "tar", ".tgz": "tar", ".tbz2": "tar", ".txz": "tar",
}
# A tar header holds this magic at this offset ("ustar" for POSIX and GNU tar).
_TAR_MAGIC, _TAR_MAGIC_AT = b"ustar", 257
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")


def format_of(name: str, head: bytes) -> str:
    """The format of a document called ``name`` (may be empty) that starts with ``head``."""
    lowered = name.lower()
    if lowered.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if lowered.endswith((".tar.gz", ".tar.bz2", ".tar.xz")):
        return "tar"
    by_name = EXTENSIONS.get(PurePath(lowered).suffix) if name else None
    if by_name:
        return by_name
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head[_TAR_MAGIC_AT:_TAR_MAGIC_AT + len(_TAR_MAGIC)] == _TAR_MAGIC:
        return "tar"
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(_HTML_STARTS):
        return "html"
    return "text"
