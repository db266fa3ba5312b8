"""Text repair before parsing: mojibake, quotes and dashes, lost case (our own sentences)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faultline.clean import article_from
from faultline.clean.repair import NameForms, case_of, fix_encoding, restore_case
from faultline.model import RawDocument

CLEAN = ('Niger\'s junta said on Monday it would expel French troops. "We will decide alone," '
         "Gen. Tchiani told ECOWAS envoys in Niamey, and I was there. The United Nations said "
         "it was worried.")


def test_mojibake_is_repaired_and_noted() -> None:
    garbled = "The minister’s “plan” — Lomé".encode().decode("latin-1")
    assert "â\x80\x99" in garbled
    fixed, note = fix_encoding(garbled)
    assert fixed == "The minister's \"plan\" — Lomé"
    assert fix_encoding("Ghana’s envoy in Lomé".encode().decode("cp1252"))[0] == \
        "Ghana's envoy in Lomé"
    assert note is not None and note.startswith("mojibake repaired")


def test_clean_text_is_left_alone_apart_from_quotes() -> None:
    fixed, note = fix_encoding("Ghana’s “envoy” left -- quietly ― at dawn.")
    assert (fixed, note) == ("Ghana's \"envoy\" left — quietly — at dawn.", None)


def test_lower_and_upper_case_documents_are_restored() -> None:
    for lost in (CLEAN.lower(), CLEAN.upper()):
        restored, note = restore_case(lost)
        assert note is not None and "case restored" in note
        assert restored == CLEAN.replace("Gen. Tchiani", "gen. Tchiani")


def test_pronoun_us_is_not_the_country() -> None:
    restored, _ = restore_case("they told us that the us envoy would visit niger soon enough.")
    assert restored == "They told us that the us envoy would visit Niger soon enough."


def test_mixed_case_text_is_untouched() -> None:
    assert case_of(CLEAN) is None
    assert restore_case(CLEAN) == (CLEAN, None)
    assert case_of("too short") is None


def test_article_records_every_repair() -> None:
    text = CLEAN.lower().replace("'", "’").encode().decode("cp1252")
    article = article_from(RawDocument("lost.txt", text))
    assert article.text.startswith("Niger's junta said on Monday it would expel French troops.")
    assert any(n.startswith("mojibake repaired") for n in article.notes)
    assert "case restored (the text was all lower case)" in article.notes


NAME_FORMS = {"united nations": "United Nations", "united": "United", "nations": "Nations",
              "al-qaeda": "al-Qaeda", "niger": "Niger", "nigeria": "Nigeria", "u.s.": "U.S.",
              "côte d'ivoire": "Côte d'Ivoire", "(iraq)": "(Iraq)"}


def test_names_are_cased_longest_first_and_only_as_whole_words() -> None:
    forms = NameForms.build(NAME_FORMS)
    text = ("the united nations, al-qaeda and the u.s. met in nigeria; niger's envoy "
            "and côte d'ivoire's were united. nigerians, unitednations and (iraq) too.")
    assert forms.apply(text) == (
        "the United Nations, al-Qaeda and the U.S. met in Nigeria; Niger's envoy "
        "and Côte d'Ivoire's were United. nigerians, unitednations and (Iraq) too.")


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*NAME_FORMS, "unit", "the", "x", " ", "  ", ", ", ".", "-",
                                 "'", "\n", "(", ")", "_", "é", "1", ""]), max_size=30))
def test_names_are_cased_as_one_pattern_of_every_name_would(pieces: list[str]) -> None:
    """The lookup replaced one compiled pattern of every name (seconds per process): it must
    find exactly what that pattern found."""
    text = "".join(pieces)
    alternatives = "|".join(re.escape(k) for k in sorted(NAME_FORMS, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    expected = pattern.sub(lambda m: NAME_FORMS[m.group(0)], text)
    assert NameForms.build(NAME_FORMS).apply(text) == expected
