"""No document stops a batch: over-long texts are coded in pieces, and a failing one is named."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from faultline import events
from faultline.cli import app
from faultline.model import Article
from faultline.pipeline import sentence_chunks
from faultline.store import open_store
from faultline.store.ingest import ingest_paths

COUNTRIES = ("Benin", "Niger", "Togo", "Ghana", "Mali", "Chad", "Senegal", "Gambia")
GOOD = ("Ghana and Togo reopen border\n\n"
        "Ghana's foreign minister met Togo's ambassador in Accra on Monday and praised the "
        "reopening of the border crossing at Aflao after two weeks of talks.\n")
BROKEN = ("Benin hosts Niger delegation\n\n"
          "Benin's president met a delegation from Niger in Cotonou on Tuesday to discuss the "
          "pipeline, officials said, and both sides promised to meet again next month.\n")
MARKER = "Cotonou"  # the coder is made to raise on the one article that names it


def long_article(min_chars: int) -> str:
    """Our own text: a headline, then paragraphs of talks between two countries, each different."""
    paragraphs = []
    pairs = itertools.cycle(itertools.permutations(COUNTRIES, 2))
    size = 0
    for day, (a, b) in enumerate(pairs):
        paragraph = (f"Officials from {a} met envoys of {b} in the capital on day {day} of the "
                     f"talks. The minister of {a} said the meeting with {b} had gone well.")
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        if size > min_chars:
            break
    return "Long talks in the region\n\n" + "\n\n".join(paragraphs) + "\n"


@given(st.lists(st.sampled_from(["Niger met Chad.", "He said no!", "word", "x" * 30, " ", "\n\n",
                                 "\n", "  "]), max_size=80), st.integers(min_value=5, max_value=60))
def test_pieces_join_back_to_the_text_and_fit_the_limit(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    pieces = sentence_chunks(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(pieces[:-1]), "an empty piece would never end"


def test_pieces_end_at_paragraphs_then_sentences() -> None:
    text = "One two. Three four.\n\nFive six seven. Eight nine ten eleven."
    assert sentence_chunks(text, 30) == ["One two. Three four.\n\n", "Five six seven. ",
                                         "Eight nine ten eleven."]


def _raise_on_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real coder, except that it raises on the article naming ``MARKER``."""
    real = events.code

    def code(doc, article: Article, actors):  # type: ignore[no-untyped-def]
        if MARKER in article.text:
            raise RuntimeError("coder broke on this article")
        return real(doc, article, actors)

    monkeypatch.setattr(events, "code", code)


@pytest.mark.slow
def test_a_coder_failure_costs_only_its_document(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _raise_on_marker(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-broken.txt").write_text(BROKEN, encoding="utf-8")
    (folder / "c-good.txt").write_text(GOOD.replace("Monday", "Friday"), encoding="utf-8")

    coded = CliRunner().invoke(app, ["code", str(folder)])
    assert coded.exit_code == 1
    assert "b-broken.txt: coder failed: RuntimeError('coder broke on this article')" in (
        coded.stderr)
    assert "1 of 3 documents failed" in coded.stderr
    refs = {json.loads(line)["doc_ref"] for line in coded.stdout.splitlines()}
    assert refs == {str(folder / "a-good.txt"), str(folder / "c-good.txt")}

    db = tmp_path / "f.duckdb"
    stored = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert stored.exit_code == 1
    assert "1 of 3 documents failed" in stored.stderr
    with open_store(db) as store:
        (error,) = store.errors().to_pylist()
        assert store.count("articles") == 2
    assert error["input"] == str(folder / "b-broken.txt")
    assert error["code"] == "coder-error" and "coder broke" in error["reason"]


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_coded_whole(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-long.txt").write_text(long_article(1_000_001), encoding="utf-8")
    (folder / "b-good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "f.duckdb"
    report = ingest_paths([folder], db, date="2025-03-04")
    assert (report.articles_new, report.errors) == (2, ())
    with open_store(db) as store:
        texts = {r["article_id"]: r["text"] for r in store.articles().to_pylist()}
        found = list(store.iter_events())
    (long_id,) = (a for a, t in texts.items() if len(t) > 1_000_000)
    in_long = [e for e in found if e.article_id == long_id]
    assert len({e.event_id for e in found}) == len(found)
    # Every paragraph is a meeting: events come from the whole text, the last piece included,
    # and each one's offsets point at its sentence in the full article.
    assert max(e.evidence.start for e in in_long) > 990_000
    assert len(in_long) > 5_000
    for event in in_long:
        assert texts[long_id][event.evidence.start:event.evidence.end] == event.evidence.sentence


def test_no_documents_found_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for command in (["code", str(empty)], ["ingest", str(empty), "--db",
                                            str(tmp_path / "f.duckdb")]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1, command
        assert "no documents found" in result.stderr
