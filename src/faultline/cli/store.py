"""``faultline ingest``, ``stories``, ``events`` and ``export``: thin commands over the store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from faultline.cli.app import app
from faultline.cli.code import (
    ActorsOption,
    EngineName,
    EngineOption,
    FieldOption,
    SchedulerOption,
    WorkersOption,
    check_date,
    check_format_in,
    engine_for,
    warn_undated,
)
from faultline.cli.output import EventFormat, write_events
from faultline.errors import EngineError
from faultline.store.db import DEFAULT_DB, EventFilter, StoreError, open_store
from faultline.store.export import ExportFormat, export

if TYPE_CHECKING:
    from faultline.engine import Engine
    from faultline.store.db import Store
    from faultline.store.ingest import IngestProgress, IngestReport

stdout = Console()
stderr = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
SourceOption = Annotated[str | None, typer.Option(help="Source actor code prefix (NER, NERGOV).")]
TargetOption = Annotated[str | None, typer.Option(help="Target actor code prefix.")]
CameoOption = Annotated[str | None, typer.Option(help="CAMEO code prefix (07, 072).")]
SinceOption = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.",
                                                 callback=check_date)]
UntilOption = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.",
                                                 callback=check_date)]
PloverOption = Annotated[str | None, typer.Option(help="PLOVER event type (CONSULT, ASSAULT).")]
MinConfidenceOption = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Drop events below this confidence.")]
CountedOnlyOption = Annotated[bool, typer.Option(
    "--counted-only", help="Only events the counting rule counts (not negated or hypothetical).")]
# Reading every input once to count documents costs little next to coding them.
COUNT_FIRST = True


def _fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"faultline: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _open(db: Path) -> Store:
    try:
        return open_store(db)
    except StoreError as e:
        raise _fail(str(e)) from e


def _count(paths: list[str], fmt: str | None, text_column: str,
           fields: list[str] | None = None) -> int | None:
    if "-" in paths or not COUNT_FIRST:
        return None
    from faultline.ingest.fields import parse_fields
    from faultline.store.ingest import read_inputs

    return sum(1 for _ in read_inputs(paths, fmt, text_column, parse_fields(fields or [])))


def _summary(report: IngestReport) -> None:
    table = Table(title=f"ingest into {report.db_path} ({report.status})", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in (
        ("documents read", report.documents),
        ("articles new", report.articles_new),
        ("articles skipped (already stored)", report.articles_skipped),
        ("exact copies (extra sources)", report.duplicates),
        ("events", report.events),
        ("stories new / total", f"{report.stories_new} / {report.stories_total}"),
        ("errors", len(report.errors)),
        ("elapsed", f"{report.elapsed:.1f} s"),
        ("rate", f"{report.rate:.1f} documents/s"),
    ):
        table.add_row(label, str(value))
    stdout.print(table)
    for error in report.errors:
        where = error.record or error.input
        stderr.print(f"faultline: {where}: {error.reason} [{error.code}]", markup=False,
                     highlight=False, soft_wrap=True)


def run_ingest(paths: list[str], db: Path, format_in: str | None = None,
               date: str | None = None, text_column: str = "text",
               fields: list[str] | None = None, engine: Engine | None = None) -> IngestReport:
    """Ingest with a progress bar (documents, events, errors, rate, ETA); shared with demo."""
    from faultline.ingest.fields import parse_fields
    from faultline.store.ingest import ingest_paths

    total = _count(paths, format_in, text_column, fields)
    columns = [TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[status]}"), TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task("ingest", total=total, status="")

        def progress(p: IngestProgress) -> None:
            rate = p.documents / p.elapsed if p.elapsed else 0.0
            bar.update(task, completed=p.documents, status=(
                f"{p.articles_new} new · {p.articles_skipped} skipped · {p.events} events · "
                f"{p.errors} errors · {rate:.1f} docs/s"))

        try:
            return ingest_paths(paths, db, fmt=format_in, date=date, progress=progress,
                                text_column=text_column, fields=parse_fields(fields or []),
                                engine=engine)
        except KeyboardInterrupt:
            raise _fail("interrupted; committed batches are kept: run the same command to "
                        "continue", 130) from None
        except (StoreError, EngineError) as e:
            raise _fail(str(e)) from e


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, archives, or -.")],
    db: DbOption = Path(DEFAULT_DB),
    format_in: Annotated[str | None, typer.Option(
        "--format-in", help="Force the input format.", callback=check_format_in)] = None,
    date: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD (overrides the articles').",
        callback=check_date)] = None,
    text_column: Annotated[str, typer.Option(
        "--text-column", help="CSV column holding the article text.")] = "text",
    field: FieldOption = None,
    workers: WorkersOption = None,
    engine: EngineOption = EngineName.local,
    scheduler: SchedulerOption = None,
    actors: ActorsOption = None,
) -> None:
    """Code documents into the store; safe to re-run, and a stopped run continues where it was."""
    report = run_ingest(paths, db, format_in, date, text_column, field,
                        engine_for(engine, workers, scheduler))
    _summary(report)
    warn_undated(report.articles_new, report.undated)
    if report.documents == 0:
        raise _fail("no documents found", 1)
    if report.errors:
        raise _fail(f"{len(report.errors)} of {report.documents} documents failed "
                    "(listed above, and in the store's errors table)", 1)


class StoryFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def stories(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[StoryFormat, typer.Option("--format", help="Output format.")] = (
        StoryFormat.jsonl),
) -> None:
    """List stories: every input document, article, title and outlet that carried each one."""
    with _open(db) as store:
        found = list(store.iter_stories())
    if fmt is StoryFormat.jsonl:
        for story in found:
            sys.stdout.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(found)} stories", show_lines=True, expand=True)
    for name in ("story", "first seen", "documents", "outlets", "title"):
        table.add_column(name)
    for story in found:
        table.add_row(story.story_id, story.first_seen or "—", str(len(story.doc_refs)),
                      ", ".join(story.outlets) or "—", story.titles[0] if story.titles else "—")
    stdout.print(table)


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    source: SourceOption = None, target: TargetOption = None, cameo: CameoOption = None,
    since: SinceOption = None, until: UntilOption = None, plover: PloverOption = None,
    min_confidence: MinConfidenceOption = None, counted_only: CountedOnlyOption = False,
    fmt: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = (
        EventFormat.jsonl),
) -> None:
    """Print stored events (schema v1), filtered."""
    where = EventFilter(source, target, cameo, since, until, plover=plover,
                        min_confidence=min_confidence, counted_only=counted_only)
    with _open(db) as store:
        write_events(store.iter_events(where), fmt, stdout)


@app.command("export")
def export_command(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Export format.")] = (
        ExportFormat.jsonl),
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = (
        None),
    source: SourceOption = None, target: TargetOption = None, cameo: CameoOption = None,
    since: SinceOption = None, until: UntilOption = None, plover: PloverOption = None,
    min_confidence: MinConfidenceOption = None, counted_only: CountedOnlyOption = False,
) -> None:
    """Export events: gdelt/plover aggregated by the counting rules; csv/parquet/jsonl all rows."""
    if fmt is ExportFormat.parquet and out is None:
        raise _fail("--format parquet needs --out FILE")
    where = EventFilter(source, target, cameo, since, until, plover=plover,
                        min_confidence=min_confidence, counted_only=counted_only)
    with _open(db) as store:
        rows = export(store, fmt, out, where)
    if out is not None:
        stderr.print(f"{rows} rows written to {out}", markup=False, highlight=False)
