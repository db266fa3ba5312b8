"""The typer applications every command module registers on (no logic lives here)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="faultline",
    help="Turn news text into political event data (CAMEO/PLOVER), offline and auditable.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Accuracy harness on the development gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
