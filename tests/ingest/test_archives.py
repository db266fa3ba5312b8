"""gzip and zip inputs: inner format from the inner name, streamed; damage reported, not raised."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.archives import inner_format, read_gzip, read_zip
from faultline.model import RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"
LINES = [
    {"id": "g1", "text": "Cameroon and Chad agreed on Monday to share border patrol costs."},
    {"id": "g2", "text": "Officials in Ghana said on Friday that the cocoa harvest was late."},
]


def _jsonl() -> bytes:
    return ("\n".join(json.dumps(line) for line in LINES) + "\n").encode("utf-8")


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl()))
    docs = list(read_gzip(path))
    assert [d.doc_ref for d in docs] == ["g1", "g2"]


def test_gzipped_text_and_csv(tmp_path: Path) -> None:
    text = tmp_path / "story.txt.gz"
    text.write_bytes(gzip.compress(b"Sierra Leone held a vote on Saturday."))
    (doc,) = read_gzip(text)
    assert isinstance(doc, RawDocument) and doc.fmt == "text" and doc.doc_ref == str(text)
    table = tmp_path / "wires.csv.gz"
    table.write_bytes(gzip.compress((FIXTURES / "wires.csv").read_bytes()))
    first = next(read_gzip(table))
    assert isinstance(first, RawDocument) and first.doc_ref == "w-1"


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    body = "".join(
        json.dumps({"id": f"n{i}", "text": f"Report {i}: Chad and Niger met on day {i}."}) + "\n"
        for i in range(400)).encode("utf-8")
    path = tmp_path / "cut.jsonl.gz"
    packed = gzip.compress(body)
    path.write_bytes(packed[: len(packed) // 2])
    found = list(read_gzip(path))
    assert isinstance(found[-1], InputError) and found[-1].code == "truncated"
    assert sum(isinstance(d, RawDocument) for d in found) > 0


def test_zip_members_in_name_order(tmp_path: Path) -> None:
    path = tmp_path / "corpus.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("b/story.html", "<html><body><p>Togo held talks.</p></body></html>")
        archive.writestr("a/news.jsonl", _jsonl())
        archive.writestr("c/feed.rss", (FIXTURES / "harbour.rss").read_bytes())
        archive.writestr("README.md", "about this corpus")
        archive.writestr("d/inner.zip", b"PK")
    found = list(read_zip(path))
    refs = [d.doc_ref if isinstance(d, RawDocument) else d.source for d in found]
    assert refs[:3] == ["g1", "g2", f"{path}!b/story.html"]
    assert "https://ledger.example/2025/05/06/fishing-patrol" in refs
    assert not any("README" in r for r in refs)
    nested = [d for d in found if isinstance(d, InputError) and d.code == "format"]
    assert [e.source for e in nested] == [f"{path}!d/inner.zip"]


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip")
    (error,) = read_zip(path)
    assert isinstance(error, InputError) and error.code == "truncated"


def test_inner_format() -> None:
    assert inner_format("x.jsonl", b"") == "jsonl"
    assert inner_format("x.tsv", b"") == "csv"
    assert inner_format("noext", b"WARC/1.0\r\n") == "warc"
    assert inner_format("noext", b'<?xml version="1.0"?><rss>') == "feed"
    assert inner_format("noext", b"plain words") == "text"
    assert inner_format("x.gz", b"") is None
