"""Paragraph-like blocks for flattened text (feeds and CSV exports that lost their breaks).

Everything that works per paragraph (boilerplate rules, author bios, the lead's root events,
quotation scope) needs paragraphs. A block far longer than a news paragraph is split into
sentences, which are grouped back into short blocks: the first sentence (the lead) alone, then
a new block at a quotation boundary, at a change of subject (no shared content word), or when
a block is full.
"""

from __future__ import annotations

import functools
import re

from faultline.tsv import package_rows

# A paragraph with at least this many words and sentences is flattened text, not a paragraph:
# news paragraphs hold one to four sentences, rarely more than 100 words.
FLAT_MIN_WORDS = 150
FLAT_MIN_SENTENCES = 5
# A rebuilt block closes after this many sentences or words.
BLOCK_MAX_SENTENCES = 3
BLOCK_MAX_WORDS = 80
# Words this long or longer carry a topic; shorter ones are mostly function words.
TOPIC_WORD_MIN_CHARS = 5

# A sentence ends at . ! or ? (optionally closed by a quote or bracket), before white space and a
# capital, a digit or an opening quote.
_BOUNDARY = re.compile(r"(?<=[.!?])([\"'”’)\]]*)(\s+)(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_QUOTES = re.compile(r"[\"“”]")
_TOPIC_WORD = re.compile(rf"[^\W\d_]{{{TOPIC_WORD_MIN_CHARS},}}")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbreviation"].casefold()
                     for _, row in package_rows("faultline.clean", "abbreviations.tsv"))


def ends_with_abbreviation(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation or an initial ("Gen.", "U.S.", "J.")."""
    found = _LAST_WORD.search(text)
    if not found:
        return False
    word = found.group(1).casefold()
    return len(word) == 1 or word in _abbreviations()


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (white space between them dropped), split conservatively:
    "Gen. Tchiani", "U.S. troops" and initials do not end a sentence."""
    found: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end(1)
        if boundary.group(1) == "" and ends_with_abbreviation(text[start:end]):
            continue
        found.append(text[start:end])
        start = boundary.end()
    tail = text[start:].strip()
    if tail:
        found.append(tail)
    return [s.strip() for s in found if s.strip()]


def is_flat(paragraph: str) -> bool:
    """Whether one paragraph is really a whole flattened article (or a large part of one)."""
    return (len(paragraph.split()) >= FLAT_MIN_WORDS
            and len(sentences(paragraph)) >= FLAT_MIN_SENTENCES)


def _topic(sentence: str) -> set[str]:
    return {w.casefold() for w in _TOPIC_WORD.findall(sentence)}


def _quoted(sentence: str) -> bool:
    return bool(_QUOTES.search(sentence))


def blocks(paragraph: str) -> list[str]:
    """``paragraph`` as paragraph-like blocks when it is flattened text, else unchanged."""
    if not is_flat(paragraph):
        return [paragraph]
    parts = sentences(paragraph)
    grouped: list[list[str]] = [[parts[0]]]  # the lead stands alone, as in print
    current: list[str] = []
    for sentence in parts[1:]:
        if current and _closes(current, sentence):
            grouped.append(current)
            current = []
        current.append(sentence)
    if current:
        grouped.append(current)
    return [" ".join(group) for group in grouped]


def _closes(block: list[str], sentence: str) -> bool:
    """Whether ``sentence`` starts a new block after ``block``."""
    words = sum(len(s.split()) for s in block)
    if len(block) >= BLOCK_MAX_SENTENCES or words + len(sentence.split()) > BLOCK_MAX_WORDS:
        return True
    if _quoted(sentence) != _quoted(block[-1]):
        return True  # a quotation gets its own paragraph
    seen: set[str] = set().union(*(_topic(s) for s in block))
    return not (_topic(sentence) & seen)
