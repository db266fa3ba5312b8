"""Line-level boilerplate filter shared by plain text and HTML (after trafilatura).

trafilatura keeps "See also" links, share/follow lines, read-time badges and author bios when a
page puts them in plain ``<p>`` elements, and it returns nothing for plain text; this filter
handles both. The rules are rows of ``data/boilerplate.tsv``; the few structural rules that a
single regular expression cannot express (the header zone, author bios) are below.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# A header-zone line shorter than this with no sentence punctuation is a label ("2 Min Read",
# the author's name), not story text: no news sentence is that short.
HEADER_LABEL_MAX_WORDS = 4
# The header zone ends at the first paragraph at least this long: that is where the story starts.
STORY_PARAGRAPH_MIN_WORDS = 8
# Words that mark a paragraph about the author rather than the news.
_BIO_WORDS = re.compile(
    r"\b(writer|journalist|reporter|correspondent|editor|blogger|author|columnist|degree|"
    r"contributor|freelance|writes about|covers)\b",
    re.I,
)
_BIO_START = re.compile(
    r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:,|\s+(?:is|was|has|holds|writes|covers)\b)"
)
_SENTENCE_END = re.compile(r"[.!?\"'”’)]$")


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    note: str


@dataclass(frozen=True, slots=True)
class Filtered:
    """What the filter kept and what it learnt on the way."""

    paragraphs: tuple[str, ...]
    byline: str | None
    published_text: str | None
    dropped: tuple[str, ...]


@functools.cache
def load_rules() -> tuple[Rule, ...]:
    """The rules of ``data/boilerplate.tsv``; a bad row raises with its line number."""
    text = resources.files("faultline.clean").joinpath("data/boilerplate.tsv").read_text("utf-8")
    rules: list[Rule] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in {"drop", "byline", "published"}:
            raise ValueError(f"boilerplate.tsv:{number}: expected kind<TAB>pattern<TAB>note")
        flags = 0 if parts[0] == "byline" else re.IGNORECASE
        try:
            rules.append(Rule(parts[0], re.compile(parts[1], flags), parts[2]))
        except re.error as e:
            raise ValueError(f"boilerplate.tsv:{number}: bad pattern: {e}") from e
    return tuple(rules)


def _match(line: str) -> tuple[str, str | None] | None:
    for rule in load_rules():
        found = rule.pattern.search(line)
        if found:
            return rule.kind, (found.group(1).strip() if rule.kind != "drop" else None)
    return None


def _is_bio(paragraph: str, byline: str | None) -> bool:
    start = _BIO_START.match(paragraph)
    if not start or not _BIO_WORDS.search(paragraph):
        return False
    if byline is None:
        return True
    names = set(start.group(1).split())
    return bool(names & set(byline.split()))


def filter_paragraphs(paragraphs: list[list[str]], title: str | None = None) -> Filtered:
    """Drop boilerplate lines from paragraphs (each a list of lines) and unwrap what remains.

    Lines inside a paragraph are joined with single spaces, so hard-wrapped text becomes one
    paragraph per block; paragraphs are kept in order.
    """
    byline: str | None = None
    published: str | None = None
    dropped: list[str] = []
    kept: list[str] = []
    in_header = True
    title_key = title.strip().casefold() if title else None
    for block in paragraphs:
        lines: list[str] = []
        for raw in block:
            line = raw.strip()
            if not line:
                continue
            verdict = _match(line)
            if verdict is not None:
                kind, value = verdict
                if kind == "byline" and byline is None:
                    byline = value
                elif kind == "published" and published is None:
                    published = value
                dropped.append(line)
                continue
            if title_key and line.casefold() == title_key:
                dropped.append(line)
                continue
            lines.append(line)
        if not lines:
            continue
        paragraph = " ".join(lines)
        words = len(paragraph.split())
        if in_header and words <= HEADER_LABEL_MAX_WORDS and not _SENTENCE_END.search(paragraph):
            dropped.append(paragraph)
            continue
        if words >= STORY_PARAGRAPH_MIN_WORDS:
            in_header = False
        kept.append(paragraph)
    # Author bios sit at the end; the byline is often found only there, so judge them last.
    while kept and _is_bio(kept[-1], byline):
        dropped.append(kept.pop())
    if byline:
        kept = [p for p in kept if p.strip() != byline]
    return Filtered(tuple(kept), byline, published, tuple(dropped))
