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

from faultline.clean.paragraphs import blocks, is_flat

# A header-zone line shorter than this with no sentence punctuation is a label ("2 Min Read",
# the author's name), not story text: no news sentence is that short.
HEADER_LABEL_MAX_WORDS = 4
# The header zone ends at the first paragraph at least this long: that is where the story starts.
STORY_PARAGRAPH_MIN_WORDS = 8
# An author bio is a short closing paragraph; a longer one is story text.
BIO_MAX_WORDS = 60
# A rule never removes a unit holding more than this share of a document's words (and at least
# STORY_PARAGRAPH_MIN_WORDS words): whatever it matched, that is the story, not its furniture.
MAX_DROP_SHARE = 0.5
# A byline or date line is short; a longer line starting "By ..." or "Updated ..." is a sentence.
META_LINE_MAX_WORDS = 12
# Words that describe the author when they head the bio's appositive or predicate.
_BIO_NOUNS = (r"(?:writer|journalist|reporter|correspondent|editor|blogger|author|columnist|"
              r"contributor|freelancer|freelance \w+|analyst|fellow|student|graduate)")
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
# "Amina Dosso, a reporter with ...", "Amina Dosso is an award-winning correspondent ...",
# "Amina Dosso writes about ...", "Amina Dosso holds a degree in ...".
_BIO = re.compile(
    rf"^(?P<name>{_NAME})(?:(?:,\s+|\s+(?:is|was|has been)\s+)(?:a|an|the)\s+"
    rf"(?:[\w-]+\s+){{0,3}}{_BIO_NOUNS}s?\b|\s+(?:writes about|covers|reports on|holds a)\b)"
)
# Words that cannot be a name in a byline: "By Tuesday Morning", "By March Next Year".
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today tomorrow yesterday the a an "
    "this that then late early noon midnight".split()
)
# The vocabulary of a date line's value: "Mon 3 Feb 2025, 08:10 GMT", "2025-02-03T08:00Z".
_DATE_TOKEN = re.compile(
    r"^(?:\d[\dT:.+Z/-]*(?:st|nd|rd|th|am|pm|h)?|[ap]\.?m\.?|at|on|of|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"utc|gmt|ist|est|edt|et|cet|cest|wat|eat|cat|bst|pst|pdt|[+-]\d{2}:?\d{2})$",
    re.I,
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


def _is_date(value: str) -> bool:
    tokens = [t for t in re.split(r"[\s,|()]+", value) if t]
    return bool(tokens) and any(t[0].isdigit() for t in tokens) and \
        all(_DATE_TOKEN.match(t) for t in tokens)


def _plausible(kind: str, line: str, value: str) -> bool:
    """A byline must name a person or agency; a date line's value must be a date."""
    if kind == "drop":
        return True
    if len(line.split()) > META_LINE_MAX_WORDS:
        return False
    if kind == "byline":
        return not any(w.casefold().strip(".,") in _NOT_NAMES for w in value.split())
    return _is_date(value)


def _match(line: str) -> tuple[str, str | None] | None:
    for rule in load_rules():
        found = rule.pattern.search(line)
        if not found:
            continue
        value = found.group(1).strip() if rule.kind != "drop" else ""
        if _plausible(rule.kind, line, value):
            return rule.kind, value or None
    return None


def _is_bio(paragraph: str, byline: str | None) -> bool:
    """A short paragraph that describes a named person as the writer.

    One capitalised word ("Dosso is a reporter") counts only when it is in the byline.
    """
    if len(paragraph.split()) > BIO_MAX_WORDS:
        return False
    start = _BIO.match(paragraph)
    if not start:
        return False
    names = start.group("name").split()
    if byline is not None and set(names) & set(byline.split()):
        return True
    return len(names) >= 2


def _expand_flat(paragraphs: list[list[str]]) -> list[list[str]]:
    """Flattened blocks become paragraph-like blocks (one line each) before any rule runs."""
    expanded: list[list[str]] = []
    for block in paragraphs:
        joined = " ".join(line.strip() for line in block if line.strip())
        if is_flat(joined):
            expanded.extend([part] for part in blocks(joined))
        else:
            expanded.append(block)
    return expanded


def filter_paragraphs(paragraphs: list[list[str]], title: str | None = None) -> Filtered:
    """Drop boilerplate lines from paragraphs (each a list of lines) and unwrap what remains.

    Lines inside a paragraph are joined with single spaces, so hard-wrapped text becomes one
    paragraph per block; paragraphs are kept in order. Flattened text is first split into
    paragraph-like blocks, and no rule removes most of a document.
    """
    paragraphs = _expand_flat(paragraphs)
    total_words = sum(len(line.split()) for block in paragraphs for line in block)

    def too_much(text: str) -> bool:
        words = len(text.split())
        return words >= STORY_PARAGRAPH_MIN_WORDS and words > MAX_DROP_SHARE * total_words

    byline: str | None = None
    published: str | None = None
    dropped: list[str] = []
    kept: list[str] = []
    in_header = True
    labels: list[str] = []  # short header-zone lines: labels when a story follows them
    title_key = title.strip().casefold() if title else None
    for block in paragraphs:
        lines: list[str] = []
        for raw in block:
            line = raw.strip()
            if not line:
                continue
            verdict = _match(line)
            if verdict is not None and not too_much(line):
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
            labels.append(paragraph)
            continue
        if words >= STORY_PARAGRAPH_MIN_WORDS:
            in_header = False
        kept.append(paragraph)
    if kept:
        dropped.extend(labels)
    else:
        kept = labels  # a text of nothing but short lines is all the story there is
    # Author bios sit at the end; the byline is often found only there, so judge them last.
    # The only paragraph left is the story, whatever it says.
    while len(kept) > 1 and _is_bio(kept[-1], byline) and not too_much(kept[-1]):
        dropped.append(kept.pop())
    if byline:
        kept = [p for p in kept if p.strip() != byline]
    return Filtered(tuple(kept), byline, published, tuple(dropped))
