"""An argument map compiled to integer-indexed lists: the bipolar framework semantics read.

Nodes 0..n_claims-1 are claims, the rest arguments. A claim's label is
``(grounded or some supporter in) and no rebutter in``; an argument's label is
``all premises (and warrant) in and no undercutter in``, both in Kleene's three-valued logic.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap, ClaimKind


@dataclass(frozen=True, slots=True)
class Framework:
    """The map as index lists; ``ids[i]`` names node ``i``."""

    ids: tuple[str, ...]
    n_claims: int
    # claims
    grounds: tuple[str, ...]  # why a claim stands without support ("" when it does not)
    supporters: tuple[tuple[int, ...], ...]  # claim -> arguments concluding it
    rebutters: tuple[tuple[int, ...], ...]  # claim -> claims rebutting it
    # arguments (index i - n_claims)
    premises: tuple[tuple[int, ...], ...]  # argument -> premises and warrant
    undercutters: tuple[tuple[int, ...], ...]  # argument -> claims undercutting it
    conclusion: tuple[int, ...]  # argument -> claim
    # reverse edges, for propagation
    premise_in: tuple[tuple[int, ...], ...]  # claim -> arguments using it as premise/warrant
    rebuts: tuple[tuple[int, ...], ...]  # claim -> claims it rebuts
    undercuts: tuple[tuple[int, ...], ...]  # claim -> arguments it undercuts

    @property
    def size(self) -> int:
        """Number of nodes, claims and arguments."""
        return len(self.ids)

    def is_claim(self, node: int) -> bool:
        """Whether node ``node`` is a claim (else an argument)."""
        return node < self.n_claims


def grounds_of(amap: ArgumentMap, claim_id: str, presume: bool) -> str:
    """Why a claim stands without support, or "" when it needs an argument.

    Evidence, assumptions, common ground and cited claims stand; with ``presume`` every claim
    that no argument supports is presumed too (the reading of plain Dung frameworks).
    """
    claim = amap.claims[claim_id]
    if claim.kind is ClaimKind.EVIDENCE:
        return "it is evidence"
    if claim.kind is ClaimKind.ASSUMPTION:
        return "it is an assumption"
    if claim.common_ground:
        return "it is common ground"
    if claim.cites:
        return "it cites " + ", ".join(claim.cites)
    if presume and not amap.supporters_of(claim_id):
        return "it is presumed (--presume) and no argument supports it"
    return ""


def compile_map(amap: ArgumentMap, presume: bool = False) -> Framework:
    """Index the map's claims, arguments, supports and attacks (linear in the map's size)."""
    claim_ids = list(amap.claims)
    arg_ids = list(amap.arguments)
    ids = (*claim_ids, *arg_ids)
    index = {node_id: i for i, node_id in enumerate(ids)}
    n_claims = len(claim_ids)
    supporters: list[list[int]] = [[] for _ in claim_ids]
    rebutters: list[list[int]] = [[] for _ in claim_ids]
    premise_in: list[list[int]] = [[] for _ in claim_ids]
    rebuts: list[list[int]] = [[] for _ in claim_ids]
    undercuts: list[list[int]] = [[] for _ in claim_ids]
    premises: list[tuple[int, ...]] = []
    undercutters: list[list[int]] = [[] for _ in arg_ids]
    conclusion: list[int] = []
    for offset, arg in enumerate(amap.arguments.values()):
        node = n_claims + offset
        needed = arg.premises + ((arg.warrant,) if arg.warrant is not None else ())
        premises.append(tuple(index[p] for p in needed))
        for p in needed:
            premise_in[index[p]].append(node)
        target = index[arg.conclusion]
        conclusion.append(target)
        supporters[target].append(node)
    for attack in amap.attacks:
        attacker, target = index[attack.attacker], index[attack.target]
        if target < n_claims:
            rebutters[target].append(attacker)
            rebuts[attacker].append(target)
        else:
            undercutters[target - n_claims].append(attacker)
            undercuts[attacker].append(target)
    grounds = tuple(grounds_of(amap, c, presume) for c in claim_ids)
    return Framework(
        ids=ids,
        n_claims=n_claims,
        grounds=grounds,
        supporters=tuple(map(tuple, supporters)),
        rebutters=tuple(map(tuple, rebutters)),
        premises=tuple(premises),
        undercutters=tuple(map(tuple, undercutters)),
        conclusion=tuple(conclusion),
        premise_in=tuple(map(tuple, premise_in)),
        rebuts=tuple(map(tuple, rebuts)),
        undercuts=tuple(map(tuple, undercuts)),
    )
