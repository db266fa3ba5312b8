"""Events of a store-less run as Parquet parts (``faultline code --out DIR``).

The driver writes the parts, in input order, as coded batches come back from whichever
engine coded them (local processes or a Dask cluster): workers need no shared file system, and
the parts hold the events ``--format jsonl`` prints, in the same order. A part holds the events
of ``PART_DOCUMENTS`` consecutive input documents (a partition of the input); its columns are
the store's ``events`` table, those of ``faultline export --format parquet``, so every part has
the same schema, an empty one too. A part is written under a hidden temporary name and
renamed, so readers of the folder (pyarrow, DuckDB's ``*.parquet``) see whole parts only.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.parquet as pq

from faultline.errors import FaultlineError
from faultline.model import Event

# Input documents per part: about 1 MB of Parquet on news (a few events per article), few
# enough files for a million articles, and at most this many documents' events held in memory.
PART_DOCUMENTS = 2048
PART_GLOB = "part-*.parquet"


class PartsError(FaultlineError):
    """The output folder cannot take the parts (it holds an earlier run's, or is a file)."""


def part_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


class PartWriter:
    """Collects documents' events and writes one part per ``part_documents`` documents."""

    def __init__(self, folder: Path, part_documents: int | None = None) -> None:
        from faultline.store.db import open_store

        if folder.exists() and not folder.is_dir():
            raise PartsError(f"{folder}: not a folder")
        if any(folder.glob(PART_GLOB)):
            raise PartsError(f"{folder}: already holds Parquet parts; choose an empty folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.part_documents = part_documents or PART_DOCUMENTS
        self.parts = self.events = 0
        self._documents = 0
        self._rows: list[dict[str, object]] = []
        # The store's schema, in memory: the events table's columns, without its constraints
        # (two copies of one document give the same event ids, as --format jsonl prints them).
        self._schema = open_store(":memory:", write=True)
        self._schema.con.execute("CREATE TABLE part AS SELECT * FROM events LIMIT 0")

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is None and self._documents:
            self._flush()
        self._schema.close()

    def add(self, events: list[Event]) -> None:
        """One input document's events (none for a document that failed or holds none)."""
        self._rows.extend(event.to_flat() for event in events)
        self._documents += 1
        if self._documents == self.part_documents:
            self._flush()

    def _flush(self) -> None:
        con = self._schema.con
        if self._rows:
            con.register("_rows", pa.Table.from_pylist(self._rows))
            con.execute("INSERT INTO part BY NAME SELECT * FROM _rows")
            con.unregister("_rows")
        table = con.sql("SELECT * FROM part").to_arrow_table()
        con.execute("DELETE FROM part")
        path = self.folder / part_name(self.parts)
        partial = path.with_name(f".{path.name}.partial")  # hidden: readers skip it
        pq.write_table(table, partial)
        partial.rename(path)
        self.parts += 1
        self.events += table.num_rows
        self._rows.clear()
        self._documents = 0
