"""A small rule-based coder for store tests: real articles and events without loading spaCy.

Each paragraph naming two known countries gives one "consult" event between them, dated by
the article; a paragraph with "not" gives a negated event. It is a stand-in for the coder,
not a mock of the store: every test here writes and reads a real DuckDB file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pytest

from faultline.model import Actor, Article, Event, Evidence, event_id_for

COUNTRIES = {"Benin": "BEN", "Niger": "NER", "Togo": "TGO", "Ghana": "GHA", "Mali": "MLI",
             "Chad": "TCD", "Senegal": "SEN", "Gambia": "GMB"}
_NAME = re.compile(r"\b(" + "|".join(COUNTRIES) + r")\b")


def keyword_coder(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    for article in articles:
        found: list[Event] = []
        start = 0
        for paragraph in article.text.split("\n\n"):
            names = list(dict.fromkeys(_NAME.findall(paragraph)))
            if len(names) >= 2:
                source, target = (Actor(n, COUNTRIES[n], COUNTRIES[n], None, n) for n in names[:2])
                found.append(Event(
                    event_id=event_id_for(article.article_id, start, source.code, target.code,
                                          "040"),
                    article_id=article.article_id, doc_ref=article.doc_ref,
                    date=article.published, date_precision="day" if article.published else None,
                    source=source, target=target, cameo="040", cameo_root="04",
                    cameo_label="Consult, not specified", plover="CONSULT", plover_mode=None,
                    goldstein=1.0, quad_class=1, negated=" not " in paragraph,
                    modality="asserted",
                    evidence=Evidence(paragraph, start, start + len(paragraph), "met"),
                    confidence=0.7, coder="test/0"))
            start += len(paragraph) + 2
        yield article, found


@pytest.fixture
def coder():
    return keyword_coder
