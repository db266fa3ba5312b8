"""Convert PETRARCH-2's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT, Open Event Data Alliance)
into rows of the event lexicon's own format (``events/data/lexicon.tsv``).

Re-runnable and deterministic: ``python -m faultline.grammar.convert_verbs PHOENIX_DIR`` writes

- ``data/phoenix-verbs.tsv``: every row the dictionary converts to (candidates, unreviewed);
- ``data/phoenix-verbs.summary.tsv``: pattern lines converted and dropped by reason, and rows
  per CAMEO root (converted, kept after review);
- ``events/data/lexicon-phoenix.tsv``: the candidates that ``data/phoenix-review.tsv`` keeps
  (the review is by root, kind of row and lemma; what it does not keep stays out).

How a pattern maps (the dictionary's format is in ``dictionaries-format.rst``):

- a pattern belongs to the verb its comment names (``# RUSH``), not to its whole synonym block
  (blocks are loose: PUT, SET, STAGE, POST share one); a block of one verb needs no comment;
- ``* NOUN`` is the row's object (a synonym set ``&FOOD`` gives all its one-word members, a
  plural its singular); ``{MOD HEAD}`` keeps only the head (the object slot holds single
  words), and such a row loses to a plain pattern of the same verb and noun;
- ``* (PREP)``, ``(PREP +)`` is the row's target preposition; ``* (PREP NOUN)`` without an
  object is the phrasal lemma "verb prep" with NOUN as its object (how the lexicon writes
  "call for a ceasefire"); ``(OF NOUN)`` after the object narrows it to NOUN ("a series of
  attacks": the lexicon matches an object's of-phrase);
- a particle right after the verb joins the lemma ("put up", "set off");
- ``[a:b]`` codes a, with the ``sym`` flag when b = a; the verb lines' own codes and block
  codes give bare rows (kind ``bare``, the riskiest, reviewed on their own).

Dropped, each counted: null codes ``[---]``, reverse-only codes ``[:b]``, codes outside our
codebook, nouns before the verb (the lexicon has no subject slot), slot markers it cannot place
(``^``, ``%``, ``$`` after the verb, ``+`` outside a preposition), a second object or
prepositional noun, multi-word verbs written with the verb last (``WIRE_+TAP``), patterns
naming no verb of their block, shapes ``lexicon.tsv`` already has (ours win), and verb-noun
shapes whose patterns disagree on the code.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from faultline.events.codebook import load_codebook
from faultline.grammar.verb_file import (
    CODE,
    NULL_CODE,
    VERB_FILE,
    Block,
    ConversionError,
    Words,
    load_words,
    read_dictionary,
    singular,
)
from faultline.tsv import parse_rows

HERE = Path(__file__).parent
CANDIDATES_FILE = HERE / "data" / "phoenix-verbs.tsv"
SUMMARY_FILE = HERE / "data" / "phoenix-verbs.summary.tsv"
REVIEW_FILE = HERE / "data" / "phoenix-review.tsv"
EVENTS_DATA = HERE.parent / "events" / "data"
OURS_FILE = EVENTS_DATA / "lexicon.tsv"
LEXICON_FILE = EVENTS_DATA / "lexicon-phoenix.tsv"
COLUMNS = ("cameo", "pos", "lemma", "object", "prep", "flags", "note")
KINDS = ("pattern", "bare")
# A word opening "(...)" this often is a preposition; once ("(PEACE ...)") is a slip.
MIN_PREP_USES = 2
# The review's wildcard for "every kind" or "every lemma" of a root.
ANY = "*"

LICENCE = """\
# Converted from CAMEO.2.0.txt of the openeventdata/petrarch2 repository (folder
# petrarch2/data/dictionaries/, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by
# faultline.grammar.convert_verbs; each row's note names the source lines. Do not edit by
# hand: change the converter or data/phoenix-review.tsv in faultline/grammar and rerun it.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Format as lexicon.tsv: cameo, pos, lemma, object, prep, flags, note.
"""

# A lemma or object word the lexicon can hold: lower-case words, digits, hyphens, apostrophes.
_WORD = re.compile(r"^[a-z][a-z0-9'-]*$")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


@dataclass(frozen=True)
class Row:
    """One converted shape: a lexicon row before rows of one verb are merged."""

    cameo: str
    lemma: str
    obj: str  # one object word, or ""
    prep: str
    sym: bool
    kind: str
    line: int
    plain: bool  # False when a {MOD HEAD} phrase lost its modifiers


@dataclass
class Result:
    """Rows converted and what was dropped, by reason."""

    rows: list[Row] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    converted_lines: int = 0


def _nouns(element: str, synsets: dict[str, list[str]], words: Words
           ) -> tuple[list[str], bool] | str:
    """Object words of a noun element (word, ``&SET`` or ``{MOD HEAD}``) and whether it was
    kept whole; a reason string when it cannot be a lexicon object."""
    plain = True
    if element.startswith("{"):
        parts = element.strip("{}").split()
        if not parts:
            return "pattern: empty {} phrase"
        element, plain = parts[-1], len(parts) == 1
    if element in {"+", "$", "^", "%"}:
        return "pattern: slot marker where a noun must be"
    if element.startswith("&"):
        members = synsets.get(element[1:].rstrip("_").lower())
        if members is None:
            return "pattern: undefined synonym set"
        # one-word members the object slot can hold ("f/a-18", "armed forces" cannot)
        found = [singular(m.replace("-", ""), words) for m in members]
        found = [w for w in found if _WORD.match(w)]
    else:
        found = [singular(element.lower().replace("-", ""), words)]
        if not _WORD.match(found[0]):
            return "pattern: a noun that is no word (slash, digit first, marker)"
    found = sorted(set(found))
    return (found, plain) if found else "pattern: synonym set of multi-word phrases only"


def _code(body: str) -> tuple[str, bool] | str:
    """(code, symmetric) of a pattern's ``[a]`` or ``[a:b]``, or a drop reason."""
    codes = CODE.findall(body)
    if not codes:
        return "pattern: no code"
    first, _, second = codes[-1].strip().partition(":")
    first, second = first.strip(), second.strip()
    if first == NULL_CODE:
        return "pattern: null code [---] (an abstain rule, no row)"
    if not first:
        return "pattern: reverse-only code [:b] (the target acts)"
    if first not in load_codebook():
        return "pattern: code not in our codebook"
    return first, second == first


