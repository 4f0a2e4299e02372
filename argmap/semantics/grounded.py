"""The grounded labelling: the least fixpoint, by one worklist pass (linear in the map).

Each node keeps counters of the inputs that could still change its value; a node is labelled
as soon as its inputs force a value, and labels never change, so every edge is looked at a
bounded number of times (the method of unit propagation, and of computing Dung's grounded
extension by counting live attackers).
"""

from __future__ import annotations

from collections import deque

from argmap.semantics.framework import Framework

UNDECIDED, IN, OUT = 0, 1, 2


def grounded_labelling(fw: Framework) -> tuple[list[int], list[int]]:
    """Labels (UNDECIDED/IN/OUT per node) and the order in which each was decided (-1: never)."""
    n, nc = fw.size, fw.n_claims
    label = [UNDECIDED] * n
    rank = [-1] * n
    # claims: supporting arguments not yet out; arguments: premises not yet in
    open_support = [len(s) for s in fw.supporters] + [len(p) for p in fw.premises]
    # rebutters (claims) or undercutters (arguments) not yet out
    open_attack = [len(r) for r in fw.rebutters] + [len(u) for u in fw.undercutters]
    # claims only: grounded, or some argument for it is in
    grounded = [bool(g) for g in fw.grounds]
    supported = grounded + [False] * (n - nc)
    # claims: a rebutter is in; arguments: a premise is out or an undercutter is in
    forced_out = [False] * n
    queue: deque[int] = deque()
    decided = 0

    def decide(node: int) -> None:
        nonlocal decided
        if label[node] != UNDECIDED:
            return
        if node < nc:
            unsupported = not grounded[node] and open_support[node] == 0
            can_stand = supported[node]
        else:
            unsupported = False
            can_stand = open_support[node] == 0
        if forced_out[node] or unsupported:
            label[node] = OUT
        elif can_stand and open_attack[node] == 0:
            label[node] = IN
        else:
            return
        rank[node] = decided
        decided += 1
        queue.append(node)

    for node in range(n):
        decide(node)
    while queue:
        node = queue.popleft()
        is_in = label[node] == IN
        if node >= nc:  # an argument tells its conclusion
            target = fw.conclusion[node - nc]
            if is_in:
                supported[target] = True
            else:
                open_support[target] -= 1
            decide(target)
            continue
        for arg in fw.premise_in[node]:
            if is_in:
                open_support[arg] -= 1
            else:
                forced_out[arg] = True
            decide(arg)
        for target in (*fw.rebuts[node], *fw.undercuts[node]):
            if is_in:
                forced_out[target] = True
            else:
                open_attack[target] -= 1
            decide(target)
    return label, rank
