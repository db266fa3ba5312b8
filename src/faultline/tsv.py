"""Reading the project's reviewable TSV data files: one parser, line numbers kept for errors."""

from __future__ import annotations

from importlib import resources

from faultline.errors import FaultlineError


class DataFileError(FaultlineError):
    """A broken row in a data file; the message names the file and the line."""


def parse_rows(filename: str, text: str, *, pad: bool = False) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of TSV text with a header; ``#`` lines are comments.

    ``pad`` fills missing trailing cells with "" (tables whose last columns are optional);
    otherwise a row with the wrong number of cells raises DataFileError naming file:line.
    """
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if pad and len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise DataFileError(
                f"{filename}:{number}: expected {len(header)} columns, got {len(cells)}")
        rows.append((number, dict(zip(header, cells, strict=True))))
    return rows


def package_rows(package: str, filename: str, *, pad: bool = False
                 ) -> list[tuple[int, dict[str, str]]]:
    """Rows of ``data/<filename>`` shipped inside ``package``."""
    text = resources.files(package).joinpath(f"data/{filename}").read_text("utf-8")
    return parse_rows(filename, text, pad=pad)
