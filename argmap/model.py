"""The argument map: claims, arguments, attacks and sources over a frozen networkx graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from argmap.errors import Position

if TYPE_CHECKING:
    import networkx as nx

T = TypeVar("T")


class ClaimKind(StrEnum):
    """What role a claim plays in the text's argument."""

    THESIS = "thesis"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"
    RECOMMENDATION = "recommendation"


class AttackKind(StrEnum):
    """Rebuttal attacks a claim; undercut attacks the inference of an argument."""

    REBUT = "rebut"
    UNDERCUT = "undercut"


@dataclass(frozen=True, slots=True)
class Waiver:
    """A claim's written reason for ignoring one rule."""

    rule: str
    reason: str
    pos: Position


@dataclass(frozen=True, slots=True)
class Source:
    """A bibliographic reference that claims may cite."""

    key: str
    title: str
    pos: Position
    author: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    locator: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of the text, in the mapper's words."""

    id: str
    text: str
    kind: ClaimKind
    pos: Position
    locator: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    factual: bool = False
    common_ground: bool = False
    cites: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    # (argument id, critical-question id) pairs this claim answers
    answers: tuple[tuple[str, str], ...] = ()

    @property
    def waived_rules(self) -> frozenset[str]:
        """Ids of the rules this claim waives."""
        return frozenset(w.rule for w in self.waivers)

    @property
    def is_grounding(self) -> bool:
        """True when the claim needs no support: evidence, an assumption, common ground."""
        return (
            self.kind in (ClaimKind.EVIDENCE, ClaimKind.ASSUMPTION) or self.common_ground
        )


@dataclass(frozen=True, slots=True)
class Argument:
    """Premises that support a conclusion.

    ``linked`` arguments were written out in ``arguments:`` and their premises work only
    together; a convergent support (``supports:`` on a claim) is an argument with one premise,
    ``linked=False`` and the id ``premise->conclusion``.
    """

    id: str
    conclusion: str
    premises: tuple[str, ...]
    pos: Position
    linked: bool = True
    warrant: str | None = None
    scheme: str | None = None
    locator: str | None = None
    note: str | None = None
    waivers: tuple[Waiver, ...] = ()


@dataclass(frozen=True, slots=True)
class Attack:
    """A claim attacking a claim (rebut) or an argument's inference (undercut)."""

    attacker: str
    target: str
    kind: AttackKind
    pos: Position


@dataclass(frozen=True, slots=True)
class MapDocument:
    """One map file's metadata: its title and the document it encodes."""

    path: str
    version: int
    title: str | None = None
    source: Mapping[str, str] = field(default_factory=dict)
    extends: str | None = None


_NO_PREDECESSORS: Mapping[str, str] = {}
_PRO, _CON, _BOTH = frozenset({"pro"}), frozenset({"con"}), frozenset({"pro", "con"})


