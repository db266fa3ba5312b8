"""An outlet's recurring boilerplate lines, learnt across a corpus, are dropped (our own text)."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import keyword_coder

from faultline.clean import article_from
from faultline.clean.recurring import learn
from faultline.model import RawDocument
from faultline.store import open_store
from faultline.store.ingest import ingest_paths

STORIES = [
    "Benin and Niger met in Cotonou on Monday to discuss the pipeline and the border.",
    "Togo and Ghana agreed on a joint fishing patrol along their coast on Tuesday.",
    "Mali and Senegal opened talks on the railway between Bamako and Dakar last week.",
    "Chad and Niger held a summit on security in the Lake Chad basin on Friday.",
    "Gambia and Senegal signed a deal on the bridge over the river on Sunday.",
    "Ghana and Benin discussed electricity exports at a meeting in Accra on Monday.",
]


CLOSING = ["The envoys will meet again in June.", "Fishermen welcomed the patrol.",
           "Engineers surveyed the line.", "Delegates left without a statement.",
           "Traders hope tolls will fall.", "Prices have risen all year."]


def _paper(number: int, story: str) -> RawDocument:
    lines = [f"This story is from March {number + 3}, 2002", story,
             "Read this story in Hindi", CLOSING[number]]
    return RawDocument(f"paper-{number}", "\n\n".join(lines),
                       outlet="The Daily Paper")


def test_lines_repeated_across_an_outlet_are_dropped() -> None:
    corpus = [_paper(n, s) for n, s in enumerate(STORIES)]
    model = learn(corpus)
    article = article_from(corpus[0], recurring=model)
    assert article.text == f"{STORIES[0]}\n\n{CLOSING[0]}"
    assert any(n.startswith("recurring outlet lines removed") for n in article.notes)
    other = RawDocument("elsewhere", corpus[0].content, outlet="Another Paper")
    assert "Read this story" in article_from(other, recurring=model).text


def test_too_few_documents_teach_nothing() -> None:
    corpus = [_paper(n, s) for n, s in enumerate(STORIES[:4])]
    assert "Read this story in Hindi" in article_from(corpus[0], recurring=learn(corpus)).text


def test_ingest_learns_from_the_whole_input(tmp_path: Path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    for number, story in enumerate(STORIES):
        (folder / f"{number}.txt").write_text(str(_paper(number, story).content),
                                              encoding="utf-8")
    ingest_paths([folder], tmp_path / "s.duckdb", coder=keyword_coder)
    with open_store(tmp_path / "s.duckdb") as store:
        texts = [a["text"] for a in store.articles().to_pylist()]
    assert len(texts) == len(STORIES)
    assert not any("Hindi" in t or "This story is from" in t for t in texts)
