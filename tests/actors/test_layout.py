"""The actors package's layout: short modules, no import cycle between them (issue 12 item 6)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import faultline.actors

PACKAGE = Path(faultline.actors.__file__).parent
# Longest module, in lines: past this a module is doing more than one stage's job.
MAX_MODULE_LINES = 450


def _imports(path: Path) -> set[str]:
    """The actors modules ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module \
                and node.module.startswith("faultline.actors."):
            found.add(node.module.rsplit(".", 1)[1])
        elif isinstance(node, ast.ImportFrom) and node.module == "faultline.actors":
            found.update(alias.name for alias in node.names)
    return found


def test_no_import_cycle_between_actors_modules() -> None:
    graph = nx.DiGraph()
    modules = {p.stem: p for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    for name, path in modules.items():
        graph.add_node(name)
        graph.add_edges_from((name, other) for other in _imports(path) if other in modules)
    assert list(nx.simple_cycles(graph)) == []


def test_no_actors_module_is_a_giant() -> None:
    lengths = {p.name: len(p.read_text("utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES} == {}
