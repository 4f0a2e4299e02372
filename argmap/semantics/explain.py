"""Explain a label: the supports and attacks that decide it, followed back to their grounds."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, UNDECIDED

_NAME = {IN: "in", OUT: "out", UNDECIDED: "undecided"}


@dataclass(frozen=True, slots=True)
class Step:
    """One node's label and the reason for it; ``because`` names the nodes the reason uses."""

    node: str
    kind: str  # "claim" or "argument"
    label: str
    reason: str
    because: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.node} is {self.label}: {self.reason}"


def explain(fw: Framework, labels: Sequence[int], rank: Sequence[int], node_id: str) -> list[Step]:
    """Steps from ``node_id`` back to what grounds it, each node once, nearest first."""
    start = fw.index[node_id]
    steps: list[Step] = []
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        reason, because = _reason(fw, labels, rank, node)
        steps.append(
            Step(
                node=fw.ids[node],
                kind="claim" if fw.is_claim(node) else "argument",
                label=_NAME[labels[node]],
                reason=reason,
                because=tuple(fw.ids[b] for b in because),
            )
        )
        for b in because:
            if b not in seen:
                seen.add(b)
                queue.append(b)
    return steps


def first_reason(fw: Framework, labels: Sequence[int], rank: Sequence[int], node_id: str
                 ) -> str:
    """The first step's reason alone: ``explain(...)[0].reason`` without the walk back."""
    return _reason(fw, labels, rank, fw.index[node_id])[0]


def _names(fw: Framework, nodes: Sequence[int]) -> str:
    return ", ".join(fw.ids[n] for n in nodes)


def _earliest(rank: Sequence[int], nodes: list[int]) -> list[int]:
    """The input decided first (so the chain is well-founded under grounded), as a list."""
    return [min(nodes, key=lambda n: (rank[n] < 0, rank[n]))] if nodes else []


def _reason(
    fw: Framework, labels: Sequence[int], rank: Sequence[int], node: int
) -> tuple[str, list[int]]:
    if fw.is_claim(node):
        pro, con = list(fw.supporters[node]), list(fw.rebutters[node])
        grounds = fw.grounds[node]
        pro_word, con_word = "argument", "rebutter"
    else:
        offset = node - fw.n_claims
        pro, con = list(fw.premises[offset]), list(fw.undercutters[offset])
        grounds = ""
        pro_word, con_word = "premise", "undercutter"
    value = labels[node]
    pro_by = {v: [p for p in pro if labels[p] == v] for v in (IN, OUT, UNDECIDED)}
    con_by = {v: [c for c in con if labels[c] == v] for v in (IN, OUT, UNDECIDED)}
    attackers_out = f"; every {con_word} is out: {_names(fw, con)}" if con else ""
    if value == IN:
        if fw.is_claim(node):
            if grounds:
                return grounds + attackers_out, con
            chosen = _earliest(rank, pro_by[IN])
            return f"supported by {_names(fw, chosen)}, which is in" + attackers_out, chosen + con
        if not pro:
            return "it has no premises" + attackers_out, con
        return f"every premise is in: {_names(fw, pro)}" + attackers_out, pro + con
    if value == OUT:
        if con_by[IN]:
            chosen = _earliest(rank, con_by[IN])
            verb = "rebutted" if fw.is_claim(node) else "undercut"
            return f"{verb} by {_names(fw, chosen)}, which is in", chosen
        if not fw.is_claim(node):
            chosen = _earliest(rank, pro_by[OUT])
            return f"its premise {_names(fw, chosen)} is out", chosen
        if not pro:
            return (
                "no argument supports it, and it is not evidence, an assumption, a goal, "
                "common ground or cited",
                [],
            )
        return f"every argument for it is out: {_names(fw, pro)}", pro
    open_inputs = pro_by[UNDECIDED] + con_by[UNDECIDED]
    if con_by[UNDECIDED]:
        text = f"its {con_word} {_names(fw, con_by[UNDECIDED])} is undecided"
    else:
        text = f"its {pro_word} {_names(fw, pro_by[UNDECIDED])} is undecided"
    return text, open_inputs
