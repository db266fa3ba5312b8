"""Actors: the knowledge base and the resolver that turns mentions into actor codes."""

from __future__ import annotations

from faultline.actors.api import resolve_actor
from faultline.actors.kb import use_actor_files
from faultline.actors.resolve import DocActors, resolve

__all__ = ["DocActors", "resolve", "resolve_actor", "use_actor_files"]
