"""RSS and Atom feed files: one document per entry, with its link, title and date.

The entry's full content is used when the feed carries it, else its summary; both are HTML
fragments, turned into plain paragraphs here (too short for trafilatura's article extraction).
A feed up to one document's size is parsed whole by feedparser; a larger one is streamed entry
by entry (lxml's pull parser, no entities resolved, no network), each entry parsed alone.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import feedparser
import lxml.html
from lxml import etree
from lxml.etree import ParserError

from faultline.errors import InputError
from faultline.ingest.files import MAX_DOCUMENT_BYTES, too_large
from faultline.model import RawDocument

_CHUNK = 1 << 20  # bytes fed to the pull parser at a time
_ENTRY_TAGS = frozenset({"item", "entry"})
_FEED_TAGS = frozenset({"channel", "feed"})
_ATOM = "http://www.w3.org/2005/Atom"

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


def _document(entry: Any, number: int, source: str,
              outlet: str | None) -> RawDocument | InputError:
    ref = f"{source}#{number}"
    body = _body(entry)
    text = html_to_text(body) if body else ""
    if not text:
        return InputError(ref, f"entry {number} has no content or summary", "empty")
    link = entry.get("link") or None
    return RawDocument(
        doc_ref=link or entry.get("id") or ref, content=text, fmt="text",
        title=entry.get("title") or None, url=link, published=_date(entry), outlet=outlet,
        meta={"feed_entry_id": entry["id"]} if entry.get("id") else {},
    )


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
        yield _document(entry, number, source, outlet)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _stream_entries(chunks: Iterable[bytes], source: str) -> Iterator[RawDocument | InputError]:
    """Entries of a feed too large to parse whole, one at a time."""
    parser = etree.XMLPullParser(events=("end",), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
    outlet: str | None = None
    number = 0
    try:
        for chunk in chunks:
            parser.feed(chunk)
            for _, element in parser.read_events():
                name = _local(element.tag)
                parent = element.getparent()
                if name == "title" and parent is not None and _local(parent.tag) in _FEED_TAGS:
                    outlet = outlet or (element.text or "").strip() or None
                if name not in _ENTRY_TAGS:
                    continue
                number += 1
                xml = etree.tostring(element)
                element.clear()
                if parent is not None:
                    parent.remove(element)  # keep memory flat: done entries are dropped
                if len(xml) > MAX_DOCUMENT_BYTES:
                    yield too_large(f"{source}#{number}", len(xml))
                    continue
                wrapped = (b'<feed xmlns="' + _ATOM.encode() + b'">' + xml + b"</feed>"
                           if name == "entry" else b"<rss><channel>" + xml + b"</channel></rss>")
                parsed = feedparser.parse(wrapped).entries
                yield (_document(parsed[0], number, source, outlet) if parsed else
                       InputError(f"{source}#{number}", f"entry {number} is unreadable",
                                  "bad-feed"))
        parser.close()
    except etree.XMLSyntaxError as e:
        yield InputError(f"{source}#{number + 1}", f"feed broken after entry {number}: {e}",
                         "bad-feed")


def read_feed_stream(stream: BinaryIO, source: str) -> Iterator[RawDocument | InputError]:
    """Documents of a feed read from ``stream``, whole when small, streamed when large."""
    head = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(head) <= MAX_DOCUMENT_BYTES:
        yield from parse_feed(head, source)
        return
    rest = iter(lambda: stream.read(_CHUNK), b"")
    yield from _stream_entries(itertools.chain([head], rest), source)


def read_feed(path: Path) -> Iterator[RawDocument | InputError]:
    """Every entry of an RSS/Atom file as a document."""
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}", "unreadable")
        return
    with handle:
        yield from read_feed_stream(handle, str(path))
