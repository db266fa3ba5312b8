"""The actors package's word classes (``data/words.tsv``): every row read, every class used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faultline.actors import words
from faultline.tsv import DataFileError

PACKAGE = Path(words.__file__).parent


def test_every_class_in_the_file_is_read_by_the_package() -> None:
    """A class nothing reads is a word list that changes nothing: a typo or dead data."""
    source = "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py"))
    used = set(re.findall(r"\b(?:words|mapping|multi_mapping)\(\"(\w+)\"\)", source))
    assert words.classes() == used


def test_mapping_classes_keep_their_values() -> None:
    assert words.mapping("cameo_to_iso")["KSV"] == "XKX"
    assert words.mapping("cameo_to_iso")["KNT"] is None  # maps to no country
    assert words.multi_mapping("title_office")["prime minister"] == {"prime minister"}
    assert "supreme leader" in words.multi_mapping("title_office")["president"]


def test_a_repeated_word_names_file_and_line() -> None:
    text = "class\tword\tvalue\tnote\npronoun\tthey\npronoun\tthey\n"
    with pytest.raises(DataFileError, match=r"words\.tsv:3: 'they' repeated"):
        words.read_words("words.tsv", text)


def test_a_row_without_a_word_names_file_and_line() -> None:
    with pytest.raises(DataFileError, match=r"words\.tsv:2: a row needs a class and a word"):
        words.read_words("words.tsv", "class\tword\tvalue\tnote\npronoun\t\t\tno word\n")


def test_asking_for_a_class_the_file_lacks_names_it() -> None:
    with pytest.raises(DataFileError, match="no class 'no_such_class'"):
        words.words("no_such_class")
