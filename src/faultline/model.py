"""The typed records that flow through every stage, and their schema v1 serialisation.

Stages hand each other these dataclasses, never loose dicts. ``to_dict`` gives exactly the
field set of ``event-schema.md`` (schema v1); ``from_dict`` reads it back.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 1

Modality = Literal["asserted", "intended", "hypothetical", "reported"]
MODALITIES: tuple[str, ...] = ("asserted", "intended", "hypothetical", "reported")
DatePrecision = Literal["day", "month", "year"]
LocationPrecision = Literal["city", "admin1", "country"]

_ID_HEX = 16  # 64 bits: collisions stay negligible far beyond a billion records
_SPACE = re.compile(r"\s+")


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:_ID_HEX]


def normalise_text(text: str) -> str:
    """Unicode-, case- and whitespace-normalised text: the identity of an article."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def article_id_for(text: str) -> str:
    """Stable article id: the same cleaned text always gives the same id."""
    return "a-" + _digest(normalise_text(text))


def event_id_for(
    article_id: str, sentence_start: int, source_code: str | None, target_code: str | None,
    cameo: str,
) -> str:
    """Stable event id from the fields the schema names (article, sentence, dyad, code)."""
    return "e-" + _digest(article_id, sentence_start, source_code, target_code, cameo)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as a reader found it, before cleaning.

    ``content`` is text or undecoded bytes; ``fmt`` is the reader's verdict (``text``, ``html``).
    ``meta`` keeps every other field the source had (e.g. extra JSON Lines keys); ``notes``
    says what a reader had to repair (stray bytes replaced, another charset decoded).
    """

    doc_ref: str
    content: str | bytes
    fmt: str = "text"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: boilerplate removed; offsets of events point into ``text``.

    ``language`` is the detected ISO 639-1 code, None when too short to tell; ``notes`` lists
    what reading and cleaning repaired or could not decide (kept with the article in the store).
    """

    article_id: str
    doc_ref: str
    text: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = "en"
    meta: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        found = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        if found.get("notes") is not None:
            found["notes"] = tuple(found["notes"])
        return cls(**found)


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved (or knowingly unresolved: ``code`` None) participant of an event."""

    text: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    name: str | None = None
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: LocationPrecision | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence behind an event: ``text[start:end] == sentence`` in the cleaned article."""

    sentence: str
    start: int
    end: int
    trigger: str
    quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(**{f.name: data[f.name] for f in fields(cls)})


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, schema v1 (see event-schema.md for each field's meaning)."""

    event_id: str
    article_id: str
    doc_ref: str
    date: str | None
    date_precision: DatePrecision | None
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_label: str
    plover: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    negated: bool
    modality: Modality
    evidence: Evidence
    confidence: float
    coder: str
    story_id: str | None = None
    location: Location | None = None
    # Schema v1 additions (issue 11): a source or target without a code where the CAMEO code
    # needs one; a background event told as the past of the story; the rows, strategies and
    # cues that produced the event, as stable ids.
    one_sided: bool = False
    background: bool = False
    trace: tuple[str, ...] = ()
    # The id of the article's earlier event with the same (source, target, code, date): the
    # same happening told again ("repeat"), kept for audit and never counted twice.
    repeat_of: str | None = None

    @property
    def counted(self) -> bool:
        """Whether aggregates count this event (the schema's counting rule)."""
        return not self.negated and self.modality != "hypothetical" and not self.one_sided \
            and not (self.background and self.date is None) \
            and self.repeat_of is None  # an undated past, a repeat: no series

    def to_dict(self) -> dict[str, Any]:
        """Schema v1 in the documented field order."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "doc_ref": self.doc_ref,
            "story_id": self.story_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_label": self.cameo_label,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "counted": self.counted,
            "one_sided": self.one_sided,
            "background": self.background,
            "trace": list(self.trace),
            "repeat_of": self.repeat_of,
            "coder": self.coder,
        }

    def to_flat(self) -> dict[str, Any]:
        """One flat row (``source_code``, ``evidence_start`` ...) for CSV and table stores."""
        flat: dict[str, Any] = {}
        for key, value in self.to_dict().items():
            if key in _NESTED:
                inner = value or {}
                for sub in _NESTED[key]:
                    flat[f"{key}_{sub}"] = inner.get(sub)
            else:
                flat[key] = value
        return flat

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def opt(kind: type[Actor] | type[Location], key: str) -> Any:
            value = data.get(key)
            return kind.from_dict(value) if value else None

        plain = {
            f.name: data.get(f.name)
            for f in fields(cls)
            if f.name not in {"source", "target", "location", "evidence", "one_sided",
                              "background", "trace"}
        }
        return cls(
            **plain,
            # absent (records and stores written before schema v1 had them): not set
            one_sided=bool(data.get("one_sided")), background=bool(data.get("background")),
            trace=tuple(data.get("trace") or ()),
            source=opt(Actor, "source"),
            target=opt(Actor, "target"),
            location=opt(Location, "location"),
            evidence=Evidence.from_dict(data["evidence"]),
        )


_NESTED: dict[str, tuple[str, ...]] = {
    "source": tuple(f.name for f in fields(Actor)),
    "target": tuple(f.name for f in fields(Actor)),
    "location": tuple(f.name for f in fields(Location)),
    "evidence": tuple(f.name for f in fields(Evidence)),
}

EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "doc_ref", "story_id", "date", "date_precision", "source",
    "target", "cameo", "cameo_root", "cameo_label", "plover", "plover_mode", "goldstein",
    "quad_class", "negated", "modality", "location", "evidence", "confidence", "counted",
    "one_sided", "background", "trace", "repeat_of", "coder",
)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one story (syndicated or rewritten copies)."""

    story_id: str
    first_seen: str | None
    article_ids: tuple[str, ...]
    doc_refs: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "first_seen": self.first_seen,
            "doc_refs": list(self.doc_refs),
            "article_ids": list(self.article_ids),
            "titles": list(self.titles),
            "outlets": list(self.outlets),
        }
