"""Command-line interface: thin typer commands over the library (``faultline --help``)."""

from __future__ import annotations

from faultline.cli import code  # noqa: F401  (registers its commands)
from faultline.cli.app import app


def main() -> None:
    app()
