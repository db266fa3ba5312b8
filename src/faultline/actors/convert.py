"""Convert the Phoenix/PETRARCH-2 actor and agent dictionaries (MIT, Open Event Data Alliance)
into the knowledge base's own reviewable TSV files in ``data/phoenix/``.

Re-runnable and deterministic: ``python -m faultline.actors.convert PHOENIX_DIR`` rewrites the
TSV files and ``summary.tsv`` (what was kept and dropped, and why) from the same input. The
converted files are committed, so users never need the Phoenix folder.

Decisions (each counted in ``summary.tsv``, listed in ``docs/actors.md``): CAMEO codes map
to ISO3 (``petrarch.CAMEO_TO_ISO``); open ranges begun before ``STALE_BEFORE`` are closed
there and marked ``stale``; entries with only undated codes are fixed actors; multinational
companies, misspellings of a country block's own names (edit distance ≤
``MISSPELLING_DISTANCE``), names listed under two countries, title-prefixed and single-word
person variants are dropped.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from faultline.actors.petrarch import (
    INTERNATIONAL_ROLES,
    REGION_CODES,
    Entry,
    code_role,
    map_code,
    parse_date,
    phrase_text,
    read_agents,
    read_entries,
    slug,
    split_code,
)
from faultline.actors.records import ROLES
from faultline.actors.words import words
from faultline.tsv import parse_rows

COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
GROUPS_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"
OUT_DIR = Path(__file__).parent / "data" / "phoenix"
ISO_FILE = Path(__file__).parent / "data" / "countries.tsv"
PLACES_FILE = Path(__file__).parent / "data" / "places.tsv"

# Open "still in office" ranges begun before this date are closed here and marked stale.
STALE_BEFORE = "2016-01-01"
# A country-block synonym this close to another name of the block is a misspelling.
MISSPELLING_DISTANCE = 2
MIN_MISSPELLING_CHARS = 6

# First words of person variants that are titles or nationalities, not names.
TITLE_WORDS = words("title_word")
# Roles of state bodies more specific than GOV ("USAGOVLEG": the legislature).
SPECIFIC_STATE_ROLES = ("LEG", "JUD", "SPY", "COP")
# Words that name a kind of body, never one body: a one-word name equal to one of these (or
# to a role word) is dropped ("Senate", "Organization").
GENERIC_WORDS = words("generic_word")
ROLES_FILE = Path(__file__).parent / "data" / "roles.tsv"
# Last words of a person's variants that name their government or followers instead.
FOLLOWING_WORDS = words("following_word")
STALE = "stale"
DEFAULT = "default"
DATE_RANGE = re.compile(r"^(\d{6}|\d{8})-(\d{6}|\d{8})$")
ONE_DATE = re.compile(r"^(\d{6}|\d{8})$")


@dataclass
class Summary:
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, what: str, reason: str, n: int = 1) -> None:
        self.counts[(what, reason)] += n


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _clean(phrase: str) -> str | None:
    """The phrase as a name, or None when it is malformed (a stray ``+`` or bracket)."""
    if any(ch in phrase for ch in "+[]{}") or not re.search(r"[A-Za-z]", phrase):
        return None
    return phrase_text(phrase)


def _code_ranges(entry: Entry, summary: Summary
                 ) -> list[tuple[str, str | None, str | None, str, int]]:
    """(code, start, end, status, line) for each usable code line of ``entry``."""
    ranges = []
    for code, op, dates, line in entry.codes:
        if not code or code == "---":
            summary.add("code line", "null code [---]")
            continue
        start = end = None
        status = ""
        if not dates and not op:
            status = DEFAULT
        elif op in {"<", ">"} and ONE_DATE.match(dates):
            date = parse_date(dates)
            if date is None:
                summary.add("code line", "malformed date")
                continue
            if op == "<":
                end = date
            else:
                start = date
                if date < STALE_BEFORE:
                    end, status = STALE_BEFORE, STALE
                    summary.add("code line", f"open range begun before {STALE_BEFORE}: closed "
                                "there and marked stale")
        elif (m := DATE_RANGE.match(dates)) and not op:
            start, end = parse_date(m.group(1)), parse_date(m.group(2))
            if start is None or end is None or end < start:
                summary.add("code line", "malformed date or range ending before it starts")
                continue
        else:
            summary.add("code line", "malformed date")
            continue
        ranges.append((code, start, end, status, line))
    return ranges


def _our_countries(national: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """The ISO codes of our countries.tsv, and every name it or our places.tsv gives; fills
    ``national`` (country names and demonyms → ISO3)."""
    codes: set[str] = set()
    names: set[str] = set()
    for _, row in parse_rows(ISO_FILE.name, ISO_FILE.read_text("utf-8")):
        codes.add(row["iso3"])
        for cell in (row["name"], row["aliases"], row["adjectives"], row["seats"]):
            names.update(n.strip() for n in cell.split("|") if n.strip())
        for cell in (row["name"], row["aliases"], row["adjectives"]):
            for name in (n.strip() for n in cell.split("|") if n.strip()):
                national.setdefault(name.casefold(), set()).add(row["iso3"])
    for _, row in parse_rows(PLACES_FILE.name, PLACES_FILE.read_text("utf-8")):
        names.update(n.strip() for n in (row["name"], *row["aliases"].split("|")) if n.strip())
    return codes, names


def country_in_name(name: str, national: dict[str, set[str]]) -> str | None:
    """The one country a group's name names ("Palestine Liberation Organization" → PSE)."""
    words = re.findall(r"[\w']+", name.casefold())
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            found |= national.get(" ".join(words[i:i + size]), set())
    return found.pop() if len(found) == 1 else None


