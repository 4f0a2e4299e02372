"""An argument map compiled to integer-indexed lists: the bipolar framework semantics read.

Nodes 0..n_claims-1 are claims, the rest arguments. A claim's label is
``(grounded or some supporter in) and no rebutter in``; an argument's label is
``all premises (and warrant) in and no undercutter in``, both in Kleene's three-valued logic.
"""

from __future__ import annotations

from collections.abc import Sequence
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

    @property
    def size(self) -> int:
        """Number of nodes, claims and arguments."""
        return len(self.ids)

    def is_claim(self, node: int) -> bool:
        """Whether node ``node`` is a claim (else an argument)."""
        return node < self.n_claims


_NO_NODES: list[int] = []  # the shared empty row of compile_map; never appended to


def grounds_of(amap: ArgumentMap, claim_id: str, presume: bool) -> str:
    """Why a claim stands without support, or "" when it needs an argument.

    Evidence, assumptions, common ground and cited claims stand; with ``presume`` every claim
    that no argument supports is presumed too (the reading of plain Dung frameworks).
    """
    return _grounds(amap.claims[claim_id], presume and not amap.supporters_of(claim_id))


def _grounds(claim: Claim, presumed: bool) -> str:
    if claim.kind is ClaimKind.EVIDENCE:
        return "it is evidence"
    if claim.kind is ClaimKind.ASSUMPTION:
        return "it is an assumption"
    if claim.common_ground:
        return "it is common ground"
    if claim.cites:
        return "it cites " + ", ".join(claim.cites)
    if presumed:
        return "it is presumed (--presume) and no argument supports it"
    return ""


def compile_map(amap: ArgumentMap, presume: bool = False) -> Framework:
    """Index the map's claims, arguments, supports and attacks (linear in the map's size)."""
    claim_ids = list(amap.claims)
    ids = (*claim_ids, *amap.arguments)
    index = dict(zip(ids, range(len(ids)), strict=True))
    node_of = index.__getitem__
    n_claims = len(claim_ids)
    # Most nodes have no rebutter, no undercut, ...: their rows share one empty list, and a
    # node gets a list of its own only when the first entry comes (`if row` is False only for
    # the shared one, so it is never appended to). Half a million empty lists on a
    # 100,000-claim map cost more than the search itself.
    supporters: list[list[int]] = [_NO_NODES] * n_claims
    rebutters: list[list[int]] = [_NO_NODES] * n_claims
    premise_in: list[list[int]] = [_NO_NODES] * n_claims
    rebuts: list[list[int]] = [_NO_NODES] * n_claims
    undercuts: list[list[int]] = [_NO_NODES] * n_claims
    premises: list[tuple[int, ...]] = []
    undercutters: list[list[int]] = [_NO_NODES] * len(amap.arguments)
    conclusion: list[int] = []
    for node, arg in enumerate(amap.arguments.values(), n_claims):
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
    for attack in amap.attacks:
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
    grounds = [
        _grounds(claim, presume and not claim_supporters)
        for claim, claim_supporters in zip(amap.claims.values(), supporters, strict=True)
    ]
    return Framework(ids, n_claims, grounds, supporters, rebutters, premises, undercutters,
                     conclusion, premise_in, rebuts, undercuts)
