"""The event lexicon (``data/lexicon.tsv``): trigger lemma + argument shape → CAMEO code.

A row is a rule; the format is documented at the top of the file. Rows are indexed by
(part of speech, lemma) so matching a token costs one dictionary look-up.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from faultline.events.codebook import CodebookError, load_codebook
from faultline.tsv import package_rows

FLAGS = frozenset({"sym", "notarget", "obj_source"})
COLUMNS = ["cameo", "pos", "lemma", "object", "prep", "flags", "note"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row. ``objects`` empty: any object; ``preps`` empty: the object is target."""

    cameo: str
    pos: str
    lemma: str
    objects: frozenset[str]
    preps: tuple[str, ...]
    flags: frozenset[str]
    line: int

    @property
    def specificity(self) -> int:
        """Object-constrained rows beat preposition rows, which beat bare lemmas."""
        return 2 * bool(self.objects) + bool(self.preps)


def _split(cell: str) -> list[str]:
    return [part.strip().lower() for part in cell.split("|") if part.strip()]


@functools.cache
def load_lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Rows indexed by (pos, lemma); a bad row raises naming its line."""
    codebook = load_codebook()
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for number, row in package_rows("faultline.events", "lexicon.tsv"):
        if list(row) != COLUMNS:
            raise CodebookError(f"lexicon.tsv: header must be {COLUMNS}")
        flag_set = frozenset(_split(row["flags"].replace(",", "|")))
        cameo, pos, lemma = row["cameo"], row["pos"], row["lemma"].strip().lower()
        if cameo not in codebook or pos not in {"V", "N"} or not lemma or flag_set - FLAGS:
            raise CodebookError(f"lexicon.tsv:{number}: bad code, pos, lemma or flag")
        entry = Entry(cameo, pos, lemma, frozenset(_split(row["object"])),
                      tuple(_split(row["prep"])), flag_set, number)
        index[(pos, lemma)].append(entry)
    return {key: tuple(entries) for key, entries in index.items()}
