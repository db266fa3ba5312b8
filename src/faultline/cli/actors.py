"""``faultline actors TEXT`` and ``faultline eval actors``: check how mentions are coded."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from faultline.cli.app import app, eval_app
from faultline.cli.code import ActorsOption, check_date
from faultline.cli.evaluate import DEFAULT_EVAL_DIR, EVAL_DIR_ENV, require_eval_file

if TYPE_CHECKING:
    from faultline.evaluation.actors import DevReport

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
    dev_set: Annotated[Path | None, typer.Option(
        help="Our development set of dated mentions (default: eval/actors/mentions.tsv of "
        "the repository).")] = None,
    misses: Annotated[bool, typer.Option(help="List the development set's misses.")] = False,
) -> None:
    """Score the actor resolver on our development set (per category) and, when the folder is
    there, on the PLOVER gold records' actors."""
    from faultline.evaluation.actors import DEV_SET, evaluate_actors, evaluate_dev_set

    dev_path = dev_set or DEV_SET
    if not dev_path.is_file():  # an installed package has no development set
        require_eval_file(eval_dir, "plover-gsr/records.jsonl")
    else:
        _print_dev(evaluate_dev_set(dev_path), misses)
    if not (eval_dir / "plover-gsr" / "records.jsonl").is_file():
        return
    report = evaluate_actors(eval_dir)
    table = Table(title="Actor resolution accuracy (PLOVER gold actors)")
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


def _print_dev(report: DevReport, misses: bool) -> None:
    for title, slices in (("category", report.categories), ("continent", report.continents)):
        table = Table(title=f"Development set by {title} (country, role, full code, abstention,"
                      " wrong country)")
        for column in (title, "country", "role", "code", "abstained", "wrong country"):
            table.add_column(column, justify="left" if column == title else "right")
        for name, scores in [*sorted(slices.items()), ("all", report.overall)]:
            table.add_row(name, *(str(s) if s.total else "—" for s in (
                scores.country, scores.role, scores.code, scores.abstained,
                scores.wrong_country)))
        stdout.print(table)
    if misses:
        table = Table(title="Misses (full code)")
        for column in ("category", "mention", "gold", "ours"):
            table.add_column(column)
        for row in report.misses:
            table.add_row(*row)
        stdout.print(table)