@dataclass
class Tables:
    people: list[list[str]] = field(default_factory=list)
    organisations: list[list[str]] = field(default_factory=list)
    places: list[list[str]] = field(default_factory=list)
    roles: list[list[str]] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    # what the conversion reads besides an entry: our country names and demonyms → ISO3, and
    # the one-word role nouns (ours and the Phoenix agents'), which are never a name alone
    national: dict[str, set[str]] = field(default_factory=dict)
    role_words: set[str] = field(default_factory=set)


def convert(phoenix: Path) -> Tables:
    """Every table, built from the Phoenix folder."""
    tables = Tables()
    iso, ours = _our_countries(tables.national)
    _convert_agents(phoenix / AGENTS_FILE, tables)
    tables.role_words.update(row[0] for row in tables.roles if " " not in row[0])
    tables.role_words.update(row["word"] for _, row in
                             parse_rows(ROLES_FILE.name, ROLES_FILE.read_text("utf-8")))
    place_names = _convert_countries(phoenix / COUNTRIES_FILE, iso, tables, ours)
    _convert_actors(phoenix / INTERNATIONAL_FILE, iso, tables, place_names)
    _convert_actors(phoenix / GROUPS_FILE, iso, tables, place_names, groups=True)
    return tables


def _convert_countries(path: Path, iso: set[str], tables: Tables, ours: set[str]) -> set[str]:
    """Country blocks → places; the people and institutions after them → people and
    organisations. Returns every place name (person variants equal to one are dropped)."""
    entries = list(read_entries(path))
    candidates: dict[str, set[str]] = {}
    rows: list[tuple[str, str, str]] = []
    for entry in entries:
        if len(entry.codes) == 1 and entry.codes[0][1:3] == ("", "") \
                and len(entry.codes[0][0]) == 3 and entry.codes[0][3] == entry.line:
            country, _, ok = split_code(entry.codes[0][0], iso)
            if not ok or country is None:
                tables.summary.add("country block", "code maps to no country")
                continue
            names = [n for n in (_clean(p) for p in (entry.name, *entry.synonyms)) if n]
            kept: list[str] = [names[0]] if names else []
            for name in names[1:]:
                if len(name) >= MIN_MISSPELLING_CHARS and any(
                        edit_distance(name.upper(), k.upper()) <= MISSPELLING_DISTANCE
                        for k in kept):
                    tables.summary.add("place name", "misspelling of a name of the same country")
                    continue
                kept.append(name)
            for name in kept:
                candidates.setdefault(name, set()).add(country)
                rows.append((name, country, f"{path.name}:{entry.line}"))
    seen: set[str] = set()
    known = {n.casefold() for n in ours}
    for name, country, origin in rows:
        if len(candidates[name]) > 1:
            tables.summary.add("place name", "listed under two countries (ambiguous)")
            continue
        if name in seen:
            continue
        seen.add(name)
        if _generic(name, tables.role_words):
            tables.summary.add("place name", "a generic word")
            continue
        if name.casefold() in known:
            tables.summary.add("place name", "already in our countries.tsv or places.tsv")
            continue
        tables.places.append([name, country, "phoenix", origin])
    _convert_actors(path, iso, tables, set(candidates), skip_country_blocks=True)
    return set(candidates)


