"""Language: decided with lingua on long enough text; short text is kept and noted."""

from __future__ import annotations

import pytest

from faultline.clean import article_from
from faultline.clean.language import MIN_WORDS_FOR_LANGUAGE, identify
from faultline.errors import InputError
from faultline.model import RawDocument

ENGLISH = ("The foreign ministers of Ghana and Togo met in Lomé on Monday and agreed to reopen "
           "the border crossing at Aflao, closed since the election, to traders and buses.")
FRENCH = ("Les ministres des affaires étrangères du Ghana et du Togo se sont rencontrés lundi à "
          "Lomé et ont convenu de rouvrir le poste frontière d'Aflao aux commerçants.")


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH.lower(), ENGLISH.upper()])
def test_english_of_any_case_is_english(text: str) -> None:
    article = article_from(RawDocument("en.txt", text))
    assert article.language == "en"
    assert not any("language" in note for note in article.notes)


def test_confident_other_language_is_rejected_with_its_name() -> None:
    with pytest.raises(InputError, match="identified as French") as caught:
        article_from(RawDocument("fr.txt", FRENCH))
    assert caught.value.code == "not-english"


@pytest.mark.parametrize("text", ["Mahamat Déby Itno, N'Djamena.", "Aflao border: Ghana, Togo",
                                  "Ouagadougou, Bobo-Dioulasso, Koudougou, Banfora"])
def test_short_text_is_never_rejected_and_is_noted(text: str) -> None:
    article = article_from(RawDocument("short.txt", text))
    assert article.language is None
    assert any(note.startswith("language uncertain") for note in article.notes)


def test_threshold_is_in_words() -> None:
    words = ENGLISH.split()
    assert identify(" ".join(words[:MIN_WORDS_FOR_LANGUAGE - 1])).language is None
    assert identify(" ".join(words[:MIN_WORDS_FOR_LANGUAGE])).language == "en"