def _source_verbs(block: Block, comment: str) -> list[str]:
    """The block verbs a pattern's comment names; a one-verb block's own verb."""
    named = []
    for part in re.split(r"[,;]", comment):
        word = part.strip().split("  ")[0].strip().lower().replace("_", " ")
        if block.forms.get(word) in block.verbs and block.forms[word] not in named:
            named.append(block.forms[word])
    if not named and len(block.verbs) == 1:
        named = list(block.verbs)
    return named


def convert_pattern(block: Block, number: int, text: str, synsets: dict[str, list[str]],
                    words: Words) -> list[Row] | str:
    """The rows a pattern line gives, or why it gives none."""
    body, _, comment = text.partition("#")
    code = _code(body)
    if isinstance(code, str):
        return code
    cameo, sym = code
    tokens = _TOKEN.findall(CODE.sub("", body))
    if "*" not in tokens:
        return "pattern: no verb position (*)"
    star = tokens.index("*")
    pre, post = tokens[:star], tokens[star + 1:]
    if any(t != "$" for t in pre):
        return "pattern: noun before the verb (no subject slot)"
    verbs = _source_verbs(block, comment)
    if not verbs:
        return "pattern: names no verb of its block"
    particle = ""
    if post and post[0].lower() in words.particles:
        particle = post.pop(0).lower()
    objects: list[str] = []
    plain, phrasal, target = True, "", ""
    for element in post:
        if element.startswith("("):
            inner = element.strip("()").split(None, 1)
            if not inner:
                return "pattern: empty preposition"
            prep, noun = inner[0].lower(), (inner[1].strip() if len(inner) > 1 else "")
            if not prep.isalpha():
                return "pattern: a preposition that is no word (\"by/with\")"
            if noun in {"", "+"}:
                if target:
                    return "pattern: two target prepositions"
                target = prep
                continue
            found = _nouns(noun, synsets, words)
            if isinstance(found, str):
                return found
            if prep == "of" and objects:
                objects, plain = found[0], plain and found[1]
            elif not objects and not phrasal and not particle:
                phrasal, (objects, plain) = prep, found
            else:
                return "pattern: prepositional noun besides an object"
            continue
        if element in {"^", "%", "$", "+"}:
            return "pattern: slot marker it cannot place (^ % $ +)"
        if element.lower() in words.preps:  # "* WITH": a preposition written bare
            if target:
                return "pattern: two target prepositions"
            target = element.lower()
            continue
        if objects:
            return "pattern: two objects"
        found = _nouns(element, synsets, words)
        if isinstance(found, str):
            return found
        objects, plain = found
    rows = []
    for verb in verbs:
        if (phrasal or particle) and " " in verb:
            return "pattern: particle or preposition after a multi-word verb"
        lemma = " ".join(part for part in (verb, particle or phrasal) if part)
        rows += [Row(cameo, lemma, obj, target, sym, "pattern", number, plain)
                 for obj in objects or [""]]
    return rows


