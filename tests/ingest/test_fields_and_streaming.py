"""Field names users have, streaming whatever the file size, tar archives, paths read once."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from faultline.clean.metadata import parse_date
from faultline.errors import InputError
from faultline.ingest import feeds, jsonl, read
from faultline.ingest.fields import ALIASES, FieldMap, parse_fields
from faultline.model import RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_common_names_for_every_field(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "export.jsonl", [
        {"link": "https://x.example/1", "headline": "Benin and Togo meet", "date": "2024-05-01",
         "body": "Benin met Togo.", "source": {"id": "x", "name": "Coast Wire"}, "lang": "en"},
        {"doc_id": 7, "content": "Chad met Sudan.", "publish_date": "3 March 2024"},
        {"full_text": "Mali met Niger.", "timestamp": 1712880000, "outlet": "Sahel Post",
         "source": "ignored: outlet comes first"},
        {"text": "Ghana met Togo.", "pubdate": "Tue, 02 Apr 2024 10:00:00 GMT"},
    ])
    first, second, third, fourth = read([path])
    assert isinstance(first, RawDocument)
    assert (first.doc_ref, first.url, first.title, first.outlet) == (
        "https://x.example/1", "https://x.example/1", "Benin and Togo meet", "Coast Wire")
    assert first.published == "2024-05-01" and first.meta == {"lang": "en"}
    assert isinstance(second, RawDocument) and second.doc_ref == "7"
    assert parse_date(second.published) == "2024-03-03"
    assert isinstance(third, RawDocument) and third.outlet == "Sahel Post"
    assert parse_date(third.published) == "2024-04-12"
    assert isinstance(fourth, RawDocument) and parse_date(fourth.published) == "2024-04-02"


def test_order_of_preference_and_own_keys(tmp_path: Path) -> None:
    record = {"published": "2024-01-01", "date": "2024-02-02", "story": "Benin met Togo.",
              "text": "short"}
    path = _jsonl(tmp_path / "own.jsonl", [record])
    (default,) = read([path])
    assert isinstance(default, RawDocument)
    assert default.published == "2024-01-01" and default.content == "short"
    (own,) = read([path], fields=parse_fields(["date=date", "body=story"]))
    assert isinstance(own, RawDocument)
    assert own.published == "2024-02-02" and own.content == "Benin met Togo."


def test_bad_field_option_is_named() -> None:
    with pytest.raises(ValueError, match="colour=x"):
        parse_fields(["colour=x"])
    with pytest.raises(ValueError, match="FIELD=KEY"):
        parse_fields(["date"])


def test_aliases_documented_order() -> None:
    assert ALIASES["published"][:6] == ("published", "date", "publish_date", "pubdate",
                                        "published_at", "date_publish")
    assert FieldMap({"published": "when"}).keys("published")[:2] == ("when", "published")


def test_jsonl_is_streamed_and_the_limit_is_per_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_DOCUMENT_BYTES", 200)
    records = [{"id": f"r{n}", "text": f"Record {n}: Benin met Togo."} for n in range(50)]
    records[10]["text"] = "x" * 500  # one record over the limit
    path = _jsonl(tmp_path / "big.jsonl", records)
    assert path.stat().st_size > 200 * 10  # the file is far over the per-document limit
    found = list(read([path]))
    assert len(found) == 50
    errors = [f for f in found if isinstance(f, InputError)]
    assert [(e.source, e.code) for e in errors] == [(f"{path}#11", "size")]
    assert found[11].doc_ref == "r11"  # type: ignore[union-attr]


def test_stray_bytes_in_a_json_line_are_noted(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Lom\xe9 talks"}\n{"id": "b", "text": "ok"}\n')
    first, second = read([path])
    assert isinstance(first, RawDocument) and first.content == "Lomé talks"
    assert first.notes == ("decoded as cp1252 (not UTF-8)",)
    assert isinstance(second, RawDocument) and second.notes == ()


def _rss(items: int, body: str = "Benin met Togo on Monday.") -> bytes:
    entries = "".join(
        f"<item><title>T{n}</title><link>https://f.example/{n}</link>"
        f"<description>{body} ({n})</description></item>" for n in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Feed</title>'
            f"{entries}</channel></rss>").encode()


def test_large_feed_is_streamed_entry_by_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.rss"
    path.write_bytes(_rss(40))
    whole = list(read([path]))
    monkeypatch.setattr(feeds, "MAX_DOCUMENT_BYTES", 400)
    streamed = list(read([path]))
    assert len(streamed) == 40
    assert all(isinstance(d, RawDocument) for d in streamed)
    assert [(d.doc_ref, d.title, d.content, d.outlet) for d in streamed] == [  # type: ignore
        (d.doc_ref, d.title, d.content, d.outlet) for d in whole]  # type: ignore[union-attr]


def test_streamed_feed_entry_over_the_limit_is_its_own_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _rss(5).replace(b"(2)", b"x" * 600)
    path = tmp_path / "one-big.rss"
    path.write_bytes(data)
    monkeypatch.setattr(feeds, "MAX_DOCUMENT_BYTES", 400)
    found = list(read([path]))
    assert [type(f).__name__ for f in found] == ["RawDocument"] * 2 + ["InputError"] + \
        ["RawDocument"] * 2
    assert found[2].code == "size"  # type: ignore[union-attr]


def _tar(path: Path, mode: str) -> Path:
    with tarfile.open(path, mode) as archive:
        for name, data in (("a/one.txt", b"Benin met Togo."),
                           ("b/rows.jsonl", b'{"id": "j1", "text": "Chad met Sudan."}\n')):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("c/link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    return path


@pytest.mark.parametrize(("name", "mode"), [("news.tar", "w"), ("news.tar.gz", "w:gz"),
                                            ("news.tgz", "w:gz"), ("noext", "w:gz")])
def test_tar_archives_are_read_like_zip(tmp_path: Path, name: str, mode: str) -> None:
    path = _tar(tmp_path / name, mode)
    found = list(read([path]))
    assert [d.doc_ref for d in found] == [f"{path}!a/one.txt", "j1"]  # type: ignore[union-attr]
    assert found[0].content == b"Benin met Togo."  # type: ignore[union-attr]


def test_truncated_tar_keeps_what_came_before(tmp_path: Path) -> None:
    path = _tar(tmp_path / "cut.tar.gz", "w:gz")
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    found = list(read([path]))
    assert isinstance(found[-1], InputError) and found[-1].code == "truncated"
    assert str(path) in found[-1].source


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Benin met Togo.", encoding="utf-8")
    (folder / "b.txt").write_text("Chad met Sudan.", encoding="utf-8")
    found = list(read([folder / "a.txt", folder, tmp_path / "corpus" / ".." / "corpus"]))
    assert [Path(d.doc_ref).name for d in found] == ["a.txt", "b.txt"]  # type: ignore[union-attr]
