"""Exact-name matching of every knowledge-base name in a text, case- and accent-insensitive.

Tens of thousands of names make spaCy's EntityRuler slow to build (seconds per process), so
the names are kept as a dictionary of folded names plus the set of their prefixes that end where
a token can end; matching walks the tokens from each start while the text so far is such a
prefix. The structure is built with the knowledge base and cached with it (``kb.load_kb``).

Case: in ordinary text a match needs a capital letter somewhere in it ("US" the country, "us" the
pronoun; "Isis" and "ISIS" alike); in text written all in lower or all in upper case, any match
counts except a single stop word ("us", "it"), unless the KB writes it as an acronym and the text
is upper case ("US").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Longest name, in tokens, the matcher extends a candidate to.
MAX_NAME_TOKENS = 16
# Acronyms this short match only in capitals in ordinary text ("GIA", not the name "Gia").
SHORT_ACRONYM_CHARS = 3
# A last name read alone after a full mention has at least this many letters.
MIN_SURNAME_CHARS = 3
# Text whose letters are almost all lower (upper) case is read case-insensitively.
CASELESS_SHARE = 0.02


def fold(text: str) -> str:
    """A name as compared: accents stripped, case folded, spaces collapsed ("Erdoğan" and
    "ERDOGAN" are one name)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("\u2019", "'").split())


def _boundary_prefixes(name: str) -> list[str]:
    """Prefixes of ``name`` that end where a token may end: before a space, or where letters or
    digits meet other characters ("al" and "al-" in "al-qaeda")."""
    found = []
    for i in range(1, len(name)):
        before, after = name[i - 1], name[i]
        if after == " " or (before != " " and before.isalnum() != after.isalnum()):
            found.append(name[:i])
    return found


def _inside_longer_name(doc: Doc, span: Span, covered: set[int]) -> bool:
    """An organisation's name ending a longer capitalised name the KB does not know ("Kenya's
    Liberal Democratic Party" is not the US Democratic Party)."""
    if span.label_ != "ORG" or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.is_title and before.is_alpha and before.i not in covered \
        and not before.is_sent_start and before.lower_ not in STOP_WORDS


def _surnames(doc: Doc, spans: list[Span], texts: list[str], caseless: bool) -> list[Span]:
    """A person's last name alone after their full name in the same text ("Javid" after
    "Sajid Javid"), unless two people named so far share it."""
    people: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for span in spans:
        if span.label_ == "PERSON" and span.id_.startswith("person:") and len(span) > 1:
            last = texts[span.end - 1]
            if len(last) >= MIN_SURNAME_CHARS and last.isalpha():
                people.setdefault(last, set()).add(span.id_)
                first[last] = min(first.get(last, span.end), span.end)
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    for token in doc:
        keys = people.get(texts[token.i])
        if keys is None or len(keys) != 1 or token.i in taken or token.i < first[texts[token.i]]:
            continue
        if caseless or token.is_title:
            found.append(Span(doc, token.i, token.i + 1, label="PERSON", span_id=next(iter(keys))))
    return found


@dataclass(frozen=True)
class Gazetteer:
    """Folded name → (label, KB key, written as an acronym), and the token-boundary prefixes."""

    entries: dict[str, tuple[str, str, bool]]
    prefixes: frozenset[str]

    @classmethod
    def build(cls, entries: list[tuple[str, str, str]]) -> Gazetteer:
        """From (name as written, label, key) triples."""
        table: dict[str, tuple[str, str, bool]] = {}
        prefixes: set[str] = set()
        for spelled, label, key in entries:
            folded = fold(spelled)
            if not folded or folded in table:
                continue
            table[folded] = (label, key, spelled.isupper() and len(spelled) > 1)
            prefixes.update(_boundary_prefixes(folded))
        return cls(table, frozenset(prefixes))

    def spans(self, doc: Doc) -> list[Span]:
        """Non-overlapping name spans (longest first), labelled, with the KB key as ``id``."""
        letters = [ch for ch in doc.text if ch.isalpha()]
        upper = sum(ch.isupper() for ch in letters)
        caseless = bool(letters) and (upper <= CASELESS_SHARE * len(letters)
                                      or upper >= (1 - CASELESS_SHARE) * len(letters))
        all_upper = caseless and upper > len(letters) / 2
        texts = [fold(t.text) for t in doc]
        found = []
        n = len(doc)
        for i in range(n):
            candidate = texts[i]
            if not candidate or candidate.isspace():
                continue
            j = i
            while True:
                hit = self.entries.get(candidate)
                if hit is not None and self._accept(doc, i, j + 1, hit, caseless, all_upper):
                    found.append(Span(doc, i, j + 1, label=hit[0], span_id=hit[1]))
                if candidate not in self.prefixes:
                    break
                j += 1
                if j >= n or j - i >= MAX_NAME_TOKENS or "\n" in doc[j - 1].whitespace_:
                    break
                candidate += (" " if doc[j - 1].whitespace_ else "") + texts[j]
        spans = filter_spans(found)
        if not caseless:
            covered = {i for span in spans for i in range(span.start, span.end)}
            spans = [s for s in spans if not _inside_longer_name(doc, s, covered)]
        return filter_spans(spans + _surnames(doc, spans, texts, caseless))

    @staticmethod
    def _accept(doc: Doc, start: int, end: int, hit: tuple[str, str, bool], caseless: bool,
                all_upper: bool) -> bool:
        span = doc[start:end]
        if not caseless:
            if hit[2] and len(span.text) <= SHORT_ACRONYM_CHARS:
                return span.text.isupper()  # "GIA", not the name "Gia"; but "Isis" is ISIS
            return any(not t.is_lower and any(ch.isupper() for ch in t.text) for t in span)
        if end - start == 1 and span[0].lower_ in STOP_WORDS:
            return all_upper and hit[2]
        return True
