"""Reading PETRARCH's verb dictionary format (``CAMEO.2.0.txt``; described in
``dictionaries-format.rst`` beside it): synonym sets, verb blocks with their verbs' written
forms and own codes, and the raw pattern lines, for ``convert_verbs`` to map."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from faultline.tsv import DataFileError, parse_rows

VERB_FILE = "CAMEO.2.0.txt"
WORDS_FILE = Path(__file__).parent / "data" / "convert-words.tsv"
NULL_CODE = "---"
CODE = re.compile(r"\[([^\]]*)\]")


class ConversionError(DataFileError):
    """The verb dictionary or the review file cannot be read; names the file and line."""


@dataclass(frozen=True)
class Words:
    """The converter's word classes (``data/convert-words.tsv``)."""

    particles: frozenset[str]
    same_plural: frozenset[str]
    preps: frozenset[str] = frozenset()  # the prepositions the dictionary's patterns use


@dataclass
class Block:
    """A verb synonym block: its verbs (base form → own code) and its pattern lines."""

    code: str
    verbs: dict[str, str | None] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # any written form → base
    verb_lines: dict[str, int] = field(default_factory=dict)
    patterns: list[tuple[int, str]] = field(default_factory=list)


def load_words(path: Path = WORDS_FILE) -> Words:
    classes: dict[str, set[str]] = defaultdict(set)
    for number, row in parse_rows(path.name, path.read_text("utf-8")):
        if row["class"] not in {"particle", "same_plural"} or not row["word"].strip():
            raise ConversionError(f"{path.name}:{number}: unknown class or empty word")
        classes[row["class"]].add(row["word"].strip().lower())
    return Words(frozenset(classes["particle"]), frozenset(classes["same_plural"]))


def singular(word: str, words: Words) -> str:
    """The lemma of a dictionary noun: PETRARCH writes plurals ("SANCTIONS", "RALLIES")."""
    if word in words.same_plural or len(word) < 4 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > len("ties"):  # "rallies"; "ties" is "tie"
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _forms(base: str) -> set[str]:
    """Regular forms of a (first) verb word, to recognise the verb a comment names."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", base + "es", base + "ed", base + "d", stem + "ing", base + "ing"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _verb_line(block: Block, text: str, number: int, dropped: Counter[str]) -> None:
    """A verb line: ``ASK [020]``, ``HURRY {HURRIES ...}``, ``+ASK_FOR {...} [020]``."""
    body = text.split("#", 1)[0]
    codes = CODE.findall(body)
    own = codes[0].strip() if codes else None
    irregular = re.search(r"\{([^}]*)\}", body)
    head = CODE.sub("", re.sub(r"\{[^}]*\}", "", body)).split()
    if not head:
        return
    written = head[0].lower()
    if "_+" in written:  # the verb comes last ("WIRE_+TAP"): the lexicon has no such lemma
        dropped["verb: verb after its modifier (WIRE_+TAP)"] += 1
        return
    base = written.lstrip("+").replace("_", " ").strip()
    first, _, rest = base.partition(" ")
    block.verbs[base] = own
    block.verb_lines[base] = number
    for form in _forms(first):
        block.forms[f"{form} {rest}".strip()] = base
    for form in (irregular.group(1).split() if irregular else []):
        block.forms[form.lower().lstrip("+").replace("_", " ").replace("+", "")] = base


def read_dictionary(text: str, dropped: Counter[str]
                    ) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (name → members, lower case, ``_`` as space) and verb blocks."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("~"):
            dropped["line: transformation (~), a frame not a row"] += 1
            continue
        if line.startswith("&"):
            current = synsets.setdefault(line[1:].rstrip("_").strip().lower(), [])
            continue
        if line.startswith("---"):
            codes = CODE.findall(line)
            blocks.append(Block(codes[0].strip() if codes else NULL_CODE))
            current = None
            continue
        if current is not None and line.startswith("+"):
            current.append(line[1:].split("#", 1)[0].strip().rstrip("_").lower()
                           .replace("_", " "))
            continue
        if not blocks:
            raise ConversionError(f"{VERB_FILE}:{number}: a pattern or verb before any block")
        if line.startswith("-"):
            blocks[-1].patterns.append((number, line[1:]))
        else:
            _verb_line(blocks[-1], line, number, dropped)
    return synsets, blocks


