"""The signed, weighted actor graph: who cooperates with and who fights whom, and how much."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from faultline.relations.common import COUNTED, DAY, actor_key
from faultline.store.db import Store

# Counted events an edge needs to be drawn: one stray event is noise at network scale.
MIN_EVENTS = 1


def network(store: Store, start: str | None = None, end: str | None = None,
            min_events: int = MIN_EVENTS, *, group: str = "country") -> nx.DiGraph:
    """Directed graph of counted events, source -> target. Edge attributes: ``events``,
    ``cooperation`` (quad classes 1-2), ``conflict`` (3-4), ``goldstein`` (total), ``stories``,
    ``weight`` = cooperation - conflict and ``sign`` (+1, 0, -1). Nodes carry ``events``."""
    source, target = actor_key("source", group), actor_key("target", group)
    clauses = [f"{source} IS NOT NULL", f"{target} IS NOT NULL", f"{source} <> {target}"]
    params: list[Any] = []
    if start:
        clauses.append(f"{DAY} >= CAST(? AS DATE)")
        params.append(start)
    if end:
        clauses.append(f"{DAY} <= CAST(? AS DATE)")
        params.append(end)
    params.append(min_events)
    rows = store.con.execute(f"""
        SELECT {source} AS s, {target} AS t, count(*) AS events,
               count(*) FILTER (WHERE e.quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE e.quad_class >= 3) AS conflict,
               round(sum(e.goldstein), 2) AS goldstein,
               count(DISTINCT coalesce(e.story_id, e.article_id)) AS stories
        FROM {COUNTED} WHERE {" AND ".join(clauses)}
        GROUP BY ALL HAVING count(*) >= ? ORDER BY s, t""", params).fetchall()
    graph = nx.DiGraph(group=group, start=start or "", end=end or "")
    for s, t, events, cooperation, conflict, goldstein, stories in rows:
        for node in (s, t):
            if node not in graph:
                graph.add_node(node, events=0)
            graph.nodes[node]["events"] += events
        weight = cooperation - conflict
        graph.add_edge(s, t, events=events, cooperation=cooperation, conflict=conflict,
                       goldstein=float(goldstein), stories=stories, weight=weight,
                       sign=(weight > 0) - (weight < 0))
    return graph


def network_json(graph: nx.DiGraph) -> str:
    """node-link JSON (``nodes``, ``edges``) as networkx and d3 read it."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False)


def network_graphml(graph: nx.DiGraph) -> str:
    """GraphML for Gephi, Cytoscape or ``networkx.read_graphml``."""
    return "\n".join(nx.generate_graphml(graph)) + "\n"
