"""``faultline demo``: ingest the bundled sample corpus into a store and show what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from faultline.cli.app import app
from faultline.cli.output import events_table
from faultline.cli.store import DbOption, _open, _summary, run_ingest
from faultline.store.db import DEFAULT_DB, event_from_row

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
stdout = Console()


@app.command()
def demo(
    db: DbOption = Path(DEFAULT_DB),
    sample: Annotated[Path, typer.Option(help="Folder of sample articles.")] = SAMPLE_DIR,
) -> None:
    """Ingest the bundled sample articles into a DuckDB store and print what was found."""
    if not sample.is_dir():
        Console(stderr=True).print(
            f"faultline: {sample}: sample corpus not found (it ships inside the package: "
            "reinstall faultline)",
            markup=False)
        raise typer.Exit(2)
    _summary(run_ingest([str(sample)], db))
    with _open(db) as store:
        events = [event_from_row(row) for row in store.events(counted=True).to_pylist()]
        dyads = store.dyads().to_pylist()
    stdout.print(events_table(events, title=f"{len(events)} counted events: one per story; "
                                            "negated and hypothetical ones stay in the store"))
    table = Table(title="Top dyads (one event per story)")
    for column in ("source", "target", "events", "cooperation", "conflict", "mean Goldstein",
                   "stories", "first", "last"):
        table.add_column(column)
    for row in dyads:
        table.add_row(*("—" if v is None else str(v) for v in row.values()))
    stdout.print(table)
    stdout.print(
        f"Explore: [bold]faultline events --db {db} --format table[/bold] · "
        f"[bold]faultline stories --db {db} --format table[/bold] · "
        f"[bold]faultline dyad BEN NER --db {db} --format chart[/bold] · "
        f"[bold]faultline alerts --db {db}[/bold] · "
        f"[bold]faultline export --db {db} --format gdelt --out events.tsv[/bold]")
    stdout.print("See it in the dashboard (http://127.0.0.1:8000/):")
    stdout.print(f"faultline serve --db {db}", markup=False, highlight=False, soft_wrap=True)
