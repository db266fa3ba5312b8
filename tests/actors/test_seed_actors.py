"""The motivating article's mentions, through the real pipeline: what an analyst codes there."""

from __future__ import annotations

from pathlib import Path

import pytest

from faultline.actors import DocActors, resolve
from faultline.model import Actor, Article
from faultline.nlp.load import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> DocActors:
    text = seed_path.read_text(encoding="utf-8")
    article = Article(article_id="a-x", doc_ref="seed", text=text, published="2024-04-12")
    return resolve(load_nlp()(text), article)


def actors_of(seed: DocActors, phrase: str, head: str, nth: int = 0) -> list[Actor]:
    """Actors of the ``nth`` occurrence of ``phrase``, asked at its word ``head``."""
    text = seed.doc.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    start += phrase.index(head)
    span = seed.doc.char_span(start, start + len(head), alignment_mode="expand")
    assert span is not None
    return seed.actors_for(span.root)


def codes(actors: list[Actor]) -> list[str | None]:
    return [a.code for a in actors]


def test_the_article_is_about_niger(seed: DocActors) -> None:
    assert seed.about == "NER"


@pytest.mark.parametrize(
    ("phrase", "head", "expected"),
    [
        ("Russian military trainers arriving", "trainers", {"RUSMIL"}),
        ("Two Russian coaches", "coaches", {"RUSMIL"}),
        ("a Russian coach said", "coach", {"RUSMIL"}),
        ("Washington viewed", "Washington", {"USAGOV"}),
        ("U.S. officials said", "officials", {"USAGOV"}),
        ("Niamey has not", "Niamey", {"NERGOV"}),
        ("the junta declared", "junta", {"NERGOV"}),
        ("The junta criticized", "junta", {"NERGOV"}),
        ("Niger’s military leaders are", "leaders", {"NERGOV", "NERMIL"}),
        ("the country’s military leaders", "leaders", {"NERGOV", "NERMIL"}),
        ("train the Nigerian army", "army", {"NERMIL"}),
        ("warned them", "them", {"USA", "USAGOV"}),
    ],
)
def test_seed_mentions(seed: DocActors, phrase: str, head: str, expected: set[str]) -> None:
    found = actors_of(seed, phrase, head)
    assert found and found[0].code in expected, found


def test_putin_is_russia_government_with_entity(seed: DocActors) -> None:
    (putin, *_) = actors_of(seed, "Russian President Vladimir Putin", "Putin")
    assert putin.code == "RUSGOV" and putin.entity == "person:vladimir-putin"


def test_niger_is_never_nigeria(seed: DocActors) -> None:
    assert codes(actors_of(seed, "between Russia and Niger", "Niger"))[0] == "NER"
    countries = {a.country for _, a in seed.named}
    assert "NGA" not in countries


@pytest.mark.parametrize(("phrase", "head"), [("flights from", "flights"),
                                              ("reports said", "reports"),
                                              ("the broadcast said", "broadcast"),
                                              ("the military equipment", "equipment")])
def test_things_are_not_actors(seed: DocActors, phrase: str, head: str) -> None:
    assert actors_of(seed, phrase, head) == []
