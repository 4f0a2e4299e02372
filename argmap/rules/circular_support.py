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
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.model.views import NodeRows
from argmap.rules.base import Problem

ID = "circular-support"
NAME = "circular support"
SEVERITY = Severity.ERROR
OPTIONS: Mapping[str, Any] = {}

# A component of thousands of claims would make an unreadable message; name the first few.
_MAX_NAMED = 10


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report one support cycle per strongly connected component of the support graph."""
    rows = amap.node_rows  # claims are numbered in file order, so the smallest comes first
    tangled = _left_after_peeling(rows)
    if not tangled:
        return

    def successors(claim: int) -> list[int]:
        """The claims ``claim`` supports, as premise or warrant, in file order."""
        return sorted({rows.conclusion[arg - rows.n_claims] for arg in rows.premise_in[claim]})

    # Every cycle lies among the tangled claims, so their components are the whole graph's.
    for component in strongly_connected_components(
            tangled, lambda claim: [c for c in successors(claim) if c in tangled]):
        start = min(component)
        if len(component) == 1 and start not in successors(start):
            continue
        cycle = _shortest_cycle_through(successors, start, set(component))
        message = "support cycle: " + " -> ".join(rows.ids[claim] for claim in cycle)
        if len(component) > len(cycle) - 1:
            members = [rows.ids[claim] for claim in sorted(component)]
            named = ", ".join(members[:_MAX_NAMED])
            if len(members) > _MAX_NAMED:
                named += f", ... ({len(members) - _MAX_NAMED} more)"
            message += f" (component of {len(members)} claims: {named})"
        claim = amap.claims[rows.ids[start]]
        yield Problem(message=message, pos=claim.pos, subject=claim.id)


def _left_after_peeling(rows: NodeRows) -> set[int]:
    """The claims left when claims that nothing supports are removed, again and again (Kahn).

    What is left is every cycle and what the cycles support; in a map without circular support
    nothing is, and the rule is done after two linear passes instead of a search of the graph.
    """
    nc = rows.n_claims
    # One count per (premise or warrant, argument) edge; peeling takes each edge away once.
    indegree = [0] * nc
    for target, needed in zip(rows.conclusion, rows.premises, strict=True):
        indegree[target] += len(needed)
    unsupported = [claim for claim in range(nc) if not indegree[claim]]
    while unsupported:
        for argument in rows.premise_in[unsupported.pop()]:
            target = rows.conclusion[argument - nc]
            indegree[target] -= 1
            if not indegree[target]:
                unsupported.append(target)
    return {claim for claim in range(nc) if indegree[claim]}


def strongly_connected_components(
    nodes: Iterable[int], successors: Callable[[int], Iterable[int]]
) -> Iterator[list[int]]:
    """Each strongly connected component of the graph on ``nodes``, once.

    Tarjan's algorithm with an explicit stack instead of recursion, so a support chain of
    100,000 claims cannot overflow Python's call stack; linear in nodes and edges.
    """
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:  # descend; resume this node's children afterwards
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:  # every child done: close the node
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[int] = []
                    while not component or component[-1] != node:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                    yield component


def _shortest_cycle_through(
    successors: Callable[[int], Iterable[int]], start: int, members: Collection[int]
) -> list[int]:
    """The shortest support cycle from ``start`` back to it, staying inside ``members``.

    Successors are visited in file order, so the reported cycle is stable between runs.
    """
    parent: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for successor in successors(node):
            if successor == start:
                path = [node]
                while (step := parent[path[-1]]) is not None:
                    path.append(step)
                return [*reversed(path), start]
            if successor in members and successor not in parent:
                parent[successor] = node
                queue.append(successor)
    raise AssertionError(f"node {start} is on no cycle inside its component")
