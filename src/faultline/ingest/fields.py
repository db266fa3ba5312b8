"""Which key of a JSON Lines record or CSV row holds which field of a document.

Exports name their fields differently (``date`` or ``published``, ``body`` or ``text``). Each
field has a list of common names tried in order; ``--field date=KEY`` puts a user's own key
first. The order of preference is documented in ``docs/input-fields.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Field → accepted keys, most preferred first. ``html`` is the body as HTML (extracted with
# trafilatura), ``text`` the body as plain text; a record with both is read as HTML.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "guid"),
    "html": ("html", "raw_html"),
    "text": ("text", "body", "content", "full_text", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "publish_date", "pubdate", "published_at",
                  "date_publish", "datetime", "timestamp"),
    "outlet": ("outlet", "source", "source_name", "publication", "site_name"),
}
# What users may call a field on the command line (``--field date=...``).
FIELD_NAMES: dict[str, str] = {**{name: name for name in ALIASES},
                               "date": "published", "body": "text", "source": "outlet"}


@dataclass(frozen=True, slots=True)
class FieldMap:
    """The keys to try for each field: a user's own first, then the common names."""

    own: Mapping[str, str] = field(default_factory=dict)

    def keys(self, name: str) -> tuple[str, ...]:
        own = self.own.get(name)
        return ((own,) if own else ()) + tuple(k for k in ALIASES[name] if k != own)

    def used(self) -> frozenset[str]:
        """Every key that may feed a field (the rest of a record is kept as metadata)."""
        return frozenset(k for name in ALIASES for k in self.keys(name))

    def pick(self, record: Mapping[str, Any], name: str) -> Any:
        """The value of the first key for ``name`` present and not empty in ``record``."""
        for key in self.keys(name):
            value = record.get(key)
            if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
                return value
        return None

    def present(self, columns: Iterable[str], name: str) -> str | None:
        """The first key for ``name`` among ``columns`` (a CSV header), or None."""
        have = set(columns)
        return next((k for k in self.keys(name) if k in have), None)


def parse_fields(options: Iterable[str]) -> FieldMap:
    """A FieldMap from ``name=KEY`` options; ValueError names a bad one."""
    own: dict[str, str] = {}
    for option in options:
        name, equals, key = option.partition("=")
        canonical = FIELD_NAMES.get(name.strip().lower())
        if not equals or not key.strip() or canonical is None:
            raise ValueError(f"expected FIELD=KEY with FIELD one of "
                             f"{', '.join(sorted(FIELD_NAMES))}, got {option!r}")
        own[canonical] = key.strip()
    return FieldMap(own)


# Warn when more than this share of a batch's articles has no publication date (and the batch
# has at least DATE_WARNING_MIN articles): dates, GDELT days and the dedup window go missing.
DATE_WARNING_SHARE = 0.5
DATE_WARNING_MIN = 2


def undated_warning(articles: int, undated: int) -> str | None:
    """The one warning for a batch where most articles have no publication date, or None."""
    if articles < DATE_WARNING_MIN or undated <= DATE_WARNING_SHARE * articles:
        return None
    names = ", ".join(ALIASES["published"])
    return (f"{undated} of {articles} articles have no publication date: events cannot be "
            f"dated from it and stories are not grouped by time. Name the date field with "
            f"--field date=KEY (looked for: {names}) or give --date YYYY-MM-DD.")


def as_text(value: Any) -> str | None:
    """A field's value as text: a feed-style ``{"name": ...}`` object gives its name."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
        return None if value is None else str(value)
    return str(value)
