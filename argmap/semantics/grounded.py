"""The grounded labelling: the least fixpoint, by one worklist pass (linear in the map).

Each node keeps counters of the inputs that could still change its value; a node is labelled
as soon as its inputs force a value, and labels never change, so every edge is looked at a
bounded number of times (the method of unit propagation, and of computing Dung's grounded
extension by counting live attackers).

The same pass relabels part of a map (`relabel`): the nodes of a region, with every input
from outside the region held at its given label. That is what asking "would this conclusion
still stand without X?" needs, for the few nodes between X and the conclusion.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Container, Iterable, MutableMapping, Sequence

from argmap.semantics.framework import Framework

UNDECIDED, IN, OUT = 0, 1, 2


def grounded_labelling(
    fw: Framework, excluded: Collection[int] = ()
) -> tuple[list[int], list[int]]:
    """Labels (UNDECIDED/IN/OUT per node) and the order in which each was decided (-1: never).

    Nodes in ``excluded`` are taken out: labelled out before anything else is decided.
    """
    n = fw.rows.size
    label = [UNDECIDED] * n
    rank = [-1] * n
    run = _Run(
        fw,
        scope=range(n),
        label=label,
        rank=rank,
        # claims: supporting arguments not yet out; arguments: premises not yet in
        open_support=[*map(len, fw.rows.supporters), *map(len, fw.rows.premises)],
        # rebutters (claims) or undercutters (arguments) not yet out
        open_attack=[*map(len, fw.rows.rebutters), *map(len, fw.rows.undercutters)],
        # claims only: grounded, or some argument for it is in
        supported=[*map(bool, fw.grounds), *([False] * (n - fw.rows.n_claims))],
        # claims: a rebutter is in; arguments: a premise is out or an undercutter is in
        forced_out=[False] * n,
    )
    run.label_all(excluded, range(n))
    return label, rank


def relabel(
    fw: Framework, labels: Sequence[int], region: Collection[int], excluded: Collection[int]
) -> dict[int, int]:
    """The grounded labels of ``region`` with ``excluded`` taken out, inputs from outside fixed.

    Exact when no node outside ``region`` depends on ``excluded``, or none that the region's
    nodes read: then outside labels are what a whole recomputation would give them.
    """
    label = dict.fromkeys(region, UNDECIDED)
    open_support: dict[int, int] = {}
    open_attack: dict[int, int] = {}
    supported: dict[int, bool] = {}
    forced_out: dict[int, bool] = {}
    for node in region:
        pro, con, is_claim = _inputs(fw, node)
        # an input inside the region is open until decided; one outside counts by its label
        if is_claim:
            open_support[node] = sum(1 for p in pro if p in label or labels[p] != OUT)
            supported[node] = bool(fw.grounds[node]) or any(
                p not in label and labels[p] == IN for p in pro
            )
            forced_out[node] = any(c not in label and labels[c] == IN for c in con)
        else:
            open_support[node] = sum(1 for p in pro if p in label or labels[p] != IN)
            supported[node] = False
            forced_out[node] = any(p not in label and labels[p] == OUT for p in pro) or any(
                c not in label and labels[c] == IN for c in con
            )
        open_attack[node] = sum(1 for c in con if c in label or labels[c] != OUT)
    rank = dict.fromkeys(region, -1)
    _Run(fw, label.keys(), label, rank, open_support, open_attack, supported, forced_out
         ).label_all(excluded, region)
    return label


def _inputs(fw: Framework, node: int) -> tuple[Sequence[int], Sequence[int], bool]:
    """A node's supporting inputs, its attackers, and whether it is a claim."""
    if fw.rows.is_claim(node):
        return fw.rows.supporters[node], fw.rows.rebutters[node], True
    offset = node - fw.rows.n_claims
    return fw.rows.premises[offset], fw.rows.undercutters[offset], False


class _Run:
    """One worklist pass over the nodes in ``scope``; the counters are lists or dicts."""

    def __init__(
        self,
        fw: Framework,
        scope: Container[int],
        label: MutableMapping[int, int] | list[int],
        rank: MutableMapping[int, int] | list[int],
        open_support: MutableMapping[int, int] | list[int],
        open_attack: MutableMapping[int, int] | list[int],
        supported: MutableMapping[int, bool] | list[bool],
        forced_out: MutableMapping[int, bool] | list[bool],
    ) -> None:
        self.fw, self.scope, self.label, self.rank = fw, scope, label, rank
        self.open_support, self.open_attack = open_support, open_attack
        self.supported, self.forced_out = supported, forced_out

    def label_all(self, excluded: Iterable[int], nodes: Iterable[int]) -> None:
        """Take ``excluded`` out, decide what ``nodes`` decide alone, then propagate."""
        fw, nc = self.fw, self.fw.rows.n_claims
        label, rank = self.label, self.rank
        open_support, open_attack = self.open_support, self.open_attack
        supported, forced_out = self.supported, self.forced_out
        queue: deque[int] = deque()
        decided = 0

        # The rules for claims and for arguments, written out rather than one `decide` with a
        # branch: they run once per node and per edge.
        def decide_claim(node: int) -> None:
            nonlocal decided
            if label[node] != UNDECIDED:
                return
            if forced_out[node] or (not fw.grounds[node] and open_support[node] == 0):
                label[node] = OUT
            elif supported[node] and open_attack[node] == 0:
                label[node] = IN
            else:
                return
            rank[node] = decided
            decided += 1
            queue.append(node)

        def decide_argument(node: int) -> None:
            nonlocal decided
            if label[node] != UNDECIDED:
                return
            if forced_out[node]:
                label[node] = OUT
            elif open_support[node] == 0 and open_attack[node] == 0:
                label[node] = IN
            else:
                return
            rank[node] = decided
            decided += 1
            queue.append(node)

        for node in excluded:
            label[node] = OUT
            rank[node] = decided
            decided += 1
            queue.append(node)
        for node in nodes:
            if node < nc:
                decide_claim(node)
            else:
                decide_argument(node)
        scope = self.scope
        premise_in, rebuts, undercuts = fw.rows.premise_in, fw.rows.rebuts, fw.rows.undercuts
        conclusion = fw.rows.conclusion
        while queue:
            node = queue.popleft()
            is_in = label[node] == IN
            if node >= nc:  # an argument tells its conclusion
                target = conclusion[node - nc]
                if target in scope:
                    if is_in:
                        supported[target] = True
                    else:
                        open_support[target] -= 1
                    decide_claim(target)
                continue
            for arg in premise_in[node]:
                if arg in scope:
                    if is_in:
                        open_support[arg] -= 1
                    else:
                        forced_out[arg] = True
                    decide_argument(arg)
            for target in rebuts[node]:
                if target in scope:
                    if is_in:
                        forced_out[target] = True
                    else:
                        open_attack[target] -= 1
                    decide_claim(target)
            for target in undercuts[node]:
                if target in scope:
                    if is_in:
                        forced_out[target] = True
                    else:
                        open_attack[target] -= 1
                    decide_argument(target)

