"""Command-line interface: thin typer commands over the library (``faultline --help``)."""

from __future__ import annotations

from faultline.cli import actors, code, evaluate  # noqa: F401  (register their commands)
from faultline.cli import store  # noqa: F401
from faultline.cli.app import app


def main() -> None:
    app()
