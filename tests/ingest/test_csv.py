"""CSV reader: a named text column, optional metadata columns, one error for a missing column."""

from __future__ import annotations

from pathlib import Path

from faultline.errors import InputError
from faultline.ingest.csv import read_csv
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


def test_other_text_column() -> None:
    (doc,) = read_csv(FIXTURES / "body-column.csv", text_column="body")
    assert isinstance(doc, RawDocument)
    assert doc.content.startswith("N'DJAMENA")
    assert doc.meta == {"headline": "Chad buys grain"}


def test_missing_text_column_is_one_error() -> None:
    (error,) = read_csv(FIXTURES / "body-column.csv")
    assert isinstance(error, InputError)
    assert error.code == "no-text-column"
    assert "headline, body" in error.reason


def test_tsv_and_invalid_utf8(tmp_path: Path) -> None:
    tsv = tmp_path / "rows.tsv"
    tsv.write_text("id\ttext\nt1\tBenin and Togo met.\n", encoding="utf-8")
    (doc,) = read_csv(tsv)
    assert isinstance(doc, RawDocument) and doc.content == "Benin and Togo met."
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"id,text\nb1,caf\xe9 \xff\xfe broken\n")
    assert [type(d) for d in read_csv(bad)] == [InputError]


def test_vanished_file(tmp_path: Path) -> None:
    (error,) = read_csv(tmp_path / "gone.csv")
    assert isinstance(error, InputError) and error.code == "unreadable"