def convert_bare(block: Block, verb: str) -> Row | str | None:
    """The bare row a verb's own code, or its block's code, gives (None: no code at all)."""
    code = block.verbs[verb] or block.code
    first, _, second = code.partition(":")
    if first in {NULL_CODE, ""}:
        return None
    if first not in load_codebook():
        return "bare: code not in our codebook"
    return Row(first, verb, "", "", second == first, "bare", block.verb_lines[verb], True)


def _verb_ok(verb: str, tails: frozenset[str]) -> bool:
    """A lemma the lexicon can match: words, and after the first only particles and
    prepositions ("fight back", "ask for"; not "kidnapped and killed", "wage war")."""
    first, *rest = verb.split()
    return bool(_WORD.match(first)) and all(w in tails for w in rest)


def convert(text: str, words: Words) -> Result:
    """Every row the dictionary text converts to, and the drop counts."""
    result = Result()
    synsets, blocks = read_dictionary(text, result.dropped)
    uses = Counter(m.lower() for line in text.splitlines() if line.startswith("-")
                   for m in re.findall(r"\(\s*([A-Z]+)", line))
    preps = frozenset(w for w, n in uses.items() if n >= MIN_PREP_USES)
    words = replace(words, preps=preps)
    tails = words.particles | preps  # words that may follow a verb in a lemma
    for block in blocks:
        for verb in [v for v in block.verbs if not _verb_ok(v, tails)]:
            result.dropped["verb: not a verb with particles (\"killed and\", \"wage war\")"] += 1
            del block.verbs[verb]
        for number, pattern in block.patterns:
            found = convert_pattern(block, number, pattern, synsets, words)
            if isinstance(found, str):
                result.dropped[found] += 1
            else:
                result.converted_lines += 1
                result.rows += found
        for verb in block.verbs:
            bare = convert_bare(block, verb)
            if isinstance(bare, str):
                result.dropped[bare] += 1
            elif bare is not None:
                result.rows.append(bare)
    return result


def _our_shapes(path: Path) -> tuple[set[tuple[str, str, str]], set[str]]:
    """(lemma, object word or "", prep) shapes of our verb rows, and our verb lemmas."""
    shapes: set[tuple[str, str, str]] = set()
    lemmas: set[str] = set()
    for _, row in parse_rows(path.name, path.read_text("utf-8")):
        if row["pos"] != "V":
            continue
        lemma = row["lemma"].strip().lower()
        lemmas.add(lemma)
        objects = [o.strip() for o in row["object"].split("|") if o.strip()] or [""]
        preps = [p.strip() for p in row["prep"].split("|") if p.strip()] or [""]
        shapes.update((lemma, o, p) for o in objects for p in preps)
        shapes.update((lemma, o, "") for o in objects)
    return shapes, lemmas


def settle(rows: Iterable[Row], ours: Path = OURS_FILE) -> tuple[list[Row], Counter[str]]:
    """One code per (lemma, object, preposition): shapes our lexicon has are ours; a plain
    pattern beats a {MOD HEAD} one; else the most frequent code, and a tie is dropped."""
    shapes, lemmas = _our_shapes(ours)
    dropped: Counter[str] = Counter()
    by_shape: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if (row.lemma, row.obj, row.prep) in shapes or (row.lemma, row.obj, "") in shapes:
            dropped[f"shape ({row.kind}): already in lexicon.tsv (ours win)"] += 1
        elif row.kind == "bare" and row.lemma in lemmas:
            dropped["shape (bare): lemma already in lexicon.tsv (it would override ours)"] += 1
        else:
            by_shape[(row.lemma, row.obj, row.prep)].append(row)
    kept: list[Row] = []
    for group in by_shape.values():
        best = [r for r in group if r.plain] or group
        votes = Counter(r.cameo for r in best).most_common()
        if len(votes) > 1 and votes[0][1] == votes[1][1]:
            dropped["shape: patterns disagree on its code (a tie)"] += len(group)
            continue
        winner = [r for r in best if r.cameo == votes[0][0]]
        dropped["shape: loses to another code of the same shape"] += len(group) - len(winner)
        kept.append(min(winner, key=lambda r: r.line))
    return kept, dropped


