"""``faultline serve``: the HTTP API and the dashboard over a store, read-only."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from faultline.cli.app import app
from faultline.cli.store import DbOption, _open
from faultline.store.db import DEFAULT_DB

stderr = Console(stderr=True)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless you mean it.")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the API (/api, /docs) and the dashboard (/) over the store, read-only."""
    import uvicorn

    from faultline.api import create_app

    _open(db).close()  # a missing or newer store fails here, with the usual message
    if not is_loopback(host):
        stderr.print(f"faultline: warning: serving on {host}, reachable from other machines; "
                     "the API has no authentication", markup=False, highlight=False, soft_wrap=True)
    stderr.print(f"Faultline dashboard: http://{host}:{port}/  ·  API docs: "
                 f"http://{host}:{port}/docs", markup=False, highlight=False, soft_wrap=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
