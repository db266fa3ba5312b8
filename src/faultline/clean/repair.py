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

import calendar
import functools
import re
import unicodedata

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


@functools.cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every knowledge-base name by its lower-case form, and one pattern matching them all
    (longest first). Names that are English function words ("US" / "us") are left out."""
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
    alternatives = "|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), forms


def restore_case(text: str) -> tuple[str, str | None]:
    """``text`` with its case restored when it is all lower or all upper case (same length),
    and a note saying so; other text comes back unchanged with no note."""
    lost = case_of(text)
    if lost is None:
        return text, None
    pattern, forms = _names()
    cased = pattern.sub(lambda m: forms[m.group(0)], text.lower())
    cased = _I.sub("I", cased)

    def capital(found: re.Match[str]) -> str:
        if found.start() and ends_with_abbreviation(cased[:found.start()]):
            return found.group(0)  # "gen. tchiani": not a sentence start
        return found.group(0)[:-1] + found.group(1).upper()

    cased = _SENTENCE_START.sub(capital, cased)
    return cased, f"case restored (the text was all {lost} case)"
