"""RSS/Atom reader: entries with links, titles, dates and plain text from their HTML."""

from __future__ import annotations

from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.feeds import html_to_text, looks_like_feed, read_feed
from faultline.model import RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


def test_rss_entries_keep_link_title_date_and_outlet() -> None:
    found = list(read_feed(FIXTURES / "harbour.rss"))
    docs = [d for d in found if isinstance(d, RawDocument)]
    assert [d.doc_ref for d in docs] == [
        "https://ledger.example/2025/05/06/fishing-patrol",
        "https://ledger.example/2025/05/07/port-strike",
    ]
    first = docs[0]
    assert first.title == "Togo and Ghana agree on a joint fishing patrol"
    assert first.published == "2025-05-06"
    assert first.outlet == "Gulf Coast Ledger"
    assert first.content.startswith("LOME - Togo and Ghana agreed")
    assert "\n\nThe first boats" in first.content  # paragraphs survive
    assert "<p>" not in docs[1].content  # the summary is HTML, the document plain text


def test_entry_without_content_is_an_error_and_the_rest_go_on() -> None:
    errors = [e for e in read_feed(FIXTURES / "harbour.rss") if isinstance(e, InputError)]
    assert len(errors) == 1
    assert errors[0].source.endswith("harbour.rss#3")
    assert errors[0].code == "empty"


def test_atom_entry() -> None:
    (doc,) = read_feed(FIXTURES / "inland.atom")
    assert isinstance(doc, RawDocument)
    assert doc.url == "https://courier.example/mali-road"
    assert doc.published == "2025-05-08"
    assert doc.outlet == "Inland Courier"


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not XML at all", encoding="utf-8")
    (error,) = read_feed(path)
    assert isinstance(error, InputError)
    assert error.code == "bad-feed"


def test_sniffing_and_fragments() -> None:
    assert looks_like_feed((FIXTURES / "harbour.rss").read_bytes())
    assert looks_like_feed((FIXTURES / "inland.atom").read_bytes())
    assert not looks_like_feed(b"<html><body><p>hello</p></body></html>")
    assert html_to_text("<p>One.</p><p>Two <b>bold</b>.</p>") == "One.\n\nTwo bold."
