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
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import Any

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
    if _acyclic(amap):
        return
    succ = amap.support_successors
    on_cycles = _after_acyclic_part(succ)
    if not on_cycles:
        return
    file_order = {claim_id: index for index, claim_id in enumerate(amap.claims)}
    # Every cycle lies among these claims, so their components are the whole graph's.
    tangled = {node: [s for s in succ[node] if s in on_cycles] for node in succ
               if node in on_cycles}
    for members in strongly_connected_components(tangled):
        component = set(members)
        start = min(component, key=file_order.__getitem__)
        if len(component) == 1 and start not in succ[start]:
            continue
        cycle = _shortest_cycle_through(succ, start, component, file_order)
        message = "support cycle: " + " -> ".join(cycle)
        if len(component) > len(cycle) - 1:
            members = sorted(component, key=file_order.__getitem__)
            named = ", ".join(members[:_MAX_NAMED])
            if len(members) > _MAX_NAMED:
                named += f", ... ({len(members) - _MAX_NAMED} more)"
            message += f" (component of {len(members)} claims: {named})"
        yield Problem(message=message, pos=amap.claims[start].pos, subject=start)


def _acyclic(amap: ArgumentMap) -> bool:
    """Whether peeling (as `_after_acyclic_part`) removes every claim, on the integer rows.

    The rows are built once per map for the semantics and sides anyway, and a claim that
    supports nothing shares one empty row, so most claims cost a counter and no lookup.
    """
    rows = amap.support_rows()
    if rows is None:
        return False
    nc, premise_in, conclusion = rows.n_claims, rows.premise_in, rows.conclusion
    # One count per (premise or warrant, argument) edge; peeling takes each edge once again.
    indegree = [0] * nc
    for target, needed in zip(conclusion, rows.premises, strict=True):
        indegree[target] += len(needed)
    unsupported = [claim for claim, count in enumerate(indegree) if not count]
    peeled = 0
    while unsupported:
        peeled += 1
        for argument in premise_in[unsupported.pop()]:
            target = conclusion[argument - nc]
            indegree[target] -= 1
            if not indegree[target]:
                unsupported.append(target)
    return peeled == nc


def _after_acyclic_part(succ: Mapping[str, Iterable[str]]) -> set[str]:
    """The nodes left when nodes that nothing supports are removed, again and again (Kahn).

    What is left is every cycle and what the cycles support; in a map without circular support
    nothing is, and the rule is done after two cheap passes instead of a search of the graph.
    """
    indegree = dict.fromkeys(succ, 0)
    for targets in succ.values():
        for target in targets:
            indegree[target] += 1
    unsupported = [node for node, count in indegree.items() if count == 0]
    while unsupported:
        for target in succ[unsupported.pop()]:
            indegree[target] -= 1
            if indegree[target] == 0:
                unsupported.append(target)
    return {node for node, count in indegree.items() if count}


def strongly_connected_components(succ: Mapping[str, Iterable[str]]) -> Iterator[list[str]]:
    """Each strongly connected component of a graph given as node -> successors, once.

    Tarjan's algorithm with an explicit stack instead of recursion, so a support chain of
    100,000 claims cannot overflow Python's call stack; linear in nodes and edges.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root in succ:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:  # descend; resume this node's children afterwards
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:  # every child done: close the node
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while not component or component[-1] != node:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                    yield component


def _shortest_cycle_through(
    succ: Mapping[str, Iterable[str]], start: str, members: Set[str],
    file_order: Mapping[str, int],
) -> list[str]:
    """The shortest support cycle from ``start`` back to it, staying inside ``members``."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        # Visit successors in file order so the reported cycle is stable between runs.
        for successor in sorted(succ[node], key=file_order.__getitem__):
            if successor == start:
                path = [node]
                while (step := parent[path[-1]]) is not None:
                    path.append(step)
                return [*reversed(path), start]
            if successor in members and successor not in parent:
                parent[successor] = node
                queue.append(successor)
    raise AssertionError(f"{start!r} is on no cycle inside its component")
