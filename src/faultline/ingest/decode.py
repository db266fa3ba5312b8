"""Bytes → text, the same way in every reader: UTF-8, else the detected charset, else UTF-8
with the stray bytes replaced; anything but clean UTF-8 is noted on the document."""

from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer

_REPLACEMENT = "\ufffd"
_REPLACEMENT_BYTES = _REPLACEMENT.encode("utf-8")
# Bytes at least this ASCII are Latin-script (English) text with a few accented letters, quotes
# or dashes; Windows-1252 (Latin-1's printable superset) is what such files use when not UTF-8,
# and charset detection on a handful of bytes is noise (it picks an Urdu code page for
# "Niger\xff said"). Below this share, charset-normalizer decides.
MOSTLY_ASCII_SHARE = 0.8
WESTERN = "cp1252"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    note: str | None = None  # how the text was recovered, when it was not clean UTF-8


def _has_utf8_sequences(text: str) -> bool:
    """Whether UTF-8 decoding (with replacement) found real multi-byte characters: then the
    file is UTF-8 with a few stray bytes, not another charset."""
    return any(ord(c) > 127 and c != _REPLACEMENT for c in text)


def _detected(data: bytes) -> Decoded | None:
    """The text in Windows-1252 for mostly-ASCII bytes, else in the charset charset-normalizer
    finds most likely."""
    if sum(b < 128 for b in data) >= MOSTLY_ASCII_SHARE * len(data):
        try:
            return Decoded(data.decode(WESTERN), f"decoded as {WESTERN} (not UTF-8)")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    return Decoded(str(best), f"decoded as {best.encoding} (not UTF-8)") if best else None


def decode(data: bytes) -> Decoded:
    """The text of ``data`` and a note saying how it was decoded when it was not UTF-8."""
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8-sig", errors="replace")
    if not _has_utf8_sequences(replaced):
        found = _detected(data)
        if found is not None:
            return found
    stray = replaced.count(_REPLACEMENT) - data.count(_REPLACEMENT_BYTES)
    return Decoded(replaced, f"{stray} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
