"""A claim that supports itself, directly or through a chain of other claims.

Support must run one way: from reasons towards conclusions. When claim `a` supports `b` and `b`
(perhaps through further claims, linked arguments or warrants) supports `a` again, the chain
proves nothing: each claim borrows its credibility from the other. A linked argument that lists
its own conclusion among its premises, or as its warrant, is the shortest such circle.

The rule reports each tangle of mutually supporting claims once (a strongly connected component
of the support graph), at the claim of the tangle that comes first in the file, and spells out
one cycle through it, in order. When the tangle holds more claims than that cycle, the message
says how many and names them.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        supports: [tram]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
        supports: [congestion]
      congestion:
        text: The east-west axis is at capacity, since we need the tram.
        supports: [tram]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Set
from typing import Any

import networkx as nx

from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem

ID = "circular-support"
NAME = "circular support"
SEVERITY = Severity.ERROR
OPTIONS: Mapping[str, Any] = {}

# A component of thousands of claims would make an unreadable message; name the first few.
_MAX_NAMED = 10


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report one support cycle per strongly connected component of the support graph."""
    graph = amap.support_graph
    file_order = {claim_id: index for index, claim_id in enumerate(amap.claims)}
    for component in nx.strongly_connected_components(graph):
        start = min(component, key=file_order.__getitem__)
        if len(component) == 1 and not graph.has_edge(start, start):
            continue
        cycle = _shortest_cycle_through(graph, start, component, file_order)
        message = "support cycle: " + " -> ".join(cycle)
        if len(component) > len(cycle) - 1:
            members = sorted(component, key=file_order.__getitem__)
            named = ", ".join(members[:_MAX_NAMED])
            if len(members) > _MAX_NAMED:
                named += f", ... ({len(members) - _MAX_NAMED} more)"
            message += f" (component of {len(members)} claims: {named})"
        yield Problem(message=message, pos=amap.claims[start].pos, subject=start)


def _shortest_cycle_through(
    graph: nx.DiGraph, start: str, members: Set[str], file_order: Mapping[str, int]
) -> list[str]:
    """The shortest support cycle from ``start`` back to it, staying inside ``members``."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        # Visit successors in file order so the reported cycle is stable between runs.
        for successor in sorted(graph.succ[node], key=file_order.__getitem__):
            if successor == start:
                path = [node]
                while (step := parent[path[-1]]) is not None:
                    path.append(step)
                return [*reversed(path), start]
            if successor in members and successor not in parent:
                parent[successor] = node
                queue.append(successor)
    raise AssertionError(f"{start!r} is on no cycle inside its component")