def _convert_actors(path: Path, iso: set[str], tables: Tables, place_names: set[str], *,
                    groups: bool = False, skip_country_blocks: bool = False) -> None:
    summary = tables.summary
    used: set[str] = {row[0] for row in tables.people} | {row[7] for row in tables.organisations}
    for entry in read_entries(path):
        if skip_country_blocks and len(entry.codes) == 1 and len(entry.codes[0][0]) == 3 \
                and entry.codes[0][1:3] == ("", "") and entry.codes[0][3] == entry.line:
            continue
        name = _clean(entry.name)
        if name is None:
            summary.add("entry", "malformed name")
            continue
        ranges = _code_ranges(entry, summary)
        if not ranges:
            summary.add("entry", "no usable code")
            continue
        if any(code.startswith("MNC") for code, *_ in ranges):
            summary.add("entry", "multinational company (MNC)")
            continue
        mapped = []
        for source_code, start, end, status, line in ranges:
            country, role, ok, code = map_code(source_code, iso) if len(source_code) >= 3 \
                else (None, None, False, source_code)
            if source_code in ROLES:  # a bare [ELI]: the default role in the entry's country
                country, role, ok, code = None, source_code, True, source_code
            if not ok:
                summary.add("code line", "code maps to no country")
                continue
            mapped.append((code, country, role, start, end, status, line))
        if not mapped:
            summary.add("entry", "no usable code")
            continue
        variants = []
        if _generic(name, tables.role_words):
            summary.add("entry", "a generic word as its name")
            name = next((t for t in map(_clean, entry.synonyms)
                         if t and not _generic(t, tables.role_words)), None)
            if name is None:
                continue
        for synonym in entry.synonyms:
            text = _clean(synonym)
            if text is None:
                summary.add("variant", "malformed name")
            elif _generic(text, tables.role_words):
                summary.add("variant", "a generic word (names a kind of body, not one)")
            elif text.split()[-1].casefold() in FOLLOWING_WORDS:
                summary.add("variant", "names the person's government or followers, not "
                            "the person (\"Bush Administration\")")
            elif synonym.split("_", 1)[0].upper() in TITLE_WORDS and " " in text:
                summary.add("variant", "title-prefixed variant (the resolver reads titles)")
            elif text in place_names and not groups:
                summary.add("variant", "also a place name (ambiguous)")
            elif text not in variants and text != name:
                variants.append(text)
        dated = [m for m in mapped if m[5] != DEFAULT]
        if dated:
            names = [n for n in (name, *variants) if " " in n]
            summary.add("variant", "single-word person name (matched only after a full "
                        "mention)", len(variants) + 1 - len(names))
            if not names:
                summary.add("entry", "person known by a single word only")
                continue
            name, variants = names[0], names[1:]
        aliases = "|".join([name, *variants])
        key = slug(name)
        if dated:
            entity = _unique(f"person:{key}", mapped, used)
            home = next((m[1] or m[0] for m in reversed(dated)), None)
            for code, country, role, start, end, status, line in mapped:
                where = country or (home if code in ROLES else code)
                if not where:
                    summary.add("code line", "no country for a default role")
                    continue
                if not country and code not in ROLES:
                    role = role or INTERNATIONAL_ROLES.get(code[:3])
                tables.people.append([entity, name, aliases, where, role or "",
                                      where if code in ROLES else code,
                                      start or "", end or "", "phoenix", status,
                                      f"{path.name}:{line}"])
            summary.add("entry", "person (dated codes)")
        else:
            code, country, role, *_ = mapped[0]
            if code in ROLES:
                summary.add("entry", "no usable code")
                continue
            kind = "igo" if code.startswith("IGO") else "ngo" if code.startswith("NGO") \
                else "group" if groups or code.startswith("IMG") else "national"
            if role is None:
                role = INTERNATIONAL_ROLES.get(code[:3]) or ("REB" if kind == "group" else "")
            if not role:
                summary.add("entry", "no role and no default for its kind")
                continue
            if kind == "group" and country is None and code[:3] in REGION_CODES \
                    and (named := country_in_name(name, tables.national)) is not None:
                country, code = named, named + code[3:]  # a regional group named for a country
                summary.add("entry", "regional group placed in the country its name names")
            if kind == "national" and country:
                # "USAGOVLEG" is the legislature: a state body takes its most specific role
                role = next((r for r in SPECIFIC_STATE_ROLES if r in code[3:]), role)
                code = country + role
            org_id = f"{code}/{key}"
            if org_id in used:
                summary.add("entry", "repeated name under the same code")
                continue
            used.add(org_id)
            tables.organisations.append([code, name, aliases, country or "", role, kind,
                                         "phoenix", org_id, f"{path.name}:{entry.line}"])
            summary.add("entry", f"fixed actor ({kind})")


