"""Rows converted from PETRARCH's verb dictionary code our own sentences (real parses)."""

from __future__ import annotations

import pytest

from faultline.grammar import convert_verbs as cv
from faultline.model import RawDocument
from faultline.pipeline import code_documents
from faultline.tsv import parse_rows

# (sentence we wrote, converted lemma that must fire, code, source, target)
CASES = [
    ("Malian soldiers engaged in a firefight with Tuareg rebels near Kidal on Monday.",
     "engage in", "193", "MLIMIL", "MLIREB"),
    ("Ukraine presented evidence against Russia at the court in The Hague on Monday.",
     "present", "1124", "UKRGOV", "RUSGOV"),
    ("Students staged a protest in Nairobi on Monday.", "stage", "141", "KENEDU", "KENCVL"),
    ("Police broke up a demonstration in Harare on Saturday.",
     "break up", "175", "ZWECOP", "ZWECVL"),
    ("Russian forces bombarded Kharkiv on Sunday.", "bombard", "190", "RUSMIL", "UKR"),
    ("Japan wrote off Kenya's debt on Thursday.", "write off", "071", "JPNGOV", "KENGOV"),
    ("The Turkish government reprimanded Greece on Wednesday.",
     "reprimand", "111", "TURGOV", "GRCGOV"),
    ("Kenyan police apprehended two Somali militants in Mombasa on Friday.",
     "apprehend", "173", "KENCOP", "SOMREB"),
    ("Ethiopia withdrew its ambassador from Egypt on Monday.",
     "withdraw", "161", "ETHGOV", "EGYGOV"),
    ("Rebels planted a bomb near the market in Gao on Sunday.", "plant", "183", "MLIREB", "MLI"),
    ("The French president paid a visit to Senegal on Monday.",
     "pay", "042", "FRAGOV", "SENGOV"),
]


def _phoenix_lemmas() -> set[str]:
    text = cv.LEXICON_FILE.read_text("utf-8")
    return {row["lemma"] for _, row in parse_rows(cv.LEXICON_FILE.name, text)}


@pytest.mark.slow
def test_converted_rows_code_our_sentences() -> None:
    lemmas = _phoenix_lemmas()
    assert {lemma for _, lemma, *_ in CASES} <= lemmas  # each case exercises a kept row
    raws = [RawDocument(f"case{i}", case[0]) for i, case in enumerate(CASES)]
    for (sentence, lemma, code, source, target), result in zip(
            CASES, code_documents(raws, date="2025-03-10"), strict=True):
        coded = {(e.cameo, e.source and e.source.code, e.target and e.target.code, e.trace[0])
                 for e in result.events}
        assert any(c == code and s == source and t == target and row.startswith(f"lex:{lemma}")
                   for c, s, t, row in coded), (sentence, coded)


@pytest.mark.slow
def test_a_joint_act_from_a_converted_row_goes_both_ways() -> None:
    (result,) = code_documents([RawDocument("forge", "Chad and Sudan forged an alliance on "
                                            "Tuesday.")], date="2025-03-10")
    pairs = {(e.source.code, e.target.code) for e in result.events
             if e.cameo == "050" and e.source and e.target}
    assert pairs == {("TCDGOV", "SDNGOV"), ("SDNGOV", "TCDGOV")}
