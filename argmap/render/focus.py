"""Choose what a diagram shows: the whole map, or the neighbourhood of one claim."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.errors import UsageError
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Selection:
    """The claims and arguments to draw, and how many links lead out of the selection."""

    claims: frozenset[str]
    arguments: frozenset[str]
    hidden_links: dict[str, int]


def select_all(amap: ArgumentMap) -> Selection:
    """Everything in the map."""
    return Selection(frozenset(amap.claims), frozenset(amap.arguments), {})


def select_neighbourhood(amap: ArgumentMap, focus: str, depth: int) -> Selection:
    """Claims within ``depth`` steps of ``focus`` over any relation, ignoring direction.

    A step goes from a claim to a claim it supports, attacks or shares an argument with, or
    the reverse; an argument in between is passed through, so linked co-premises are one
    step apart and an undercutter is one step from the argument's premises and conclusion.
    ``focus`` may also name an argument: its premises and conclusion are then step 0.
    """
    if focus not in amap.claims and focus not in amap.arguments:
        from difflib import get_close_matches

        close = get_close_matches(focus, [*amap.claims, *amap.arguments], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"--focus: no claim or argument {focus!r} in the map{hint}")
    adjacent = _adjacency(amap)
    if focus in amap.claims:
        start = {focus}
    else:
        start = _neighbours(amap, adjacent, focus)
    distance = dict.fromkeys(start, 0)
    queue: deque[str] = deque(start)
    while queue:
        node = queue.popleft()
        if distance[node] == depth:
            continue
        for other in _neighbours(amap, adjacent, node):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    claims = frozenset(distance)
    arguments = frozenset(
        a.id
        for a in amap.arguments.values()
        if a.conclusion in claims and any(p in claims for p in a.premises)
    )
    hidden: dict[str, int] = {}
    for claim in claims:
        outside = len(_neighbours(amap, adjacent, claim) - claims)
        if outside:
            hidden[claim] = outside
    return Selection(claims, arguments, hidden)


def _adjacency(amap: ArgumentMap) -> dict[str, set[str]]:
    """Every node's neighbours in the map's graph, either direction.

    Built from the plain predecessor lists: importing networkx and building its graph would
    cost more than the whole drawing of a focused view.
    """
    adjacent: dict[str, set[str]] = {}
    for node, predecessors in amap.predecessors.items():
        for other in predecessors:
            adjacent.setdefault(node, set()).add(other)
            adjacent.setdefault(other, set()).add(node)
    return adjacent


def _neighbours(amap: ArgumentMap, adjacent: dict[str, set[str]], node: str) -> set[str]:
    """Claims one step from ``node``; an argument in between is passed through."""
    found: set[str] = set()
    for other in adjacent.get(node, ()):
        if other in amap.arguments:
            found.update(n for n in adjacent.get(other, ()) if n in amap.claims)
        else:
            found.add(other)
    found.discard(node)
    return found
