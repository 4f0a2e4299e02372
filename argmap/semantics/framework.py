"""An argument map compiled to integer-indexed lists: the bipolar framework semantics read.

Nodes 0..n_claims-1 are claims, the rest arguments. A claim's label is
``(grounded or some supporter in) and no rebutter in``; an argument's label is
``all premises (and warrant) in and no undercutter in``, both in Kleene's three-valued logic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.model import ArgumentMap, Claim, ClaimKind


@dataclass(frozen=True, slots=True, eq=False)
class Framework:
    """The map as index lists; ``ids[i]`` names node ``i``.

    The lists are read, never changed; they are not copied into tuples, which would cost a
    fifth of compiling a large map.
    """

    ids: tuple[str, ...]
    n_claims: int
    # claims
    grounds: Sequence[str]  # why a claim stands without support ("" when it does not)
    supporters: Sequence[Sequence[int]]  # claim -> arguments concluding it
    rebutters: Sequence[Sequence[int]]  # claim -> claims rebutting it
    # arguments (index i - n_claims)
    premises: Sequence[Sequence[int]]  # argument -> premises and warrant
    undercutters: Sequence[Sequence[int]]  # argument -> claims undercutting it
    conclusion: Sequence[int]  # argument -> claim
    # reverse edges, for propagation
    premise_in: Sequence[Sequence[int]]  # claim -> arguments using it as premise/warrant
    rebuts: Sequence[Sequence[int]]  # claim -> claims it rebuts
    undercuts: Sequence[Sequence[int]]  # claim -> arguments it undercuts
    index: Mapping[str, int]  # id -> node (ids.index would scan the whole map per lookup)

    @property
    def size(self) -> int:
        """Number of nodes, claims and arguments."""
        return len(self.ids)

    def is_claim(self, node: int) -> bool:
        """Whether node ``node`` is a claim (else an argument)."""
        return node < self.n_claims


def grounds_of(amap: ArgumentMap, claim_id: str, presume: bool) -> str:
    """Why a claim stands without support, or "" when it needs an argument.

    Evidence, assumptions, goals, common ground and cited claims stand; with ``presume`` every claim
    that no argument supports is presumed too (the reading of plain Dung frameworks).
    """
    return _grounds(amap.claims[claim_id], presume and not amap.supporters_of(claim_id))


def _grounds(claim: Claim, presumed: bool) -> str:
    if claim.kind is ClaimKind.EVIDENCE:
        return "it is evidence"
    if claim.kind is ClaimKind.ASSUMPTION:
        return "it is an assumption"
    if claim.kind is ClaimKind.GOAL:
        return "it is a goal"
    if claim.common_ground:
        return "it is common ground"
    if claim.cites:
        return "it cites " + ", ".join(claim.cites)
    if presumed:
        return "it is presumed (--presume) and no argument supports it"
    return ""


def compile_map(amap: ArgumentMap, presume: bool = False) -> Framework:
    """Index the map's claims, arguments, supports and attacks (linear in the map's size)."""
    rows = amap.node_rows  # built once per map, shared with the map's own searches
    supporters = rows.supporters
    grounds = [
        _grounds(claim, presume and not claim_supporters)
        for claim, claim_supporters in zip(amap.claims.values(), supporters, strict=True)
    ]
    return Framework(rows.ids, rows.n_claims, grounds, supporters, rows.rebutters, rows.premises,
                     rows.undercutters, rows.conclusion, rows.premise_in, rows.rebuts,
                     rows.undercuts, rows.index)