def _unique(entity: str, mapped: list, used: set[str]) -> str:
    """``entity``, or with its first country (then a number) appended when another entry of
    the same name took it."""
    if entity in used:
        countries = sorted(m[1] for m in mapped if m[1])
        base = f"{entity}-{(countries[0] if countries else 'x').lower()}"
        entity, suffix = base, 2
        while entity in used:
            entity = f"{base}-{suffix}"
            suffix += 1
    used.add(entity)
    return entity


def _generic(name: str, role_words: set[str]) -> bool:
    """A one-word name that names a kind of body or a role, never one actor."""
    word = name.casefold()
    return " " not in word and (word in GENERIC_WORDS or word in role_words
                                or word.rstrip("s") in role_words)


def _convert_agents(path: Path, tables: Tables) -> None:
    """Role nouns → roles; a word with two roles keeps the first; a code that is none of our
    roles is dropped."""
    seen: set[str] = set()
    for number, phrases, code in read_agents(path):
        if code is None:
            tables.summary.add("agent", "malformed line")
            continue
        role = code_role(code, agent=True)
        if role is None:
            tables.summary.add("agent", f"code {code[:3]} is none of our roles")
            continue
        for expanded in phrases:
            word = expanded.replace("_", " ").lower().strip()
            if not word or word in seen:
                tables.summary.add("agent", "repeated word")
                continue
            seen.add(word)
            tables.roles.append([word, role, "phoenix", f"{path.name}:{number}"])


HEADERS = {
    "people.tsv": ("# Phoenix/PETRARCH-2 people (MIT, Open Event Data Alliance), converted by "
                   "faultline.actors.convert. One row per code line; country: ISO3 or an "
                   "international code; code: the source's code; start/end empty: open; "
                   "status: stale (open range closed at the conversion's cut-off) or default "
                   "(used when no dated row holds).",
                   "entity\tname\taliases\tcountry\trole\tcode\tstart\tend\tsource\tstatus"
                   "\torigin"),
    "organisations.tsv": ("# Phoenix/PETRARCH-2 fixed actors (MIT, Open Event Data Alliance): "
                          "IGOs, NGOs, armed groups and national institutions.",
                          "code\tname\taliases\tcountry\trole\tkind\tsource\tid\torigin"),
    "places.tsv": ("# Phoenix/PETRARCH-2 country-block names (MIT, Open Event Data Alliance) "
                   "that our countries.tsv does not list: places of their country.",
                   "name\tcountry\tsource\torigin"),
    "roles.tsv": ("# Phoenix/PETRARCH-2 agents (MIT, Open Event Data Alliance): role words.",
                  "word\trole\tsource\torigin"),
}


def write(tables: Tables, out: Path) -> None:
    """Write the tables and ``summary.tsv`` (counts of what was kept and dropped, and why)."""
    out.mkdir(parents=True, exist_ok=True)
    for filename, rows in (("people.tsv", tables.people),
                           ("organisations.tsv", tables.organisations),
                           ("places.tsv", tables.places), ("roles.tsv", tables.roles)):
        comment, header = HEADERS[filename]
        body = "\n".join("\t".join(row) for row in rows)
        (out / filename).write_text(f"{comment}\n{header}\n{body}\n", "utf-8")
    counts = sorted(tables.summary.counts.items())
    lines = [f"{what}\t{reason}\t{n}" for (what, reason), n in counts]
    lines += [f"written\t{name}\t{len(rows)}" for name, rows in (
        ("people.tsv rows", tables.people), ("organisations.tsv rows", tables.organisations),
        ("places.tsv rows", tables.places), ("roles.tsv rows", tables.roles))]
    (out / "summary.tsv").write_text(
        "# What the Phoenix conversion kept and dropped, and why (counts).\nwhat\treason\tcount\n"
        + "\n".join(lines) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix", type=Path, help="folder with the Phoenix dictionaries")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    write(convert(args.phoenix), args.out)


if __name__ == "__main__":
    main()
