"""The PETRARCH verb-dictionary converter, on a small dictionary written for this test."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from faultline.events.rules import load_lexicon
from faultline.grammar import convert_verbs as cv
from faultline.tsv import parse_rows

# Our own snippet in the dictionary's format (synonym set, verb block, patterns of each kind).
SNIPPET = """\
&MISSILE
+ROCKET
+MISSILE
+SURFACE_TO_AIR_MISSILE

---  HURL   [---]  ---
HURL
LOB  [190]
FLING {FLINGS FLUNG FLINGING }
- * &MISSILE (AT)                                     [195]         # LOB
- * {HEAVY STONES}                                    [145]         # FLUNG
- * STONES                                            [145]         # FLING
- * {SMALL STONES}                                    [182]         # FLING
- * (FOR CALM)                                         [0256]        # HURL
- * BACK (AT +)                                       [193]         # HURL
- * INSULTS (AT) (WITH)                               [111]         # HURL
- CROWD * STONES                                      [145]         # HURL
- * PEBBLES                                           [---]         # HURL
- * CABBAGES                                          [:120]        # HURL
- * CABBAGES                                          [9999]        # HURL
- * WORDS                                             [012:012]     # LOB
- * FLOWERS                                                         # NOBODY
- * (BY/WITH PEBBLES)                                 [182]         # HURL
~ a (a b HURL) SAY = a b 112
"""


@pytest.fixture(scope="module")
def result() -> cv.Result:
    return cv.convert(SNIPPET, cv.load_words())


def shapes(result: cv.Result) -> set[tuple[str, str, str, str, bool, str]]:
    return {(r.cameo, r.lemma, r.obj, r.prep, r.sym, r.kind) for r in result.rows}


def test_patterns_map_onto_object_and_preposition_slots(result: cv.Result) -> None:
    found = shapes(result)
    # a synonym set gives its one-word members as objects; (AT) is the target preposition
    assert ("195", "lob", "rocket", "at", False, "pattern") in found
    assert ("195", "lob", "missile", "at", False, "pattern") in found
    # an inflected verb in the comment names its base form; plurals become lemmas
    assert ("145", "fling", "stone", "", False, "pattern") in found
    # (PREP NOUN) without an object is the phrasal lemma with the noun as its object
    assert ("0256", "hurl for", "calm", "", False, "pattern") in found
    # a particle joins the lemma, (AT +) is the target
    assert ("193", "hurl back", "", "at", False, "pattern") in found
    # [a:a] is symmetric; a verb's own code is a bare row
    assert ("012", "lob", "word", "", True, "pattern") in found
    assert ("190", "lob", "", "", False, "bare") in found


def test_unmappable_patterns_are_dropped_and_counted(result: cv.Result) -> None:
    dropped = result.dropped
    assert dropped["pattern: noun before the verb (no subject slot)"] == 1
    assert dropped["pattern: null code [---] (an abstain rule, no row)"] == 1
    assert dropped["pattern: reverse-only code [:b] (the target acts)"] == 1
    assert dropped["pattern: code not in our codebook"] == 1
    assert dropped["pattern: no code"] == 1
    assert dropped["pattern: two target prepositions"] == 1
    assert dropped['pattern: a preposition that is no word ("by/with")'] == 1
    assert dropped["line: transformation (~), a frame not a row"] == 1
    # every pattern line is either converted or dropped for one reason
    patterns = sum(1 for line in SNIPPET.splitlines() if line.startswith("- "))
    pattern_drops = sum(n for k, n in dropped.items() if k.startswith("pattern:"))
    assert result.converted_lines + pattern_drops == patterns


def test_a_plain_pattern_beats_a_modified_one_and_ours_win(result: cv.Result,
                                                           tmp_path: Path) -> None:
    ours = tmp_path / "lexicon.tsv"
    ours.write_text("cameo\tpos\tlemma\tobject\tprep\tflags\tnote\n"
                    "190\tV\tlob\trocket\tat\t\tour row\n", encoding="utf-8")
    kept, dropped = cv.settle(result.rows, ours)
    by_shape = {(r.lemma, r.obj, r.prep): r.cameo for r in kept}
    # "{SMALL STONES}" (182) and "{HEAVY STONES}" (145) lose their modifiers: "STONES" decides
    assert by_shape[("fling", "stone", "")] == "145"
    assert ("lob", "rocket", "at") not in by_shape  # our shape
    assert by_shape[("lob", "missile", "at")] == "195"
    assert dropped["shape (pattern): already in lexicon.tsv (ours win)"] == 1
    assert dropped["shape: loses to another code of the same shape"] == 2


def test_merged_rows_load_as_lexicon_rows(result: cv.Result, tmp_path: Path) -> None:
    ours = tmp_path / "lexicon.tsv"
    ours.write_text("cameo\tpos\tlemma\tobject\tprep\tflags\tnote\n", encoding="utf-8")
    rows = cv.merged(cv.settle(result.rows, ours)[0])
    assert ("195", "V", "lob", "missile|rocket", "at", "", "pattern: CAMEO.2.0.txt:10") in rows
    text = cv.LICENCE + "\t".join(cv.COLUMNS) + "\n" + cv._tsv(rows)
    parsed = parse_rows("x.tsv", text)
    assert all(list(row) == list(cv.COLUMNS) for _, row in parsed)


def test_the_review_keeps_by_root_kind_and_lemma(tmp_path: Path) -> None:
    review = tmp_path / "review.tsv"
    review.write_text("root\tkind\tlemma\tdecision\treason\n"
                      "19\t*\t*\tkeep\tholds\n19\tbare\t*\tdrop\ttoo broad\n"
                      "19\tpattern\tfire\tdrop\tsense\n"
                      "19\tpattern\tlob=194\tdrop\tone code\n", encoding="utf-8")
    decided = cv.load_review(review)
    assert decided.keeps("195", "pattern", "lob")
    assert not decided.keeps("194", "pattern", "lob")
    assert not decided.keeps("190", "bare", "lob")
    assert not decided.keeps("193", "pattern", "fire")
    assert not decided.keeps("141", "pattern", "lob")  # a root nobody reviewed stays out
    review.write_text("root\tkind\tlemma\tdecision\treason\n19\t*\t*\tmaybe\tx\n")
    with pytest.raises(cv.ConversionError, match=r"review\.tsv:2"):
        cv.load_review(review)


def test_shipped_phoenix_rows_are_the_reviewed_candidates() -> None:
    """lexicon-phoenix.tsv holds exactly the candidates the committed review keeps."""
    def rows(path: Path) -> list[tuple[str, ...]]:
        return [tuple(r.values()) for _, r in parse_rows(path.name, path.read_text("utf-8"))]

    review = cv.load_review()
    candidates = rows(cv.CANDIDATES_FILE)
    expected = [r for r in candidates if review.keeps(r[0], r[6].split(":")[0], r[2])]
    assert rows(cv.LEXICON_FILE) == expected
    assert cv.LEXICON_FILE.read_text("utf-8").startswith(cv.LICENCE)


def test_ours_win_in_the_loaded_lexicon() -> None:
    """Each (lemma, object set, prepositions) shape loads once, with our code when
    lexicon.tsv has it; the converted rows add the rest."""
    def shapes_of(path: Path) -> dict[tuple, str]:
        found: dict[tuple, str] = {}
        for _, r in parse_rows(path.name, path.read_text("utf-8")):
            key = (r["pos"], r["lemma"], frozenset(filter(None, r["object"].split("|"))),
                   tuple(filter(None, r["prep"].split("|"))))
            found.setdefault(key, r["cameo"])
        return found

    ours, theirs = shapes_of(cv.OURS_FILE), shapes_of(cv.LEXICON_FILE)
    loaded: dict[tuple, list[str]] = {}
    for (pos, lemma), entries in load_lexicon().items():
        for e in entries:
            loaded.setdefault((pos, lemma, e.objects, e.preps), []).append(e.cameo)
    for shape, code in theirs.items():
        assert loaded[shape][0] == ours.get(shape, code)
    assert sum(len(codes) for codes in loaded.values()) >= len(ours)


def test_every_named_review_line_names_a_candidate() -> None:
    """A review line for a lemma that no candidate of its root has is stale (a typo, or a
    converter change moved the row): it would silently decide nothing."""
    candidates = {(r["cameo"][:2], r["note"].split(":")[0], name)
                  for _, r in parse_rows("c", cv.CANDIDATES_FILE.read_text("utf-8"))
                  for name in (r["lemma"], f"{r['lemma']}={r['cameo']}")}
    review = parse_rows("r", cv.REVIEW_FILE.read_text("utf-8"))
    stale = [row for _, row in review if row["lemma"] != cv.ANY and not any(
        (row["root"], kind, row["lemma"]) in candidates
        for kind in (cv.KINDS if row["kind"] == cv.ANY else (row["kind"],)))]
    assert not stale


# Our lemmas whose root fallback (any object → the root code) the reviewed rows switch off:
# a new code of another root sits beside ours. Reviewed: each fallback was a guess
# ("issued X" as a threat, "filed X" as disapproval, "announced X" as aid, "cut taxes" and
# "cancelled a concert" as reduced relations); "expressed X" loses its plain 010.
REVIEWED_LOST_FALLBACKS = {"announce", "cancel", "cut", "express", "file", "halt", "issue"}


def test_converted_rows_switch_off_only_reviewed_fallbacks_of_ours() -> None:
    from faultline.events.extract import _root_entry

    ours: Counter[str] = Counter(  # our rows load first: a lemma's first n entries are ours
        row["lemma"].strip().lower()
        for _, row in parse_rows("lexicon.tsv", cv.OURS_FILE.read_text("utf-8"))
        if row["pos"] == "V")
    lost = set()
    for (pos, lemma), rows in load_lexicon().items():
        mine = rows[:ours[lemma]] if pos == "V" else ()
        reachable = all(e.objects for e in mine)  # a row without objects always matches first
        if mine and len(mine) < len(rows) and reachable and _root_entry(mine) \
                and not _root_entry(rows):
            lost.add(lemma)
    assert lost == REVIEWED_LOST_FALLBACKS