def _grouped(items: Iterable[T], key_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by key, each list in the items' order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        key = key_of(item)
        found = groups.get(key)
        if found is None:
            groups[key] = [item]
        else:
            found.append(item)
    return groups


def convergent_id(premise: str, conclusion: str) -> str:
    """The id of the one-premise argument behind ``premise supports: [conclusion]``."""
    return f"{premise}->{conclusion}"


class ArgumentMap:
    """An immutable argument map with the queries rules need.

    The graph has a node per claim (``type="claim"``) and per argument (``type="argument"``).
    Edges: premise -> argument (``role="premise"``), warrant -> argument (``role="warrant"``),
    argument -> conclusion (``role="conclusion"``), attacker -> target (``role="rebut"`` or
    ``role="undercut"``).

    The networkx graphs are built on first use; the rules run on plain adjacency dicts with the
    same edges, so checking a map neither imports networkx nor pays for its graph.
    """

    def __init__(
        self,
        claims: Iterable[Claim],
        arguments: Iterable[Argument] = (),
        attacks: Iterable[Attack] = (),
        sources: Iterable[Source] = (),
        documents: Iterable[MapDocument] = (),
    ) -> None:
        self.claims: Mapping[str, Claim] = {c.id: c for c in claims}
        self.arguments: Mapping[str, Argument] = {a.id: a for a in arguments}
        self.attacks: tuple[Attack, ...] = tuple(attacks)
        self.sources: Mapping[str, Source] = {s.key: s for s in sources}
        self.documents: tuple[MapDocument, ...] = tuple(documents)

    # The indexes behind the queries, each built on first use: loading a map for `render` or
    # `stats` asks for none of them, and checking one asks for each once.

    @cached_property
    def _supports_into(self) -> dict[str, list[Argument]]:
        return _grouped(self.arguments.values(), attrgetter("conclusion"))

    @cached_property
    def _premise_of(self) -> dict[str, list[Argument]]:
        premise_of: dict[str, list[Argument]] = {}
        for arg in self.arguments.values():
            for p in arg.premises:
                found = premise_of.get(p)
                if found is None:
                    premise_of[p] = [arg]
                else:
                    found.append(arg)
        return premise_of

    @cached_property
    def _attacks_on(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, attrgetter("target"))

    @cached_property
    def _attacks_by(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, attrgetter("attacker"))

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
        """The frozen networkx graph of claims and arguments (see the class docstring)."""
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

    # -- queries -------------------------------------------------------------------------

    @property
    def title(self) -> str | None:
        """The title of the first map document that has one (the extending map's own first)."""
        for doc in reversed(self.documents):
            if doc.title:
                return doc.title
        return None

    def supporters_of(self, claim_id: str) -> list[Argument]:
        """Arguments (linked or convergent) whose conclusion is ``claim_id``."""
        return self._supports_into.get(claim_id, [])

    @property
    def supported_claims(self) -> KeysView[str]:
        """Ids of the claims some argument (linked or convergent) concludes."""
        return self._supports_into.keys()

    def arguments_using(self, claim_id: str) -> list[Argument]:
        """Arguments in which ``claim_id`` is a premise."""
        return self._premise_of.get(claim_id, [])

    def attackers_of(self, node_id: str) -> list[Attack]:
        """Attacks whose target is the claim or argument ``node_id``."""
        return self._attacks_on.get(node_id, [])

    def attacks_by(self, claim_id: str) -> list[Attack]:
        """Attacks that ``claim_id`` makes."""
        return self._attacks_by.get(claim_id, [])

    def premises_of(self, argument_id: str) -> tuple[str, ...]:
        """The premises of an argument."""
        return self.arguments[argument_id].premises

    def citing(self, source_key: str) -> list[Claim]:
        """Claims that cite a source."""
        return list(self._citing.get(source_key, ()))

    @cached_property
    def _citing(self) -> Mapping[str, list[Claim]]:
        """Source key -> the claims citing it, in file order (one pass, not one per source)."""
        citing: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            for key in dict.fromkeys(claim.cites):
                citing.setdefault(key, []).append(claim)
        return citing

    def claims_of_kind(self, *kinds: ClaimKind) -> Iterator[Claim]:
        """Claims of the given kinds, in file order."""
        return (c for c in self.claims.values() if c.kind in kinds)

    @cached_property
    def support_successors(self) -> Mapping[str, Mapping[str, None]]:
        """Claim -> the claims it supports as premise or warrant (an ordered set), as dicts."""
        succ: dict[str, dict[str, None]] = {claim_id: {} for claim_id in self.claims}
        for arg in self.arguments.values():
            succ.setdefault(arg.conclusion, {})
            for p in arg.premises + ((arg.warrant,) if arg.warrant else ()):
                succ.setdefault(p, {})[arg.conclusion] = None
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
        return [c.id for c in self.claims_of_kind(ClaimKind.THESIS, ClaimKind.RECOMMENDATION)]

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
        pred = self.predecessors
        # reached[True]: nodes found pro, reached[False]: found con; one search per side
        # from the nodes the other side's search handed over through an attack.
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

    def stats(self) -> dict[str, int]:
        """Counts for ``argmap stats``.

        ``arguments`` counts the linked arguments written out in ``arguments:``; ``supports``
        counts every support relation: each convergent ``supports:`` entry and each argument.
        """
        return {
            "claims": len(self.claims),
            "arguments": sum(1 for a in self.arguments.values() if a.linked),
            "supports": len(self.arguments),
            "attacks": len(self.attacks),
            "sources": len(self.sources),
        }
