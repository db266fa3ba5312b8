"""``faultline actors TEXT`` and ``faultline eval actors``: check how mentions are coded."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from faultline.cli.app import app, eval_app
from faultline.cli.code import ActorsOption, check_date
from faultline.cli.evaluate import DEFAULT_EVAL_DIR, EVAL_DIR_ENV, require_eval_file

stdout = Console()
# Confusion rows shown: enough to see the pattern, short enough for one screen.
WORST_SHOWN = 12


@app.command()
def actors(
    text: Annotated[str, typer.Argument(help="The mention, e.g. \"Niger's junta\".")],
    date: Annotated[str | None, typer.Option(
        help="Date YYYY-MM-DD the mention is read at (offices change).",
        callback=check_date)] = None,
    context: Annotated[str | None, typer.Option(
        help="The surrounding article text, for descriptions and ambiguous names.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    actor_files: ActorsOption = None,
) -> None:
    """Resolve one actor mention to its code, country, role and entity."""
    from faultline.actors import resolve_actor  # spaCy loads only when needed

    actor = resolve_actor(text, date=date, context=context)
    if fmt == "json":
        sys.stdout.write(json.dumps(actor.to_dict() if actor else None, ensure_ascii=False)
                         + "\n")
        return
    if actor is None:
        stdout.print("not an actor")
        return
    table = Table(show_header=False)
    for key, value in actor.to_dict().items():
        table.add_row(key, "—" if value is None else str(value))
    stdout.print(table)


@eval_app.command("actors")
def eval_actors(
    eval_dir: Annotated[Path, typer.Option(
        help="Folder with plover-gsr/.", envvar=EVAL_DIR_ENV)] = DEFAULT_EVAL_DIR,
) -> None:
    """Score the actor resolver on the PLOVER gold records' actors."""
    require_eval_file(eval_dir, "plover-gsr/records.jsonl")
    from faultline.evaluation.actors import evaluate_actors

    report = evaluate_actors(eval_dir)
    table = Table(title="Actor resolution accuracy")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in report.rows():
        table.add_row(name, value)
    stdout.print(table)
    for title, confusion in (("country", report.confusion), ("role", report.role_confusion)):
        worst = Table(title=f"Most frequent {title} confusions (gold → ours)")
        for column in ("gold", "ours", "count"):
            worst.add_column(column)
        for (gold, ours), count in confusion.most_common(WORST_SHOWN):
            worst.add_row(gold, ours, str(count))
        stdout.print(worst)
