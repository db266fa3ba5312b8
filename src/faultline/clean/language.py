"""Reject what the English coder cannot use: empty, binary or non-English text."""

from __future__ import annotations

import re

from faultline.errors import InputError

# Below this many words a language guess is noise; short English snippets are let through.
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
# Function words make up 30-50% of running English text; under 8% it is another language.
MIN_ENGLISH_FUNCTION_SHARE = 0.08
# More control characters than this share means the bytes were not text.
MAX_CONTROL_SHARE = 0.02

_FUNCTION_WORDS = frozenset(
    "the a an of to in on and or but is are was were be been has have had it its that this "
    "with for as by at from not will would said says they he she we their his her which who "
    "after before than there about over into".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(source: str, text: str) -> None:
    """Raise InputError (naming ``source``) unless ``text`` is usable English story text."""
    if not text.strip():
        raise InputError(source, "no story text left after cleaning", "empty")
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise InputError(source, "looks binary, not text", "binary")
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if share < MIN_ENGLISH_FUNCTION_SHARE:
        raise InputError(source, f"not English (function-word share {share:.0%})", "not-english")
