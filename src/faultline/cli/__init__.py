"""Command-line interface: thin typer commands over the library (``faultline --help``)."""

from __future__ import annotations

from faultline.cli import (  # noqa: F401  (register their commands)
    actors,
    code,
    demo,
    evaluate,
    relations,
    serve,
    store,
)
from faultline.cli.app import app


def main() -> None:
    app()
