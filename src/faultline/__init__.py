"""Faultline: open, offline, auditable political event data from news text.

The public API is small: ``code_text`` and ``code_file`` code text without a database,
``resolve_actor`` checks how a mention is coded, ``open_store`` reads a DuckDB store.
Heavy parts (spaCy, DuckDB) load on first use, so ``import faultline`` stays fast.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

try:
    __version__ = metadata.version("faultline")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    from faultline.actors import resolve_actor, use_actor_files
    from faultline.pipeline import code_file, code_text
    from faultline.store.db import open_store

__all__ = ["__version__", "code_file", "code_text", "open_store", "resolve_actor",
           "use_actor_files"]

_LAZY = {
    "code_text": "faultline.pipeline",
    "code_file": "faultline.pipeline",
    "resolve_actor": "faultline.actors",
    "use_actor_files": "faultline.actors",
    "open_store": "faultline.store.db",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'faultline' has no attribute {name!r}")