def merged(rows: Iterable[Row]) -> list[tuple[str, ...]]:
    """Lexicon rows: one per (code, kind, lemma, prep, flag), objects joined with ``|``, in
    code and lemma order; the note names the kind and the source lines."""
    groups: dict[tuple[str, str, str, str, bool], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row.cameo, row.kind, row.lemma, row.prep, row.sym)].append(row)
    out = []
    for (cameo, kind, lemma, prep, sym), group in sorted(groups.items()):
        objects = "|".join(sorted({r.obj for r in group if r.obj}))
        lines = ",".join(str(n) for n in sorted({r.line for r in group}))
        out.append((cameo, "V", lemma, objects, prep, "sym" if sym else "",
                    f"{kind}: {VERB_FILE}:{lines}"))
    return out


@dataclass(frozen=True)
class Review:
    """Decisions by (root, kind, lemma or lemma=code); ``*`` as kind or lemma covers all."""

    decisions: dict[tuple[str, str, str], bool]

    def keeps(self, cameo: str, kind: str, lemma: str) -> bool:
        root, coded = cameo[:2], f"{lemma}={cameo}"  # "stage=143": one code of a lemma
        for key in ((root, kind, coded), (root, ANY, coded), (root, kind, lemma),
                    (root, ANY, lemma), (root, kind, ANY), (root, ANY, ANY)):
            if key in self.decisions:
                return self.decisions[key]
        return False


def load_review(path: Path = REVIEW_FILE) -> Review:
    decisions: dict[tuple[str, str, str], bool] = {}
    for number, row in parse_rows(path.name, path.read_text("utf-8")):
        root, kind, lemma, decision = row["root"], row["kind"], row["lemma"], row["decision"]
        if len(root) != 2 or not root.isdigit() or kind not in (*KINDS, ANY) \
                or decision not in {"keep", "drop"} or not lemma or not row["reason"].strip():
            raise ConversionError(f"{path.name}:{number}: bad review row {row}")
        decisions[(root, kind, lemma.lower())] = decision == "keep"
    return Review(decisions)


def _tsv(rows: Iterable[tuple[str, ...]]) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def summary(result: Result, settled: list[Row], settle_drops: Counter[str],
            candidates: list[tuple[str, ...]], kept: list[tuple[str, ...]]) -> str:
    lines: list[tuple[str, ...]] = [("measure", "key", "count")]
    patterns = result.converted_lines + sum(n for r, n in result.dropped.items()
                                            if r.startswith("pattern:"))
    lines.append(("lines", "pattern lines", str(patterns)))
    lines.append(("lines", "pattern lines converted", str(result.converted_lines)))
    lines.append(("rows", "shapes converted (verb, object word, preposition)",
                  str(len(result.rows))))
    lines.append(("rows", "shapes after settling", str(len(settled))))
    lines.append(("rows", "candidate lexicon rows", str(len(candidates))))
    lines.append(("rows", "rows kept by the review", str(len(kept))))
    for reason, count in sorted((result.dropped + settle_drops).items()):
        lines.append(("dropped", reason, str(count)))
    per_root: dict[str, Counter[str]] = defaultdict(Counter)
    for row in candidates:
        per_root[row[0][:2]][f"candidate {row[6].split(':')[0]}"] += 1
    for row in kept:
        per_root[row[0][:2]][f"kept {row[6].split(':')[0]}"] += 1
    for root in sorted(per_root):
        for key in (f"{a} {k}" for a in ("candidate", "kept") for k in KINDS):
            lines.append((f"root {root}", key, str(per_root[root][key])))
    return _tsv(lines)


def run(phoenix_dir: Path) -> dict[str, int]:
    """Convert, settle, review and write the three files; returns headline counts."""
    source = phoenix_dir / VERB_FILE
    if not source.is_file():
        raise ConversionError(f"{source}: no {VERB_FILE} here")
    result = convert(source.read_text("utf-8", errors="replace"), load_words())
    settled, settle_drops = settle(result.rows)
    candidates = merged(settled)
    review = load_review()
    kept = [row for row in candidates if review.keeps(row[0], row[6].split(":")[0], row[2])]
    header = "\t".join(COLUMNS) + "\n"
    CANDIDATES_FILE.write_text(LICENCE + header + _tsv(candidates), encoding="utf-8")
    LEXICON_FILE.write_text(LICENCE + header + _tsv(kept), encoding="utf-8")
    SUMMARY_FILE.write_text(summary(result, settled, settle_drops, candidates, kept),
                            encoding="utf-8")
    return {"converted lines": result.converted_lines, "candidates": len(candidates),
            "kept": len(kept)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("phoenix_dir", type=Path, help="folder holding CAMEO.2.0.txt")
    counts = run(parser.parse_args(argv).phoenix_dir)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
