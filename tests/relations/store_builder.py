"""Build a real DuckDB store from hand-written stories, without the coder.

Each story is written as ingest writes it (stories, articles, sources, story membership,
events) through ``Store.write_batch``; every copy of a story is its own article from its own
outlet carrying the same events, as syndicated copies are after coding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from faultline.model import Actor, Article, Event, Evidence, article_id_for, event_id_for
from faultline.store.db import Batch, open_store

NAMES = {"NER": "Niger", "BEN": "Benin", "GHA": "Ghana", "TGO": "Togo", "MLI": "Mali",
         "FRA": "France"}
PLOVER = {"040": "CONSULT", "057": "AGREE", "111": "ACCUSE", "172": "SANCTION",
          "190": "ASSAULT", "195": "ASSAULT"}
RUN = "run-test"


@dataclass(frozen=True)
class Act:
    source: str
    target: str
    cameo: str
    goldstein: float
    quad: int
    negated: bool = False


@dataclass(frozen=True)
class StorySpec:
    key: str
    day: dt.date
    acts: tuple[Act, ...]
    outlets: tuple[str, ...] = ("Sahel Ledger",)
    title: str = "A story"
    extra: str = field(default="")


def _text(spec: StorySpec, copy: int) -> tuple[str, list[tuple[int, str]]]:
    sentences = []
    for act in spec.acts:
        sentences.append(f"{NAMES[act.source]} acted ({act.cameo}) towards {NAMES[act.target]}"
                         f" in story {spec.key}.")
    lead = f"Copy {copy} of {spec.key}. {spec.extra}".strip()
    text = lead + "\n\n" + " ".join(sentences)
    spans, start = [], len(lead) + 2
    for sentence in sentences:
        spans.append((start, sentence))
        start += len(sentence) + 1
    return text, spans


def build_store(path: Path, specs: list[StorySpec]) -> Path:
    batch = Batch()
    now = dt.datetime(2025, 1, 1)
    for spec in specs:
        story_id = f"s-{spec.key}"
        batch.stories.append({"story_id": story_id, "first_article_id": "", "created_at": now,
                              "run_id": RUN})
        for copy, outlet in enumerate(spec.outlets):
            text, spans = _text(spec, copy)
            article = Article(article_id_for(text), f"{spec.key}-{copy}.txt", text,
                              title=spec.title, outlet=outlet, published=spec.day.isoformat())
            row = article.to_dict()
            row.update(story_id=story_id, ingested_at=now, run_id=RUN, meta="{}")
            batch.articles.append(row)
            batch.sources.append({"doc_ref": article.doc_ref, "content_hash": article.article_id,
                                  "article_id": article.article_id, "url": None,
                                  "outlet": outlet, "title": spec.title,
                                  "published": spec.day, "run_id": RUN})
            batch.members.append({"article_id": article.article_id, "story_id": story_id,
                                  "matched_article_id": None, "similarity": None,
                                  "published": spec.day, "signature": b""})
            for act, (start, sentence) in zip(spec.acts, spans, strict=True):
                source = Actor(NAMES[act.source], act.source, act.source, None, NAMES[act.source])
                target = Actor(NAMES[act.target], act.target, act.target, None, NAMES[act.target])
                event = Event(
                    event_id=event_id_for(article.article_id, start, act.source, act.target,
                                          act.cameo),
                    article_id=article.article_id, doc_ref=article.doc_ref,
                    date=spec.day.isoformat(), date_precision="day", source=source,
                    target=target, cameo=act.cameo, cameo_root=act.cameo[:2],
                    cameo_label="test", plover=PLOVER[act.cameo], plover_mode=None,
                    goldstein=act.goldstein, quad_class=act.quad, negated=act.negated,
                    modality="asserted",
                    evidence=Evidence(sentence, start, start + len(sentence), "acted"),
                    confidence=0.8, coder="test/0", story_id=story_id)
                flat = event.to_flat()
                flat["run_id"] = RUN
                batch.events.append(flat)
    with open_store(path, write=True) as store:
        store.write_batch(batch)
    return path
