"""WARC reader: HTML responses become documents named by URL; truncated files give one error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from faultline.errors import InputError
from faultline.ingest.warc import looks_like_warc, read_warc
from faultline.model import RawDocument

PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>{body}</p></article></body></html>")


def write_warc(path: Path, *, gzip: bool) -> None:
    """A small WARC: two HTML pages, one image, one request record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        pages = [
            ("https://news.example/a", "Guinea port deal",
             "CONAKRY - Guinea signed a port lease with a Turkish firm on Monday."),
            ("https://news.example/b", "Liberia rice prices",
             "MONROVIA - Rice prices in Liberia rose for a third month, traders said."),
        ]
        for url, title, body in pages:
            payload = PAGE.format(title=title, body=body).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."),
            http_headers=image))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b""), http_headers=request))


def test_html_responses_only(tmp_path: Path) -> None:
    for gzip in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
        write_warc(path, gzip=gzip)
        docs = list(read_warc(path))
        assert [d.doc_ref for d in docs] == ["https://news.example/a", "https://news.example/b"]
        assert all(isinstance(d, RawDocument) and d.fmt == "html" for d in docs)
        assert b"Turkish firm" in docs[0].content  # type: ignore[union-attr,operator]


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_earlier_records_and_reports(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / "crawl.warc"
    write_warc(whole, gzip=gzip)
    data = whole.read_bytes()
    second = data.find(b"Liberia rice")  # cut inside the second page's body
    assert second > 0 or gzip
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: second + 5] if not gzip else data[: len(data) // 2])
    found = list(read_warc(cut))
    assert isinstance(found[0], RawDocument)
    assert isinstance(found[-1], InputError)
    assert found[-1].code == "truncated"
    assert found[-1].source.startswith(str(cut))


def test_sniff() -> None:
    assert looks_like_warc(b"WARC/1.1\r\nWARC-Type: warcinfo")
    assert not looks_like_warc(b"<html>")
