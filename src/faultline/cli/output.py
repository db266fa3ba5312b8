"""Writing events as JSON Lines, CSV or a rich table (shared by the commands that print events)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from enum import StrEnum

from rich.console import Console
from rich.table import Table

from faultline.model import Actor, Event


class EventFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return f"{actor.code or '?'} ({actor.text})"


def _status(event: Event) -> str:
    if event.negated:
        return "[red]negated[/red]"
    return event.modality if event.modality == "asserted" else f"[yellow]{event.modality}[/yellow]"


def events_table(events: list[Event], title: str | None = None) -> Table:
    """A readable table: who did what to whom, how sure, and the words that say so."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("date", style="dim", no_wrap=True, min_width=10)
    table.add_column("source", style="cyan", ratio=1)
    table.add_column("event", style="bold", ratio=1)
    table.add_column("target", style="magenta", ratio=1)
    table.add_column("status", no_wrap=True)
    table.add_column("conf", style="dim", no_wrap=True)
    table.add_column("evidence", ratio=3)
    for ev in events:
        sentence = ev.evidence.sentence
        trigger = ev.evidence.trigger
        highlighted = sentence.replace(trigger, f"[u]{trigger}[/u]", 1) if trigger else sentence
        table.add_row(
            ev.date or "—", _actor(ev.source), f"{ev.cameo} {ev.cameo_label}",
            _actor(ev.target), _status(ev), f"{ev.confidence:.2f}", highlighted,
        )
    return table


# Trace step prefixes and how ``--explain`` names them.
TRACE_KINDS = {"lex": "lexicon row", "match": "row shape", "src": "source", "tgt": "target",
               "frame": "frame", "conv": "convention", "pair": "pairing", "neg": "negation",
               "mod": "modality", "reframe": "reframed", "time": "date", "actor": "actor",
               "repeat": "repeat"}


def _flags(event: Event) -> str:
    flags = ["counted" if event.counted else "not counted"]
    flags += [name for name, on in (("negated", event.negated), ("one-sided", event.one_sided),
                                    ("background", event.background)) if on]
    if event.modality != "asserted":
        flags.append(event.modality)
    if event.repeat_of:
        flags.append(f"repeat of {event.repeat_of}")
    return ", ".join(flags)


def explain_events(events: Iterable[Event], console: Console) -> int:
    """Each event on one line, its evidence, then its trace one step a line: why the coder
    said what it said. Returns how many were written."""
    count = 0
    for ev in events:
        source = ev.source.code if ev.source and ev.source.code else "?"
        target = ev.target.code if ev.target and ev.target.code else "—"
        console.print(f"{source} {ev.cameo} {target}  {ev.cameo_label}  "
                      f"[{_flags(ev)}]  {ev.date or 'no date'}  conf {ev.confidence:.2f}",
                      markup=False, highlight=False, soft_wrap=True)
        console.print(f"  “{ev.evidence.sentence}” ({ev.evidence.trigger})",
                      markup=False, highlight=False, soft_wrap=True)
        for step in ev.trace:
            kind, _, detail = step.partition(":")
            console.print(f"    {TRACE_KINDS.get(kind, kind):<11} {detail}",
                          markup=False, highlight=False, soft_wrap=True)
        count += 1
    return count


def write_events(events: Iterable[Event], fmt: EventFormat, console: Console) -> int:
    """Write events to stdout in ``fmt``; returns how many were written."""
    count = 0
    if fmt is EventFormat.table:
        rows = list(events)
        console.print(events_table(rows))
        return len(rows)
    writer: csv.DictWriter[str] | None = None
    for ev in events:
        if fmt is EventFormat.jsonl:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        else:
            # a trace is one cell, its steps separated by "; "
            row = {k: "; ".join(v) if isinstance(v, list) else v for k, v in ev.to_flat().items()}
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        count += 1
    return count
