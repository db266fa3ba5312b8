"""The actor knowledge base: reviewed TSV files in ``data/``, loaded once per process.

Three sources, in order of precedence: user dictionaries (``--actors``), our own tables
(``data/*.tsv``, source ``faultline``) and the converted Phoenix/PETRARCH-2 dictionaries
(``data/phoenix/*.tsv``, source ``phoenix``, MIT). ``tables`` reads and checks them into a
``KnowledgeBase`` (``records``); this module keeps the compiled copy in a versioned cache and
the active user dictionaries.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from faultline.actors.records import ROLES as ROLES  # re-exported: the role codes
from faultline.actors.records import KBError as KBError  # re-exported: a broken KB row
from faultline.actors.records import KnowledgeBase
from faultline.actors.tables import build
from faultline.tsv import package_rows, parse_rows


def _package_rows(filename: str) -> list[tuple[int, dict[str, str]]]:
    return package_rows("faultline.actors", filename)


# Bump when the KnowledgeBase's structure changes: older cached copies are then ignored.
CACHE_VERSION = "5"


def cache_dir() -> Path:
    """Where the compiled knowledge base is kept: ``$FAULTLINE_CACHE``, else the user's cache
    folder."""
    configured = os.environ.get("FAULTLINE_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "faultline"


def _digest(user_files: tuple[Path, ...]) -> str:
    """A fingerprint of every data file read (built-in and user) and of the code that builds
    and holds the knowledge base: any edit to either changes it."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    package = resources.files("faultline.actors")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    data = package.joinpath("data")
    for folder in (data, data.joinpath("leaders"), data.joinpath("phoenix")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".tsv"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for path in user_files:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


# The active user dictionaries travel in the environment, so worker processes started for
# this run (``--workers``, Dask) load the same ones.
ACTORS_ENV = "FAULTLINE_ACTOR_FILES"


def use_actor_files(paths: Iterable[Path]) -> None:
    """Make user actor dictionaries (``--actors``) part of every later ``load_kb()`` and
    ``load_nlp()`` of this process and of the workers it starts, ahead of the built-in tables;
    a broken file raises ``DataFileError`` naming the file and line now."""
    files = tuple(Path(p).resolve() for p in paths)
    load_kb_with(files)  # raises before anything changes
    if files:
        os.environ[ACTORS_ENV] = os.pathsep.join(str(f) for f in files)
    else:
        os.environ.pop(ACTORS_ENV, None)


def active_actor_files() -> tuple[Path, ...]:
    value = os.environ.get(ACTORS_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def load_kb() -> KnowledgeBase:
    """The knowledge base with the active user dictionaries (``use_actor_files``)."""
    return load_kb_with(active_actor_files())


@functools.cache
def load_kb_with(user_files: tuple[Path, ...]) -> KnowledgeBase:
    """The knowledge base with ``user_files`` ahead of the built-in tables, read and checked
    once and then loaded from a compiled copy in ``cache_dir()`` until a data file changes."""
    path = cache_dir() / f"kb-{_digest(user_files)}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, KnowledgeBase):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    kb = build(_package_rows, with_phoenix=True, user_files=user_files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: build each time
    return kb


def load_kb_from(folder: Path, *, with_phoenix: bool = False) -> KnowledgeBase:
    """A knowledge base read from another folder of the same TSV files (to check edits)."""
    def rows(filename: str) -> list[tuple[int, dict[str, str]]]:
        return parse_rows(filename, (folder / filename).read_text("utf-8"))
    return build(rows, with_phoenix=with_phoenix)
