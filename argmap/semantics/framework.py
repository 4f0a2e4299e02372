"""The bipolar framework the semantics read: the map's integer rows and each claim's grounds.

Nodes 0..n_claims-1 are claims, the rest arguments. A claim's label is
``(grounded or some supporter in) and no rebutter in``; an argument's label is
``all premises (and warrant) in and no undercutter in``, both in Kleene's three-valued logic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import ArgumentMap, Claim, ClaimKind
from argmap.model.views import NodeRows


@dataclass(frozen=True, slots=True, eq=False)
class Framework:
    """The map's integer rows, and why each claim stands without support ("" when it does not).

    ``rows`` is the map's own index (ArgumentMap.node_rows), shared with the rules' searches.
    """

    rows: NodeRows
    grounds: Sequence[str]


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
    """The map's rows with each claim's grounds (linear in the map's size)."""
    rows = amap.node_rows
    grounds = [
        _grounds(claim, presume and not supporters)
        for claim, supporters in zip(amap.claims.values(), rows.supporters, strict=True)
    ]
    return Framework(rows=rows, grounds=grounds)
