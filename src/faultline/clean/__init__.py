"""Cleaning: a RawDocument becomes an Article (story text only, with title, byline, outlet, date).

``article_from`` is the stage's one public function. Decoded text is repaired (mojibake, quotes
and dashes, lost case: ``repair``); HTML goes through trafilatura first; plain text and
trafilatura's output then pass the same line-level boilerplate filter.
"""

from __future__ import annotations

import dataclasses
import re

import trafilatura

from faultline.clean.boilerplate import MAX_DROP_SHARE, filter_paragraphs
from faultline.clean.language import check_text
from faultline.clean.metadata import outlet_from_lines, parse_date, split_dateline
from faultline.clean.recurring import Recurring, outlet_key, units
from faultline.clean.repair import fix_encoding, restore_case
from faultline.errors import InputError
from faultline.ingest.decode import decode
from faultline.model import Article, RawDocument, article_id_for

__all__ = ["article_from"]

# A first line longer than this is a paragraph, not a headline.
TITLE_MAX_CHARS = 200
# Text never holds NUL bytes; finding one this early means a binary file.
BINARY_SNIFF_BYTES = 8192
_BLANK_LINE = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> list[list[str]]:
    return [block.splitlines() for block in _BLANK_LINE.split(text) if block.strip()]


def _noted(result: tuple[str, str | None], notes: list[str]) -> str:
    text, note = result
    if note:
        notes.append(note)
    return text


def _decode(raw: RawDocument, notes: list[str]) -> str:
    """The document's text, mojibake repaired, quotes and dashes normalised; how it was
    decoded and repaired is added to ``notes``."""
    if isinstance(raw.content, str):
        text = raw.content
    elif b"\x00" in raw.content[:BINARY_SNIFF_BYTES]:
        raise InputError(raw.doc_ref, "looks binary (NUL bytes), not text", "binary")
    else:
        decoded = decode(raw.content)
        text = _noted((decoded.text, decoded.note), notes)
    return _noted(fix_encoding(text), notes)


def _plain(raw: RawDocument, notes: list[str],
           ) -> tuple[list[list[str]], str | None, dict[str, str | None]]:
    """Paragraphs, title and metadata of a plain-text article: a short first line followed by
    more text is its title."""
    text = _noted(restore_case(_decode(raw, notes).replace("\r\n", "\n")), notes)
    blocks = _paragraphs(text)
    title = raw.title
    if title is None and len(blocks) > 1 and len(blocks[0]) == 1:
        first = blocks[0][0].strip()
        if len(first) <= TITLE_MAX_CHARS and not first.endswith((".", "!", "?", '"', "”")):
            title = first
            blocks = blocks[1:]
    return blocks, title, {}


def _html(raw: RawDocument, notes: list[str],
          ) -> tuple[list[list[str]], str | None, dict[str, str | None]]:
    """Paragraphs, title and metadata from trafilatura (main text only, no comments/tables)."""
    try:
        extracted = trafilatura.bare_extraction(
            _decode(raw, notes), url=raw.url, with_metadata=True, include_comments=False,
            include_tables=False,
        )
    except (ValueError, TypeError) as e:
        raise InputError(raw.doc_ref, f"HTML could not be parsed: {e}", "html") from e
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(raw.doc_ref, "no article text found in the HTML", "empty")
    # trafilatura gives one line per block element: each line is a paragraph here.
    text = _noted(restore_case(extracted.text), notes)
    blocks = [[line] for line in text.splitlines() if line.strip()]
    meta = {"byline": extracted.author, "published": extracted.date, "outlet": extracted.sitename}
    return blocks, raw.title or extracted.title, meta


def _drop_recurring(blocks: list[list[str]], raw: RawDocument, recurring: Recurring,
                   notes: list[str]) -> list[list[str]]:
    """Blocks without the outlet's recurring lines (or sentences of flattened text), unless
    that would remove most of the document."""
    outlet = outlet_key(raw)
    kept: list[list[str]] = []
    removed = total = 0
    for block in blocks:
        lines = []
        for line in block:
            parts = units(line)
            total += sum(len(p.split()) for p in parts)
            left = [p for p in parts if not recurring.is_boilerplate(outlet, p)]
            removed += sum(len(p.split()) for p in parts) - sum(len(p.split()) for p in left)
            if left:
                lines.append(" ".join(left))
        kept.append(lines)
    if not removed or removed > MAX_DROP_SHARE * total:
        return blocks
    notes.append(f"recurring outlet lines removed ({removed} words)")
    return [b for b in kept if b]


def article_from(raw: RawDocument, date: str | None = None,
                 recurring: Recurring | None = None) -> Article:
    """Clean one document. ``date`` (YYYY-MM-DD) overrides any publication date found;
    ``recurring`` (learnt over the corpus) names its outlet's recurring boilerplate lines.

    Raises InputError naming the document when nothing usable remains (empty, binary,
    not English, undecodable).
    """
    notes = list(raw.notes)
    blocks, title, meta = _html(raw, notes) if raw.fmt == "html" else _plain(raw, notes)
    if recurring is not None:
        blocks = _drop_recurring(blocks, raw, recurring, notes)
    filtered = filter_paragraphs(blocks, title=title)
    paragraphs = list(filtered.paragraphs)
    place = dateline_outlet = None
    while paragraphs:
        paragraphs[0], found, outlet = split_dateline(paragraphs[0])
        if found is None:
            break
        place, dateline_outlet = place or found, dateline_outlet or outlet
        # What follows a dateline may be furniture ("... (Wire) — By Ali Sow") or another one.
        again = filter_paragraphs([[p] for p in paragraphs if p.strip()], title=title)
        paragraphs = list(again.paragraphs)
        filtered = dataclasses.replace(
            filtered, byline=filtered.byline or again.byline,
            published_text=filtered.published_text or again.published_text,
            dropped=filtered.dropped + again.dropped)
    # Joining lines can make a mojibake sequence ftfy saw split ("Â" + " "): repair once more.
    text = _noted(fix_encoding("\n\n".join(p for p in paragraphs if p.strip())), notes).strip()
    identified = check_text(raw.doc_ref, text)
    if identified.note:
        notes.append(identified.note)
    published = date or parse_date(raw.published) or parse_date(meta.get("published")) \
        or parse_date(filtered.published_text)
    outlet = (raw.outlet or meta.get("outlet") or dateline_outlet
              or outlet_from_lines(filtered.dropped))
    extra = dict(raw.meta)
    if place:
        extra["dateline"] = place
    return Article(
        article_id=article_id_for(text),
        doc_ref=raw.doc_ref,
        text=text,
        title=title,
        byline=meta.get("byline") or filtered.byline,
        outlet=outlet,
        url=raw.url,
        published=published,
        language=identified.language,
        meta=extra,
        notes=tuple(dict.fromkeys(notes)),
    )
