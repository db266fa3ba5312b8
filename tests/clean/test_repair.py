"""Text repair before parsing: mojibake, quotes and dashes, lost case (our own sentences)."""

from __future__ import annotations

from faultline.clean import article_from
from faultline.clean.repair import case_of, fix_encoding, restore_case
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
