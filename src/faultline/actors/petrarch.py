"""The PETRARCH/TABARI actor dictionary format (``.actors.txt``) and its CAMEO codes, read the
same way for the Phoenix conversion (``convert``) and for user dictionaries (``user``).

A record is a primary phrase line (``VLADIMIR_PUTIN_``), ``+`` synonym lines and tab-indented
code lines (``[RUSGOV 000507-080507]``, ``[RUSELI <991231]``, ``[RUSGOV >120507]``); the format
is documented in ``../shared/kb/phoenix/dictionaries-format.rst``. CAMEO country codes map to
ISO 3166-1 alpha-3 through the ``cameo_to_iso`` rows of ``data/words.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from faultline.actors.records import INTERNATIONAL_PREFIXES, ROLES
from faultline.actors.words import mapping, words

# Two-digit years up to this one are 20yy, later ones 19yy.
PIVOT_YEAR = 20
# CAMEO codes that are not ISO 3166-1 alpha-3, mapped deliberately (None: no country).
CAMEO_TO_ISO = mapping("cameo_to_iso")
REGION_CODES = words("region_code")
# CAMEO sectors we code under another of our roles; religions are REL.
SECTOR_ROLES = mapping("sector_role")
# The role of an international actor whose code names none.
INTERNATIONAL_ROLES = {"IGO": "GOV", "NGO": "NGO", "IMG": "REB"}
# A one-word name this short is an acronym.
ACRONYM_CHARS = 4
# Words of a name written in lower case ("bin", "al"), and two-letter words that are not
# acronyms ("UN" stays upper case, "Al" does not).
LOWER_PARTICLES = words("lower_particle")
SHORT_WORDS = words("short_word")
CODE = re.compile(r"\[([^\]\s]*)(?:\s+([<>]?)\s*([0-9-]*))?\s*\]")


@dataclass
class Entry:
    """One dictionary record: a primary phrase, its synonyms and its code lines."""

    file: str
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str, int]] = field(default_factory=list)  # code, op, dates, line


def read_entries(path: Path) -> Iterator[Entry]:
    """The records of an actors file: primary lines, ``+`` synonyms and tab-indented codes
    (codes may also follow a primary phrase on its own line)."""
    entry: Entry | None = None
    for number, raw in enumerate(path.read_text("latin-1").splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            if entry is not None:
                entry.codes += [(c, op, d, number) for c, op, d in CODE.findall(line)]
            continue
        if line.startswith("+"):
            if entry is not None:
                phrase = CODE.split(line[1:], maxsplit=1)[0]
                entry.synonyms.append(phrase.strip())
                entry.codes += [(c, op, d, number) for c, op, d in CODE.findall(line)]
            continue
        if entry is not None:
            yield entry
        phrase = line.split("[", 1)[0].strip()
        entry = Entry(path.name, number, phrase)
        entry.codes += [(c, op, d, number) for c, op, d in CODE.findall(line)]
    if entry is not None:
        yield entry


def read_agents(path: Path) -> Iterator[tuple[int, list[str], str | None]]:
    """(line, phrases, code) of each entry of an agents file, ``!SET!`` substitutions expanded
    (``!MINIST! = MINISTER, MINISTRY``); code None for a line that is not an entry."""
    sets: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text("latin-1").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        if (m := re.match(r"^!(\w+)!\s*=\s*(.+)$", line)):
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{[^}]*\})?\s*\[([^\]}]*)[\]}]", line)
        if not m:
            yield number, [], None
            continue
        yield number, _expand(m.group(1).strip(), sets), m.group(2).replace("~", "")


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", phrase)
    if not m or m.group(1) not in sets:
        return [phrase]
    return [x for item in sets[m.group(1)]
            for x in _expand(phrase[:m.start()] + item + phrase[m.end():], sets)]


def phrase_text(phrase: str) -> str:
    """``VLADIMIR_PUTIN_`` → ``Vladimir Putin``; acronyms (no vowel, dotted, or a short name
    alone: ``GIA``, ``ISIS``) stay upper."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    if len(words) == 1 and len(words[0]) <= ACRONYM_CHARS and words[0].isalpha():
        return words[0]
    return " ".join(_word_case(w) for w in words)


def _word_case(word: str) -> str:
    if "." in word or not re.search(r"[AEIOUY]", word) or (
            len(word) <= 2 and word.isalpha() and word not in SHORT_WORDS):
        return word
    if word.startswith(("AL-", "EL-")):
        return word[:3].lower() + _word_case(word[3:])
    if word in LOWER_PARTICLES:
        return word.lower()
    return "-".join(part.capitalize() for part in word.split("-"))


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def parse_date(value: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` → ISO date, None when malformed."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year <= PIVOT_YEAR else 1900 + year}{value[2:]}"
    try:
        year, month, day = int(value[:4]), int(value[4:6]), int(value[6:8])
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def split_code(code: str, iso: set[str]) -> tuple[str | None, str | None, bool]:
    """(country, role, ok) of a CAMEO actor code; ``ok`` False when the code cannot be mapped.
    International and regional codes have no country."""
    country, role, ok, _ = map_code(code, iso)
    return country, role, ok


def map_code(code: str, iso: set[str]) -> tuple[str | None, str | None, bool, str]:
    """``split_code`` and the code rewritten with the ISO country (``KSVMIL`` → ``XKXMIL``,
    ``USRARM`` → ``ARM``); international codes stay as they are."""
    head, rest = code[:3], code[3:]
    if head in INTERNATIONAL_PREFIXES or head in REGION_CODES:
        return None, code_role(rest), True, code
    part = rest[:3]
    mapped_part = part if part in iso else CAMEO_TO_ISO.get(part) if part else None
    if part and mapped_part and part not in ROLES:  # a part of a state: USRARM, GBRVGB
        return mapped_part, code_role(rest[3:]), True, mapped_part + rest[3:]
    country = head if head in iso else CAMEO_TO_ISO.get(head)
    return country, code_role(rest), country is not None, (country or head) + rest


def code_role(rest: str, *, agent: bool = False) -> str | None:
    """The first of our roles among the code's three-letter parts; a religion or other sector
    maps to a role only for a role word (an agent), not as an attribute of an actor code."""
    for start in range(0, len(rest), 3):
        chunk = rest[start:start + 3]
        if chunk in ROLES:
            return chunk
        if agent and chunk in SECTOR_ROLES:
            return SECTOR_ROLES[chunk]
    return None
