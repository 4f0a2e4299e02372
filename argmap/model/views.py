"""The views of an argument map that rules and semantics search: adjacency, sides, reach.

`ArgumentMap` inherits them; each is built on first use and kept, since the map never changes.
Large maps are searched over integer-indexed rows (`NodeRows`), which the grounded semantics
reads too, so one index serves every search of a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import Argument, Attack, Claim

_NO_PREDECESSORS: Mapping[str, str] = {}
_NO_SUCCESSORS: dict[str, None] = {}  # shared by support_successors; never written to
_NO_NODES: list[int] = []  # the shared empty row of node_rows; never appended to
_PRO, _CON, _BOTH = frozenset({"pro"}), frozenset({"con"}), frozenset({"pro", "con"})


@dataclass(frozen=True, slots=True, eq=False)
class NodeRows:
    """Claims and arguments as nodes 0..n-1 (claims first, in file order) and their edges.

    Row ``i`` of a per-claim list belongs to node ``i``; of a per-argument list, to node
    ``n_claims + i``. The lists are read, never changed.
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
        # The edges of _edges(), added without a generator and a setdefault per edge.
        pred: dict[str, dict[str, str]] = {}
        for arg in self.arguments.values():
            if arg.premises or arg.warrant is not None:
                into = pred.get(arg.id)
                if into is None:
                    into = pred[arg.id] = dict.fromkeys(arg.premises, "premise")
                else:
                    into.update(dict.fromkeys(arg.premises, "premise"))
                if arg.warrant is not None:
                    into[arg.warrant] = "warrant"
            into = pred.get(arg.conclusion)
            if into is None:
                pred[arg.conclusion] = {arg.id: "conclusion"}
            else:
                into[arg.id] = "conclusion"
        for attack in self.attacks:
            pred.setdefault(attack.target, {})[attack.attacker] = attack.kind.value
        return pred

    @cached_property
    def node_rows(self) -> NodeRows:
        """The map as integer-indexed rows (linear in its size).

        Raises KeyError (IndexError) when a relation names no claim or argument (a claim), as
        only a map built in code can.
        """
        claim_ids = list(self.claims)
        ids = (*claim_ids, *self.arguments)
        index = dict(zip(ids, range(len(ids)), strict=True))
        node_of = index.__getitem__
        n_claims = len(claim_ids)
        # Most nodes have no rebutter, no undercut, ...: their rows share one empty list, and a
        # node gets a list of its own only when the first entry comes (`if row` is False only
        # for the shared one, so it is never appended to). Half a million empty lists on a
        # 100,000-claim map cost more than the searches themselves.
        supporters: list[list[int]] = [_NO_NODES] * n_claims
        rebutters: list[list[int]] = [_NO_NODES] * n_claims
        premise_in: list[list[int]] = [_NO_NODES] * n_claims
        rebuts: list[list[int]] = [_NO_NODES] * n_claims
        undercuts: list[list[int]] = [_NO_NODES] * n_claims
        premises: list[tuple[int, ...]] = []
        undercutters: list[list[int]] = [_NO_NODES] * len(self.arguments)
        conclusion: list[int] = []
        for node, arg in enumerate(self.arguments.values(), n_claims):
            needed = arg.premises if arg.warrant is None else (*arg.premises, arg.warrant)
            needed_nodes = tuple(map(node_of, needed))
            premises.append(needed_nodes)
            for p in needed_nodes:
                row = premise_in[p]
                if row:
                    row.append(node)
                else:
                    premise_in[p] = [node]
            target = node_of(arg.conclusion)
            conclusion.append(target)
            row = supporters[target]
            if row:
                row.append(node)
            else:
                supporters[target] = [node]
        for attack in self.attacks:
            attacker, target = node_of(attack.attacker), node_of(attack.target)
            if target < n_claims:  # a rebuttal
                by_target, slot, targets = rebutters, target, rebuts
            else:  # an undercut; argument rows start at 0
                by_target, slot, targets = undercutters, target - n_claims, undercuts
            row = by_target[slot]
            if row:
                row.append(attacker)
            else:
                by_target[slot] = [attacker]
            row = targets[attacker]
            if row:
                row.append(target)
            else:
                targets[attacker] = [target]
        return NodeRows(ids, index, n_claims, supporters, rebutters, premises, undercutters,
                        conclusion, premise_in, rebuts, undercuts)

    @cached_property
    def support_successors(self) -> Mapping[str, Mapping[str, None]]:
        """Claim -> the claims it supports as premise or warrant (an ordered set), as dicts."""
        # Claims that support nothing share one empty dict, never written to (`if row` is False
        # only for it): most claims of a large map would otherwise get one each.
        succ: dict[str, dict[str, None]] = dict.fromkeys(self.claims, _NO_SUCCESSORS)
        for arg in self.arguments.values():
            conclusion = arg.conclusion
            if conclusion not in succ:
                succ[conclusion] = _NO_SUCCESSORS
            for p in (*arg.premises, arg.warrant) if arg.warrant else arg.premises:
                row = succ.get(p)
                if row:
                    row[conclusion] = None
                else:
                    succ[p] = {conclusion: None}
        return succ

    @cached_property
    def support_graph(self) -> nx.DiGraph:
        """Claim -> claim edges, premise (or warrant) to conclusion, arguments collapsed."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.claims)
        for arg in self.arguments.values():
            sources = arg.premises + ((arg.warrant,) if arg.warrant else ())
            graph.add_edges_from((p, arg.conclusion) for p in sources)
        return graph

    @cached_property
    def connected_to_conclusions(self) -> frozenset[str]:
        """Claims with a directed path to a thesis or a recommendation, via any relation."""
        if "sides" in self.__dict__:  # sides searched the same paths: every node it reached
            return frozenset(self.sides.keys() & self.claims.keys())
        reached = set(self._conclusion_ids)
        stack = list(reached)
        pred = self.predecessors
        while stack:
            for p in pred.get(stack.pop(), _NO_PREDECESSORS):
                if p not in reached:
                    reached.add(p)
                    stack.append(p)
        return frozenset(reached.intersection(self.claims))

    @property
    def _conclusion_ids(self) -> list[str]:
        """Ids of the theses and recommendations, in file order."""
        from argmap.model import ClaimKind  # model imports this module

        kinds = (ClaimKind.THESIS, ClaimKind.RECOMMENDATION)
        return [c.id for c in self.claims.values() if c.kind in kinds]

    def support_rows(self) -> NodeRows | None:
        """node_rows when its premise rows hold exactly support_successors' edges, else None."""
        # support_successors skips an empty-string warrant, node_rows would index it: only a
        # map built in code has an id "" at all.
        if "" in self.claims:
            return None
        try:
            return self.node_rows
        except (KeyError, IndexError):  # a map built in code with relations to nothing
            return None

    def supported_from(self, seeds: Iterable[str]) -> frozenset[str]:
        """Claims with a support path of one step or more from any seed (one linear BFS)."""
        succ = self.support_successors
        reached: set[str] = {c for s in seeds for c in succ[s]}
        stack = list(reached)
        while stack:
            for c in succ[stack.pop()]:
                if c not in reached:
                    reached.add(c)
                    stack.append(c)
        return frozenset(reached)

    @cached_property
    def sides(self) -> Mapping[str, frozenset[str]]:
        """Which side of the debate each claim and argument is on: ``pro`` and/or ``con``.

        Theses and recommendations are ``pro``; whatever supports a node shares its side, and
        whatever attacks a node takes the other side. A node reached both ways has both; a node
        with no path to a thesis or recommendation has no entry.
        """
        try:
            rows = self.node_rows
        except (KeyError, IndexError):  # a relation to nothing: only names can be searched
            return self._sides_by_name()
        if len(rows.index) != len(rows.ids):
            return self._sides_by_name()  # a claim and an argument share an id
        nc = rows.n_claims
        # found[True]: nodes found pro, found[False]: found con; one search per side from the
        # nodes the other side's search handed over through an attack.
        found = {True: bytearray(len(rows.ids)), False: bytearray(len(rows.ids))}
        pending = {True: [rows.index[c] for c in self._conclusion_ids], False: []}
        side = True
        while pending[True] or pending[False]:
            seen, stack, handed = found[side], pending[side], pending[not side]
            while stack:
                node = stack.pop()
                if seen[node]:
                    continue
                seen[node] = 1
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
        ids = rows.ids
        sides: dict[str, frozenset[str]] = {}
        for node, (pro, con) in enumerate(zip(found[True], found[False], strict=True)):
            if pro or con:
                sides[ids[node]] = _BOTH if pro and con else _PRO if pro else _CON
        return sides

    def _sides_by_name(self) -> Mapping[str, frozenset[str]]:
        """sides, searched over predecessors by name (for maps with relations to nothing)."""
        pred = self.predecessors
        reached: dict[bool, set[str]] = {True: set(), False: set()}
        pending: dict[bool, list[str]] = {True: self._conclusion_ids, False: []}
        side = True
        while pending[True] or pending[False]:
            found, stack, handed = reached[side], pending[side], pending[not side]
            while stack:
                node = stack.pop()
                if node in found:
                    continue
                found.add(node)
                for parent, role in pred.get(node, _NO_PREDECESSORS).items():
                    if role == "rebut" or role == "undercut":
                        handed.append(parent)
                    elif parent not in found:
                        stack.append(parent)
            side = not side
        pro, con = reached[True], reached[False]
        sides = dict.fromkeys(con - pro, _CON)
        sides.update(dict.fromkeys(pro - con, _PRO))
        sides.update(dict.fromkeys(pro & con, _BOTH))
        return sides

    def reaches_thesis(self, claim_id: str) -> bool:
        """Whether the claim has a path to a thesis or a recommendation."""
        return claim_id in self.connected_to_conclusions
