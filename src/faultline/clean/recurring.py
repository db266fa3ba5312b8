"""An outlet's recurring boilerplate, learnt across a corpus: a short line that many documents
of one outlet repeat ("This story is from March 10, 2002", "Read this story in Hindi") is not
story text, whatever it says.

``learn`` reads a corpus once (before coding: the result depends only on the inputs, so a
resumed run learns the same lines); ``article_from(raw, recurring=...)`` then drops those lines
like any other boilerplate rule (never most of a document). Lines are compared with digits and
month names masked, so a line that differs only by its date is one line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from faultline.clean.paragraphs import is_flat, sentences
from faultline.errors import InputError
from faultline.ingest.decode import decode
from faultline.model import RawDocument

# A recurring line is short: longer repeated text is a syndicated paragraph, not furniture.
MAX_WORDS = 20
# It recurs in at least this many documents of its outlet, and this share of them.
MIN_DOCUMENTS = 5
MIN_SHARE = 0.05

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MASK = re.compile(rf"\d+|\b(?:{_MONTHS})\b")
_SPACE = re.compile(r"\s+")


def line_key(line: str) -> str:
    """A line's identity across documents: lower case, digits and month names masked."""
    return _SPACE.sub(" ", _MASK.sub("#", line.lower())).strip()


def outlet_key(raw: RawDocument) -> str:
    """Which outlet a document belongs to: its outlet, else its URL's host, else ""."""
    if raw.outlet:
        return raw.outlet.strip().lower()
    return urlsplit(raw.url).netloc.lower() if raw.url else ""


def units(text: str) -> list[str]:
    """The lines of a text; a flattened paragraph gives its sentences instead."""
    found: list[str] = []
    for line in text.splitlines():
        found.extend(sentences(line) if is_flat(line) else [line])
    return [u.strip() for u in found if u.strip()]


@dataclass(slots=True)
class Recurring:
    """Per outlet: how many documents were seen and the keys of their recurring lines."""

    documents: Counter[str] = field(default_factory=Counter)
    lines: dict[str, frozenset[str]] = field(default_factory=dict)

    def is_boilerplate(self, outlet: str, line: str) -> bool:
        return line_key(line) in self.lines.get(outlet, frozenset())


def _text(raw: RawDocument) -> str:
    return raw.content if isinstance(raw.content, str) else decode(raw.content).text


def learn(raws: Iterable[RawDocument | InputError]) -> Recurring:
    """The recurring short lines of each outlet in a corpus (HTML documents are skipped: their
    furniture is trafilatura's job)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    model = Recurring()
    for raw in raws:
        if isinstance(raw, InputError) or raw.fmt != "text":
            continue
        outlet = outlet_key(raw)
        model.documents[outlet] += 1
        keys = {line_key(u) for u in units(_text(raw)) if len(u.split()) <= MAX_WORDS}
        seen[outlet].update(keys)
    for outlet, counts in seen.items():
        needed = max(MIN_DOCUMENTS, MIN_SHARE * model.documents[outlet])
        model.lines[outlet] = frozenset(k for k, n in counts.items() if n >= needed)
    return model
