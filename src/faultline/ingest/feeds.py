"""RSS and Atom feed files: one document per entry, with its link, title and date.

The entry's full content is used when the feed carries it, else its summary; both are HTML
fragments, turned into plain paragraphs here (too short for trafilatura's article extraction).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml.etree import ParserError

from faultline.errors import InputError
from faultline.ingest.files import read_bytes
from faultline.model import RawDocument

# Where in a file's first bytes a feed declares itself.
_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file are an RSS, Atom or RDF feed."""
    start = head[:1024].lower()
    return any(marker in start for marker in _MARKERS)


def html_to_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment, separated by blank lines."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _body(entry: Any) -> str | None:
    for part in entry.get("content") or []:
        if part.get("value", "").strip():
            return part["value"]
    summary = entry.get("summary")
    return summary if summary and summary.strip() else None


def parse_feed(data: bytes, source: str) -> Iterator[RawDocument | InputError]:
    """Documents from the bytes of a feed; doc_ref is the entry link, else ``source#N``."""
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f"not a readable feed ({problem})" if problem else "feed has no entries"
        yield InputError(source, reason, "bad-feed")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        ref = f"{source}#{number}"
        body = _body(entry)
        text = html_to_text(body) if body else ""
        if not text:
            yield InputError(ref, f"entry {number} has no content or summary", "empty")
            continue
        link = entry.get("link") or None
        yield RawDocument(
            doc_ref=link or entry.get("id") or ref, content=text, fmt="text",
            title=entry.get("title") or None, url=link, published=_date(entry), outlet=outlet,
            meta={"feed_entry_id": entry["id"]} if entry.get("id") else {},
        )


def read_feed(path: Path) -> Iterator[RawDocument | InputError]:
    """Every entry of an RSS/Atom file as a document."""
    try:
        data = read_bytes(path)
    except InputError as e:
        yield e
        return
    yield from parse_feed(data, str(path))
