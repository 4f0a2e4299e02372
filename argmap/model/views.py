"""The views of an argument map that rules, semantics and renderers read: rows, sides, reach.

`ArgumentMap` inherits them; each is built on first use and kept, since the map never changes.
Every search runs over one index, `NodeRows`: claims and arguments numbered 0..n-1 with their
relations as lists of node numbers. A check searches a large map several times; the index is
built once, and following integers through lists is cheaper than following ids through dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.model.records import Argument, Attack, AttackKind, Claim, ClaimKind

if TYPE_CHECKING:
    import networkx as nx

_PRO, _CON, _BOTH = frozenset({"pro"}), frozenset({"con"}), frozenset({"pro", "con"})


@dataclass(frozen=True, slots=True, eq=False)
class NodeRows:
    """Claims and arguments as nodes 0..n-1 (claims first, in file order) and their edges.

    Row ``i`` of a per-claim list belongs to node ``i``; of a per-argument list, to node
    ``n_claims + i``. Every row lists its nodes in file order. The rows are read, never changed.
    """

    ids: tuple[str, ...]
    index: Mapping[str, int]  # id -> node
    n_claims: int
    supporters: Sequence[Sequence[int]]  # claim -> arguments concluding it
    rebutters: Sequence[Sequence[int]]  # claim -> claims rebutting it
    premises: Sequence[Sequence[int]]  # argument -> premises, then warrant
    undercutters: Sequence[Sequence[int]]  # argument -> claims undercutting it
    conclusion: Sequence[int]  # argument -> claim
    premise_in: Sequence[Sequence[int]]  # claim -> arguments using it as premise or warrant
    rebuts: Sequence[Sequence[int]]  # claim -> claims it rebuts
    undercuts: Sequence[Sequence[int]]  # claim -> arguments it undercuts

    @property
    def size(self) -> int:
        """Number of nodes, claims and arguments."""
        return len(self.ids)

    def is_claim(self, node: int) -> bool:
        """Whether node ``node`` is a claim (else an argument)."""
        return node < self.n_claims


def _rows(pairs: Iterable[tuple[int, int]], size: int) -> list[Sequence[int]]:
    """Row ``i`` lists the ``b`` of every pair ``(i, b)``, in the pairs' order.

    Rows without a pair share the empty tuple: most claims of a large map are rebutted by
    nothing, undercut nothing, ..., and an empty list each would cost more than the searches.
    """
    grouped: dict[int, list[int]] = {}
    for row, node in pairs:
        grouped.setdefault(row, []).append(node)
    return [grouped.get(row, ()) for row in range(size)]


class MapViews:
    """Derived, cached views of the map's claims, arguments and attacks."""

    claims: Mapping[str, Claim]
    arguments: Mapping[str, Argument]
    attacks: tuple[Attack, ...]

    def _edges(self) -> Iterator[tuple[str, str, str]]:
        """Every (source, target, role) edge of the graph, in the order the graph adds them."""
        for arg in self.arguments.values():
            for p in arg.premises:
                yield p, arg.id, "premise"
            if arg.warrant is not None:
                yield arg.warrant, arg.id, "warrant"
            yield arg.id, arg.conclusion, "conclusion"
        for a in self.attacks:
            yield a.attacker, a.target, a.kind.value

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The frozen networkx graph of claims and arguments (see ArgumentMap's docstring)."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.claims, type="claim")
        graph.add_nodes_from(self.arguments, type="argument")
        graph.add_edges_from((u, v, {"role": role}) for u, v, role in self._edges())
        return nx.freeze(graph)

    @cached_property
    def predecessors(self) -> Mapping[str, Mapping[str, str]]:
        """Node -> {predecessor: role}: ``graph.pred`` as plain dicts, in the graph's order.

        As in the graph, a second edge between the same two nodes replaces the first one's role.
        """
        pred: dict[str, dict[str, str]] = {}
        for source, target, role in self._edges():
            pred.setdefault(target, {})[source] = role
        return pred

    @cached_property
    def node_rows(self) -> NodeRows:
        """The map as integer rows (linear in its size)."""
        ids = (*self.claims, *self.arguments)
        index = {node_id: node for node, node_id in enumerate(ids)}
        n_claims = len(self.claims)
        argument_nodes = range(n_claims, len(ids))
        premises = [tuple(index[c] for c in arg.premises_and_warrant)
                    for arg in self.arguments.values()]
        conclusion = [index[arg.conclusion] for arg in self.arguments.values()]
        uses = [(p, argument)
                for argument, needed in zip(argument_nodes, premises, strict=True) for p in needed]
        rebuttals = [(index[a.attacker], index[a.target])
                     for a in self.attacks if a.kind is AttackKind.REBUT]
        undercuts = [(index[a.attacker], index[a.target])
                     for a in self.attacks if a.kind is AttackKind.UNDERCUT]
        return NodeRows(
            ids=ids,
            index=index,
            n_claims=n_claims,
            supporters=_rows(zip(conclusion, argument_nodes, strict=True), n_claims),
            rebutters=_rows([(claim, attacker) for attacker, claim in rebuttals], n_claims),
            premises=premises,
            undercutters=_rows([(target - n_claims, attacker) for attacker, target in undercuts],
                               len(premises)),
            conclusion=conclusion,
            premise_in=_rows(uses, n_claims),
            rebuts=_rows(rebuttals, n_claims),
            undercuts=_rows(undercuts, n_claims),
        )

    def supported_from(self, seeds: Iterable[bool]) -> list[bool]:
        """Per claim, in file order: whether it is a seed or a chain of supports leads to it
        from one (through any premise or warrant of each argument on the way)."""
        rows = self.node_rows
        reached = list(seeds)
        stack = [claim for claim, seed in enumerate(reached) if seed]
        while stack:
            for argument in rows.premise_in[stack.pop()]:
                target = rows.conclusion[argument - rows.n_claims]
                if not reached[target]:
                    reached[target] = True
                    stack.append(target)
        return reached

    @cached_property
    def sides(self) -> Mapping[str, frozenset[str]]:
        """Which side of the debate each claim and argument is on: ``pro`` and/or ``con``.

        Theses and recommendations are ``pro``; whatever supports a node shares its side, and
        whatever attacks a node takes the other side. A node reached both ways has both; a node
        with no path to a thesis or recommendation has no entry.
        """
        rows = self.node_rows
        nc = rows.n_claims
        # found[True]: nodes found pro, found[False]: found con; one search per side from the
        # nodes the other side's search handed over through an attack.
        found = {True: [False] * rows.size, False: [False] * rows.size}
        conclusions = (ClaimKind.THESIS, ClaimKind.RECOMMENDATION)
        pending: dict[bool, list[int]] = {
            True: [node for node, claim in enumerate(self.claims.values())
                   if claim.kind in conclusions],
            False: [],
        }
        side = True
        while pending[True] or pending[False]:
            seen, stack, handed = found[side], pending[side], pending[not side]
            while stack:
                node = stack.pop()
                if seen[node]:
                    continue
                seen[node] = True
                if node < nc:
                    stack.extend(rows.supporters[node])
                    handed.extend(rows.rebutters[node])
                    continue
                undercutters = rows.undercutters[node - nc]
                if undercutters:  # a claim that undercuts an argument is not also its premise
                    # (a set: premises times undercutters would be quadratic on dense maps)
                    blocked = set(undercutters)
                    stack.extend(p for p in rows.premises[node - nc] if p not in blocked)
                    handed.extend(undercutters)
                else:
                    stack.extend(rows.premises[node - nc])
            side = not side
        sides: dict[str, frozenset[str]] = {}
        for node_id, pro, con in zip(rows.ids, found[True], found[False], strict=True):
            if pro or con:
                sides[node_id] = _BOTH if pro and con else _PRO if pro else _CON
        return sides

    @cached_property
    def connected_to_conclusions(self) -> frozenset[str]:
        """Claims with a directed path to a thesis or a recommendation, via any relation.

        These are the claims `sides` reaches: it follows every relation towards a conclusion.
        """
        return frozenset(self.sides.keys() & self.claims.keys())
