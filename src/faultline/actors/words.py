"""The actors package's word classes, read from ``data/words.tsv`` (knowledge in data, not code).

Each row is ``class  word  value  note``: a plain class is a set of words ("the words that make
an office holder a former one"); a mapping class also gives each word a value ("KSV" → "XKX").
The modules ask for the classes they read by name; asking for a class the file lacks, or a
repeated word, raises ``DataFileError`` naming the file (and line).
"""

from __future__ import annotations

import functools
from importlib import resources

from faultline.tsv import DataFileError, parse_rows

WORDS_FILE = "words.tsv"
# Separates the values of a mapping row that maps a word to several ("a|b").
MULTI = "|"


def read_words(filename: str, text: str) -> dict[str, dict[str, str]]:
    """Class → word → value (empty for plain classes) of a words table, in file order."""
    table: dict[str, dict[str, str]] = {}
    for number, row in parse_rows(filename, text, pad=True):
        cls, word = row["class"].strip(), row["word"].strip()
        if not cls or not word:
            raise DataFileError(f"{filename}:{number}: a row needs a class and a word")
        entries = table.setdefault(cls, {})
        if word in entries:
            raise DataFileError(f"{filename}:{number}: {word!r} repeated in class {cls!r}")
        entries[word] = row["value"].strip()
    return table


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("faultline.actors").joinpath(f"data/{WORDS_FILE}").read_text("utf-8")
    return read_words(WORDS_FILE, text)


def _entries(cls: str) -> dict[str, str]:
    entries = _table().get(cls)
    if entries is None:
        raise DataFileError(f"{WORDS_FILE}: no class {cls!r}")
    return entries


def classes() -> frozenset[str]:
    """Every class the file defines (a test checks each is read somewhere)."""
    return frozenset(_table())


def words(cls: str) -> frozenset[str]:
    """The words of a plain class."""
    return frozenset(_entries(cls))


def mapping(cls: str) -> dict[str, str | None]:
    """Word → value of a mapping class; an empty value is None ("maps to nothing")."""
    return {word: value or None for word, value in _entries(cls).items()}


def multi_mapping(cls: str) -> dict[str, frozenset[str]]:
    """Word → the ``|``-separated values of a mapping class."""
    return {word: frozenset(v.strip() for v in value.split(MULTI) if v.strip())
            for word, value in _entries(cls).items()}
