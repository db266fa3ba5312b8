"""Response and request bodies of the HTTP API: every field documented in ``/openapi.json``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

# Characters ``POST /api/code`` accepts: a long article, not a corpus.
MAX_CODE_CHARS = 50_000


class ErrorDetail(BaseModel):
    code: str = Field(description="Short machine-readable reason: not-found, invalid-request …")
    message: str = Field(description="What went wrong, for a person.")


class ErrorBody(BaseModel):
    """The one error shape every endpoint answers with."""

    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    schema_version: int
    events: int
    counted_events: int
    articles: int
    stories: int


class ActorOut(BaseModel):
    text: str = Field(description="The words of the article that name the actor.")
    code: str | None = Field(description="CAMEO-style actor code (NERGOV); null: unresolved.")
    country: str | None
    role: str | None
    name: str | None
    entity: str | None


class LocationOut(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None


class EvidenceOut(BaseModel):
    sentence: str = Field(description="The supporting sentence, text[start:end] of the article.")
    start: int = Field(description="Character offset of the sentence in the cleaned text.")
    end: int
    trigger: str = Field(description="The word(s) that carry the event.")
    quote: bool


class EventOut(BaseModel):
    """A coded event (schema v1) with whether the counting rule counts it."""

    event_id: str
    article_id: str
    doc_ref: str
    story_id: str | None
    date: str | None
    date_precision: str | None
    source: ActorOut | None
    target: ActorOut | None
    cameo: str
    cameo_root: str
    cameo_label: str | None
    plover: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    negated: bool
    modality: str
    location: LocationOut | None
    evidence: EvidenceOut
    confidence: float | None
    coder: str | None
    counted: bool = Field(description="Whether the counting rule counts it (not negated, "
                                      "hypothetical or one-sided; not an undated past).")
    one_sided: bool | None = Field(description="A source or target the CAMEO code needs has no "
                                               "code; null for events coded before schema 2.")
    background: bool | None = Field(description="Told as the story's past.")
    trace: list[str] = Field(description="Lexicon row, strategies and cues behind the event.")


class EventPage(BaseModel):
    events: list[EventOut]
    total: int = Field(description="Events matching the filters, all pages together.")


class ArticleOut(BaseModel):
    article_id: str
    doc_ref: str
    story_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    text: str = Field(description="The cleaned text every evidence offset points into.")


class EventDetail(BaseModel):
    event: EventOut
    article: ArticleOut
    trace: list[str] | None = Field(
        description="How the coder reached the event, once the coder records one.")


class ArticleDetail(BaseModel):
    article: ArticleOut
    events: list[EventOut]


class StorySummary(BaseModel):
    story_id: str
    first_seen: str | None
    n_texts: int = Field(description="Distinct cleaned texts (near-duplicates).")
    n_articles: int = Field(description="Input documents, exact copies included.")
    n_outlets: int
    title: str | None


class StoryPage(BaseModel):
    stories: list[StorySummary]
    total: int


class Copy(BaseModel):
    """One input document that carried an article (an outlet's copy)."""

    doc_ref: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None


class StoryArticle(BaseModel):
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    copies: list[Copy]


class StoryDetail(BaseModel):
    story_id: str
    first_seen: str | None
    articles: list[StoryArticle]


class PeriodOut(BaseModel):
    """One week or month of a dyad; intervals are computed over independent stories."""

    start: str
    events: int
    q1: int = Field(description="Verbal cooperation (quad class 1).")
    q2: int = Field(description="Material cooperation.")
    q3: int = Field(description="Verbal conflict.")
    q4: int = Field(description="Material conflict.")
    goldstein_total: float
    mean_goldstein: float | None
    goldstein_low: float | None
    goldstein_high: float | None
    cooperation_share: float | None
    cooperation_low: float | None
    cooperation_high: float | None
    stories: int
    outlets: int


class SeriesOut(BaseModel):
    a: str
    b: str
    freq: Literal["week", "month"]
    directed: bool
    group: Literal["country", "code"]
    periods: list[PeriodOut]


class AlertOut(BaseModel):
    a: str
    b: str
    direction: Literal["souring", "warming"]
    week: str = Field(description="Monday of the week the change starts.")
    size: float = Field(description="Mean Goldstein after minus before.")
    mean_before: float
    mean_after: float
    p_value: float
    stories_before: int
    stories_after: int
    story_ids: list[str] = Field(description="Stories after the change (the first 50).")
    event_ids: list[str] = Field(description="Its events, strongest-moving first (the first 50).")
    events_after: int


class AlertList(BaseModel):
    alerts: list[AlertOut]


class NodeOut(BaseModel):
    id: str
    events: int


class EdgeOut(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein: float
    stories: int
    weight: int = Field(description="Cooperation minus conflict events.")
    sign: int


class NetworkOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class ActorHitOut(BaseModel):
    key: str
    name: str | None
    country: str | None
    events: int
    as_source: int
    as_target: int


class ActorList(BaseModel):
    actors: list[ActorHitOut]


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS,
                      description="Plain text of one article.")
    date: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    title: str | None = None


class CodedArticle(BaseModel):
    article_id: str
    title: str | None
    text: str


class CodeResult(BaseModel):
    article: CodedArticle
    events: list[EventOut]
