"""The HTTP API and dashboard (``faultline serve``): ``create_app(db)`` gives the ASGI app."""

from __future__ import annotations

from faultline.api.app import create_app

__all__ = ["create_app"]
