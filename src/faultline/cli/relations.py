"""``faultline dyad``, ``alerts`` and ``network``: thin commands over ``faultline.relations``."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from faultline.cli.app import app
from faultline.cli.code import check_date
from faultline.cli.store import DbOption, SinceOption, UntilOption, _open
from faultline.relations import alerts as find_alerts
from faultline.relations import network as build_network
from faultline.relations import network_graphml, network_json, series
from faultline.store.db import DEFAULT_DB

stdout = Console()
# Width of the bar a chart row draws for a mean Goldstein score of +/-10.
CHART_HALF_WIDTH = 15


class SeriesFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    chart = "chart"


class AlertFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class NetworkFormat(StrEnum):
    json = "json"
    graphml = "graphml"


class Freq(StrEnum):
    week = "week"
    month = "month"


class Group(StrEnum):
    country = "country"
    code = "code"


GroupOption = Annotated[Group, typer.Option(
    help="Group actors by country (IGOs and groups by code) or by full actor code.")]


def _write_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})


def _table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for name in rows[0] if rows else ():
        table.add_column(name.replace("_", " "))
    for row in rows:
        table.add_row(*("—" if v is None else ", ".join(v) if isinstance(v, list) else str(v)
                        for v in row.values()))
    return table


def _chart_row(start: str, mean: float | None, low: float | None, high: float | None,
               stories: int) -> Text:
    """One period as a bar left (conflict) or right (cooperation) of a zero axis."""
    line = Text(f"{start} ")
    cells = [" "] * (2 * CHART_HALF_WIDTH + 1)
    cells[CHART_HALF_WIDTH] = "│"
    if mean is not None and low is not None and high is not None:
        scale = CHART_HALF_WIDTH / 10

        def col(value: float) -> int:
            return CHART_HALF_WIDTH + round(value * scale)

        for i in range(col(low), col(high) + 1):
            if cells[i] == " ":
                cells[i] = "·"
        for i in range(min(col(mean), CHART_HALF_WIDTH), max(col(mean), CHART_HALF_WIDTH) + 1):
            cells[i] = "█"
    bar = "".join(cells)
    line.append(bar, style="red" if mean is not None and mean < 0 else "green")
    label = "no events" if mean is None else f"{mean:+.1f} ({low:+.0f}..{high:+.0f})"
    line.append(f" {label} {stories} {'story' if stories == 1 else 'stories'}")
    return line


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(metavar="A",
                                     help="First actor: a country (NER) or actor code.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Second actor.")],
    db: DbOption = Path(DEFAULT_DB),
    freq: Annotated[Freq, typer.Option(help="Period length.")] = Freq.week,
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    group: GroupOption = Group.country,
    since: SinceOption = None, until: UntilOption = None,
    fmt: Annotated[SeriesFormat, typer.Option("--format", help="Output format.")] = (
        SeriesFormat.table),
) -> None:
    """Counted events between two actors per week or month, with story-based intervals."""
    with _open(db) as store:
        periods = series(store, a, b, freq.value, directed=directed, group=group.value,
                         since=since, until=until)
    rows = [p.to_dict() for p in periods]
    if fmt in (SeriesFormat.csv, SeriesFormat.json):
        _write_rows(rows, fmt.value)
        return
    title = f"{a} {'→' if directed else '–'} {b} per {freq.value} (one event per story)"
    if not rows:
        stdout.print(f"No counted events between {a} and {b}.", markup=False)
        return
    if fmt is SeriesFormat.chart:
        stdout.print(Text(f"{a}–{b} per {freq.value}: mean Goldstein (95% interval over "
                          "stories)", style="bold"))
        for p in periods:
            stdout.print(_chart_row(p.start, p.mean_goldstein, p.goldstein_low,
                                    p.goldstein_high, p.stories))
        return
    stdout.print(_table(rows, title))


@app.command()
def alerts(
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[str | None, typer.Option(
        help="Only changes starting on or after YYYY-MM-DD.", callback=check_date)] = None,
    min_stories: Annotated[int, typer.Option(
        "--min-stories", min=2, help="Stories a dyad needs to be tested.")] = 4,
    group: GroupOption = Group.country,
    fmt: Annotated[AlertFormat, typer.Option("--format", help="Output format.")] = (
        AlertFormat.table),
) -> None:
    """Dyads whose weekly relations shifted (CUSUM over independent stories), newest first."""
    with _open(db) as store:
        found = find_alerts(store, since, min_stories, group=group.value)
    rows = [a.to_dict() for a in found]
    if fmt is not AlertFormat.table:
        _write_rows(rows, fmt.value)
        return
    if not rows:
        stdout.print("No alerts: no dyad's relations shifted significantly.", markup=False)
        return
    table = Table(title=f"{len(found)} alerts (CUSUM over independent stories)")
    for name in ("dyad", "change", "week", "size", "before → after", "p", "stories"):
        table.add_column(name, no_wrap=name in ("dyad", "week", "before → after"))
    for x in found:
        table.add_row(f"{x.a}–{x.b}", x.direction, x.week, f"{x.size:+.1f}",
                      f"{x.mean_before:+.1f} → {x.mean_after:+.1f}", f"{x.p_value:.2g}",
                      f"{x.stories_before} → {x.stories_after}")
    stdout.print(table)


@app.command()
def network(
    db: DbOption = Path(DEFAULT_DB),
    since: SinceOption = None, until: UntilOption = None,
    min_events: Annotated[int, typer.Option("--min-events", min=1,
                                            help="Counted events an edge needs.")] = 1,
    group: GroupOption = Group.country,
    fmt: Annotated[NetworkFormat, typer.Option("--format", help="Output format.")] = (
        NetworkFormat.json),
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = (
        None),
) -> None:
    """The signed, weighted actor graph (cooperation and conflict per directed pair)."""
    with _open(db) as store:
        graph = build_network(store, since, until, min_events, group=group.value)
    text = network_json(graph) + "\n" if fmt is NetworkFormat.json else network_graphml(graph)
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    Console(stderr=True).print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} "
                               f"edges written to {out}", markup=False, highlight=False)
