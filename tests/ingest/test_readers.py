"""Readers: formats are sniffed, bad records become errors, and the rest of a batch goes on."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from faultline.errors import InputError
from faultline.ingest import read, sniff
from faultline.model import RawDocument


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_directory_is_walked_recursively_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Mali expelled the envoy.")
    write(tmp_path / "sub" / "a.html", "<html><body><p>Benin hosted talks.</p></body></html>")
    write(tmp_path / ".hidden" / "x.txt", "skip me")
    docs = list(read([tmp_path]))
    assert [d.doc_ref for d in docs] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.html")]
    assert [d.fmt for d in docs] == ["text", "html"]


def test_jsonl_records_keep_metadata_and_bad_lines_are_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n1", "text": "Togo met Ghana.", "title": "T", "published": "2025-01-02",
                    "outlet": "Wire", "section": "Africa"}),
        "{not json",
        json.dumps({"url": "https://example.org/x", "html": "<p>Chad met Sudan.</p>"}),
        json.dumps({"title": "no body"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    docs = list(read([path]))
    first, broken, second, empty = docs
    assert isinstance(first, RawDocument) and first.doc_ref == "n1"
    assert first.meta == {"section": "Africa"} and first.published == "2025-01-02"
    assert isinstance(broken, InputError) and broken.source == f"{path}#2"
    assert "not JSON" in broken.reason
    assert isinstance(second, RawDocument) and second.doc_ref == "https://example.org/x"
    assert second.fmt == "html"
    assert isinstance(empty, InputError) and empty.source == f"{path}#4"


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    (error,) = list(read([tmp_path / "nope.txt"]))
    assert isinstance(error, InputError) and "no such file" in error.reason


def test_sniffing_by_content_when_extension_says_nothing(tmp_path: Path) -> None:
    assert sniff(write(tmp_path / "a", "<!DOCTYPE html><html></html>")) == "html"
    assert sniff(write(tmp_path / "b", '{"id": 1, "text": "x"}\n')) == "jsonl"
    assert sniff(write(tmp_path / "c", "Plain words.")) == "text"


def test_forced_format_wins(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", "<p>Chad met Sudan.</p>")
    (doc,) = list(read([path], fmt="html"))
    assert isinstance(doc, RawDocument) and doc.fmt == "html"
    with pytest.raises(ValueError, match="unknown input format"):
        list(read([path], fmt="pdf"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"id": "s1", "text": "Chad met Sudan."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = list(read(["-"]))
    assert isinstance(doc, RawDocument) and doc.doc_ref == "s1"


def test_every_format_is_reached_through_read(tmp_path: Path) -> None:
    import gzip

    write(tmp_path / "a.csv", "id,text,outlet\nc1,Mali expelled the envoy.,Wire\n")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"Benin hosted talks with Togo."))
    write(tmp_path / "c.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
          "<item><title>T</title><link>https://example.org/x</link>"
          "<description>Chad met Sudan in Khartoum.</description></item></channel></rss>")
    docs = list(read([tmp_path]))
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert [d.doc_ref for d in docs] == ["c1", str(tmp_path / "b.txt.gz"), "https://example.org/x"]
    assert sniff(tmp_path / "b.txt.gz") == "gzip" and sniff(tmp_path / "c.rss") == "feed"


def test_csv_text_column_is_chosen(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", "id,story\nr1,Ghana met Togo.\n")
    (doc,) = list(read([path], text_column="story"))
    assert isinstance(doc, RawDocument) and doc.doc_ref == "r1"
    (error,) = list(read([path]))
    assert isinstance(error, InputError) and "text" in error.reason
