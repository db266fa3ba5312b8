"""Repair text before parsing: mojibake, typographic variants, and lost letter case.

- Mojibake (UTF-8 read as Windows-1252: ``â€™``, ``Ã©``) is undone with ftfy, and noted.
- Quotation marks and dashes are normalised to one form each, so quotation detection and name
  matching see ``"`` and ``'`` whatever the source typed (``“ ” „ ‟ ″`` and ``‘ ’ ‛ ′``), and a
  spaced double hyphen or a horizontal bar is an em dash.
- A document in all lower case or all upper case has its case restored (truecasing): sentence
  starts, "I", weekdays and months, and every name the actor knowledge base knows (countries,
  capitals, demonyms, organisations, office holders) in its usual form. The parser and the
  entity recogniser need capitals; without them a lower-case archive yields almost no events.

The repaired text is the article's text: event offsets point into it.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from spacy.lang.en.stop_words import STOP_WORDS

from faultline.clean.paragraphs import ends_with_abbreviation

# A document is all lower case when fewer than this share of its letters are capitals, and
# all upper case when more than UPPER_SHARE are; too few letters to tell: left alone.
LOWER_SHARE = 0.02
UPPER_SHARE = 0.9
MIN_LETTERS_FOR_CASE = 40

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                             fix_character_width=False, normalization="NFC", explain=True)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                         "‘": "'", "’": "'", "‛": "'", "′": "'"})
_DASH = re.compile(r"(?<=\s)--(?=\s)|―")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])['\")\]]*\s+|\n\s*)['\"(\[]?([a-z])")
_I = re.compile(r"(?<![\w.'])i(?=$|[\s,;:!?']|\.(?!\w))")


def _unassigned(text: str) -> int:
    return sum(unicodedata.category(c) == "Cn" for c in text)


def fix_encoding(text: str) -> tuple[str, str | None]:
    """``text`` with mojibake undone (ftfy) and quotes and dashes normalised; a note when
    ftfy changed anything."""
    fixed = ftfy.fix_and_explain(text, _FTFY)
    if _unassigned(fixed.text) > _unassigned(text):
        fixed = ftfy.ExplainedText(text, [])  # a "repair" into unassigned code points is wrong
    note = None
    if fixed.explanation:
        steps = ", ".join(f"{step} {how}" for step, how in fixed.explanation)
        note = f"mojibake repaired ({steps})"
    return _DASH.sub("—", fixed.text.translate(_QUOTES)), note


def case_of(text: str) -> str | None:
    """``lower`` or ``upper`` when the whole text lost its case, else None."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS_FOR_CASE:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper < LOWER_SHARE:
        return "lower"
    return "upper" if upper > UPPER_SHARE else None


_WORD_CHAR = re.compile(r"\w")
# Positions after which a name may start or before which it may end (a non-word character).
_NON_WORD = re.compile(r"\W")


@dataclass(frozen=True)
class NameForms:
    """Lower-case name → its usual form, and the prefixes of the names that end before a
    non-word character ("united" of "united nations"): a name is looked up word boundary by
    word boundary while the text so far is such a prefix, never with one pattern of every
    name (compiling that took seconds per process)."""

    forms: dict[str, str]
    prefixes: frozenset[str]

    @classmethod
    def build(cls, forms: dict[str, str]) -> NameForms:
        prefixes = {key[:i] for key in forms for i in range(1, len(key))
                    if not _WORD_CHAR.match(key, i)}
        return cls(forms, frozenset(prefixes))

    def apply(self, text: str) -> str:
        """``text`` with every whole-word name in its usual form, the longest name first at
        each position, left to right."""
        ends = [m.start() for m in _NON_WORD.finditer(text)] + [len(text)]
        parts: list[str] = []
        done = 0
        for start in [0, *(e + 1 for e in ends[:-1])]:
            if start < done or start >= len(text):
                continue
            best = None
            for end in ends[bisect.bisect_right(ends, start):]:
                candidate = text[start:end]
                if candidate in self.forms:
                    best = end
                if candidate not in self.prefixes:
                    break
            if best is not None:
                parts += [text[done:start], self.forms[text[start:best]]]
                done = best
        return "".join(parts) + text[done:]


@functools.cache
def _names() -> NameForms:
    """Every knowledge-base name by its lower-case form. Names that are English function words
    ("US" / "us") are left out."""
    from faultline.actors.kb import load_kb

    forms: dict[str, str] = {}
    names = [*load_kb().spellings.values(), *calendar.day_name, *calendar.month_name[1:]]
    for name in names:
        key = name.lower()
        if key == name or key in STOP_WORDS:
            continue
        current = forms.get(key)
        if current is None or (current.isupper() and not name.isupper()):
            forms[key] = name  # "Aruba" over "ARUBA"; "NATO" when that is the only form
    return NameForms.build(forms)


def restore_case(text: str) -> tuple[str, str | None]:
    """``text`` with its case restored when it is all lower or all upper case (same length),
    and a note saying so; other text comes back unchanged with no note."""
    lost = case_of(text)
    if lost is None:
        return text, None
    cased = _names().apply(text.lower())
    cased = _I.sub("I", cased)

    def capital(found: re.Match[str]) -> str:
        if found.start() and ends_with_abbreviation(cased[:found.start()]):
            return found.group(0)  # "gen. tchiani": not a sentence start
        return found.group(0)[:-1] + found.group(1).upper()

    cased = _SENTENCE_START.sub(capital, cased)
    return cased, f"case restored (the text was all {lost} case)"
