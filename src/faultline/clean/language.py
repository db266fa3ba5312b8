"""Reject what the English coder cannot use: empty, binary or (confidently) non-English text.

The language is identified with lingua (its models ship in the wheel; nothing is downloaded)
only on text long enough to tell; shorter text is coded, with "language uncertain" noted,
because a guess on a dozen words rejects real English (headlines full of names, lists).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from faultline.errors import InputError

# lingua's low-accuracy mode (trigrams only) is reliable from about 120 characters; below this
# many words the language is not decided at all.
MIN_WORDS_FOR_LANGUAGE = 20
# Enough text to identify a language; reading a whole 50,000-word document adds nothing.
LANGUAGE_SAMPLE_CHARS = 3000
# A text is rejected as not English only when another language is this confident.
REJECT_CONFIDENCE = 0.8
# More control characters than this share means the bytes were not text.
MAX_CONTROL_SHARE = 0.02

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Identified:
    """The text's ISO 639-1 language (None: undecided), a note when it is uncertain, and the
    name of the other language when one is confident enough to reject the text."""

    language: str | None
    note: str | None = None
    other: str | None = None


@functools.cache
def detector() -> LanguageDetector:
    """Every living language lingua knows, low-accuracy mode (0.3 s to load, milliseconds per
    text). Latin is left out: it is no news language, and English prose full of Latinate words
    ("the possibility of international ...") was identified as Latin."""
    return LanguageDetectorBuilder.from_all_spoken_languages().with_low_accuracy_mode().build()


def identify(text: str) -> Identified:
    """The language of ``text``, decided only when it is long enough to tell."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return Identified(None, f"language uncertain: {len(words)} words are too few to tell")
    values = detector().compute_language_confidence_values(text[:LANGUAGE_SAMPLE_CHARS])
    best = values[0]
    if best.language == Language.ENGLISH:
        return Identified("en")
    name = best.language.name.title()
    if best.value >= REJECT_CONFIDENCE:
        return Identified(best.language.iso_code_639_1.name.lower(), None, name)
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    return Identified(None, f"language uncertain: {name} {best.value:.2f}, "
                            f"English {english:.2f}")


def check_text(source: str, text: str) -> Identified:
    """The language of usable story text; InputError (naming ``source``) when ``text`` is
    empty, binary or confidently another language than English."""
    if not text.strip():
        raise InputError(source, "no story text left after cleaning", "empty")
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise InputError(source, "looks binary, not text", "binary")
    found = identify(text)
    if found.other is not None:
        raise InputError(source, f"not English (identified as {found.other})", "not-english")
    return found
