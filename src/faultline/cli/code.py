"""``faultline code`` (code files without a database) and ``--version``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from faultline import __version__
from faultline.clean.metadata import valid_iso_date
from faultline.cli.app import app
from faultline.cli.output import EventFormat, write_events
from faultline.ingest import FORMATS

if TYPE_CHECKING:
    from faultline.pipeline import DocResult

stdout = Console()
stderr = Console(stderr=True)


def _version(show: bool) -> None:
    if show:
        stdout.print(f"faultline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news text into political event data (CAMEO/PLOVER), offline and auditable."""


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return valid_iso_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e


def check_format_in(value: str | None) -> str | None:
    if value is not None and value not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}")
    return value


def report_error(result: DocResult) -> None:
    """One line on stderr naming the input and the reason."""
    assert result.error is not None
    stderr.print(f"faultline: {result.error.source}: {result.error.reason}",
                 markup=False, highlight=False, soft_wrap=True)


def use_actors(files: list[Path] | None) -> list[Path] | None:
    """``--actors``: the user's actor dictionaries, ahead of the built-in knowledge base for
    this run; a line that cannot be used stops the run with its file, line and problem."""
    if files:
        from faultline.actors.kb import use_actor_files
        from faultline.tsv import DataFileError

        try:
            use_actor_files(files)
        except DataFileError as e:
            stderr.print(f"faultline: {e}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from e
    return files


ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Actor dictionary (our TSV or PETRARCH .actors.txt), ahead of the "
    "built-in knowledge base; repeatable.", callback=use_actors)]


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    fmt: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = (
        EventFormat.jsonl),
    date: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD (overrides the article's).",
        callback=check_date)] = None,
    format_in: Annotated[str | None, typer.Option(
        "--format-in", help=f"Force the input format ({'|'.join(FORMATS)}).",
        callback=check_format_in)] = None,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Drop events below this confidence.")] = 0.0,
    actors: ActorsOption = None,
) -> None:
    """Code articles and print their events (schema v1); no database involved."""
    from faultline.pipeline import code_paths  # spaCy loads only when a command needs it

    failed = 0
    coded = []
    for result in code_paths(paths, fmt=format_in, date=date):
        if result.error is not None:
            report_error(result)
            failed += 1
            continue
        kept = [e for e in result.events if e.confidence >= min_confidence]
        if fmt is EventFormat.table:
            coded.extend(kept)
        else:
            write_events(kept, fmt, stdout)
    if fmt is EventFormat.table:
        write_events(coded, fmt, stdout)
    raise typer.Exit(1 if failed else 0)
