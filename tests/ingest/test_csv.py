"""CSV reader: a named text column, optional metadata columns, one error for a missing column."""

from __future__ import annotations

from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.csv import read_csv
from faultline.ingest.fields import parse_fields
from faultline.model import RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


def test_rows_become_documents_with_their_columns() -> None:
    found = list(read_csv(FIXTURES / "wires.csv"))
    first, second, third = found
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.doc_ref == "w-1"
    assert first.title == "Senegal and Gambia open bridge talks"
    assert first.url == "https://wire.example/w-1"
    assert first.published == "2025-04-02"
    assert first.outlet == "Coastal Wire"
    assert first.meta == {"section": "politics"}
    assert "\n\nThe talks continue" in first.content  # multi-line cell kept whole
    assert second.doc_ref.endswith("wires.csv#2")  # no id and no url: file and row
    assert isinstance(third, InputError) and third.code == "empty"


def test_common_column_names_are_found() -> None:
    (doc,) = read_csv(FIXTURES / "body-column.csv")  # headline,body
    assert isinstance(doc, RawDocument)
    assert doc.content.startswith("N'DJAMENA")
    assert doc.title == "Chad buys grain"
    assert doc.meta == {}


def test_own_column_names_and_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("ref,story,when\nr1,Ghana met Togo.,2025-03-04\n", encoding="utf-8")
    (error,) = read_csv(path)
    assert isinstance(error, InputError)
    assert error.code == "no-text-column"
    assert "ref, story, when" in error.reason and "body" in error.reason
    (doc,) = read_csv(path, parse_fields(["text=story", "date=when", "id=ref"]))
    assert isinstance(doc, RawDocument)
    assert (doc.doc_ref, doc.content, doc.published) == ("r1", "Ghana met Togo.", "2025-03-04")


def test_tsv_and_invalid_utf8(tmp_path: Path) -> None:
    tsv = tmp_path / "rows.tsv"
    tsv.write_text("id\ttext\nt1\tBenin and Togo met.\n", encoding="utf-8")
    (doc,) = read_csv(tsv)
    assert isinstance(doc, RawDocument) and doc.content == "Benin and Togo met."
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"id,text\nu1,Lom\xc3\xa9 talks\nb1,caf\xe9 broken\n")
    good, bad = read_csv(mixed)
    assert isinstance(good, RawDocument) and good.notes == ()
    assert isinstance(bad, RawDocument) and bad.content == "café broken"
    assert bad.notes == ("decoded as cp1252 (not UTF-8)",)


def test_vanished_file(tmp_path: Path) -> None:
    (error,) = read_csv(tmp_path / "gone.csv")
    assert isinstance(error, InputError) and error.code == "unreadable"
