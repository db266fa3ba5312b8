"""``faultline code`` (code files without a database) and ``--version``."""

from __future__ import annotations

from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from faultline import __version__
from faultline.clean.metadata import valid_iso_date
from faultline.cli.app import app
from faultline.cli.output import EventFormat, explain_events, write_events
from faultline.ingest import FORMATS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from faultline.engine import Engine
    from faultline.engine.parquet import PartWriter
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


def check_fields(values: list[str] | None) -> list[str] | None:
    from faultline.ingest.fields import parse_fields

    try:
        parse_fields(values or [])
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e
    return values


FieldOption = Annotated[list[str] | None, typer.Option(
    "--field", metavar="FIELD=KEY", callback=check_fields,
    help="Read FIELD (date, text, title, url, id, outlet, html) from the JSON Lines key or CSV "
         "column KEY; repeatable. Common names are found without it.")]


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1,
    help="Processes (local) or Dask workers (LocalCluster) that parse and code; default: the "
         "number of cores, or 1 for a small input. The output is the same for any number.")]
EngineOption = Annotated[EngineName, typer.Option(
    "--engine", help="local: processes on this machine; dask: a Dask cluster.")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Dask scheduler address (tcp://host:8786); none starts a LocalCluster.")]


def engine_for(name: EngineName, workers: int | None, scheduler: str | None) -> Engine:
    """The engine the options ask for; --scheduler needs --engine dask."""
    from faultline.engine import Engine

    if scheduler is not None and name is not EngineName.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    return Engine(name.value, workers, scheduler)


def engine_guard(results: Iterator[DocResult]) -> Iterator[DocResult]:
    """The results; an engine that cannot start is one line on stderr and exit code 2."""
    from faultline.errors import EngineError

    try:
        yield from results
    except EngineError as e:
        stderr.print(f"faultline: {e}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from e


def warn_undated(articles: int, undated: int) -> None:
    """One warning when most articles have no publication date."""
    from faultline.ingest.fields import undated_warning

    message = undated_warning(articles, undated)
    if message:
        stderr.print(f"faultline: warning: {message}", markup=False, highlight=False,
                     soft_wrap=True)


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
    field: FieldOption = None,
    workers: WorkersOption = None,
    engine: EngineOption = EngineName.local,
    scheduler: SchedulerOption = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Print each event with the lexicon row, argument strategies, "
                          "modality and time cues that produced it (instead of --format).")
    ] = False,
    actors: ActorsOption = None,
    out: Annotated[Path | None, typer.Option(
        "--out", file_okay=False, help="Write the events as Parquet parts into this folder "
        "(the columns of `faultline export --format parquet`, one part per 2,048 input "
        "documents, in input order) instead of printing them.")] = None,
) -> None:
    """Code articles and print their events (schema v1); no database involved."""
    from faultline.ingest import read
    from faultline.ingest.fields import parse_fields
    from faultline.pipeline import code_documents  # spaCy loads only when a command needs it

    if out is not None and explain:
        raise typer.BadParameter("--explain prints; it cannot go with --out", param_hint="--out")
    with part_writer(out) if out is not None else nullcontext() as parts:
        failed, documents = _code_all(
            code_documents(read(paths, fmt=format_in, fields=parse_fields(field or [])),
                           date=date, engine=engine_for(engine, workers, scheduler)),
            fmt, min_confidence, explain, parts)
    if parts is not None:
        stderr.print(f"faultline: {parts.events} events in {parts.parts} Parquet parts in {out}",
                     markup=False, highlight=False, soft_wrap=True)
    if documents == 0:
        stderr.print("faultline: no documents found", markup=False, highlight=False)
    elif failed:
        stderr.print(f"faultline: {failed} of {documents} documents failed", markup=False,
                     highlight=False)
    raise typer.Exit(1 if failed or documents == 0 else 0)


def part_writer(out: Path) -> PartWriter:
    """The Parquet part writer for ``--out``; a folder that cannot take parts exits 2."""
    from faultline.engine.parquet import PartsError, PartWriter

    try:
        return PartWriter(out)
    except (PartsError, OSError) as e:
        stderr.print(f"faultline: {e}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from e


def _code_all(results: Iterator[DocResult], fmt: EventFormat, min_confidence: float,
              explain: bool, parts: PartWriter | None) -> tuple[int, int]:
    """Print (or write to Parquet parts) each document's events; (failed, documents)."""
    failed = articles = undated = documents = 0
    coded = []
    for result in engine_guard(results):
        documents += 1
        if result.article is not None:
            articles += 1
            undated += result.article.published is None
        if result.error is not None:
            report_error(result)
            failed += 1
            if parts is not None:
                parts.add([])
            continue
        kept = [e for e in result.events if e.confidence >= min_confidence]
        if parts is not None:
            parts.add(kept)
        elif explain:
            explain_events(kept, stdout)
        elif fmt is EventFormat.table:
            coded.extend(kept)
        else:
            write_events(kept, fmt, stdout)
    if fmt is EventFormat.table and not explain and parts is None:
        write_events(coded, fmt, stdout)
    warn_undated(articles, undated)
    return failed, documents
