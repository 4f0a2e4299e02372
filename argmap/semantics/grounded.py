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
    rows = fw.rows
    n, nc = rows.size, rows.n_claims
    label = [UNDECIDED] * n
    rank = [-1] * n
    # claims: supporting arguments not yet out; arguments: premises not yet in
    open_support = [*map(len, rows.supporters), *map(len, rows.premises)]
    # rebutters (claims) or undercutters (arguments) not yet out
    open_attack = [*map(len, rows.rebutters), *map(len, rows.undercutters)]
    # claims only: grounded, or some argument for it is in
    grounded = list(map(bool, fw.grounds))
    supported = grounded + [False] * (n - nc)
    # claims: a rebutter is in; arguments: a premise is out or an undercutter is in
    forced_out = [False] * n
    queue: deque[int] = deque()
    decided = 0

    # The two rules below are `decide` written out for claims and for arguments: this loop
    # runs once per node and per edge, and a call each time would double its cost.
    def decide_claim(node: int) -> None:
        nonlocal decided
        if label[node] != UNDECIDED:
            return
        if forced_out[node] or (not grounded[node] and open_support[node] == 0):
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

    # First pass, nothing decided yet: a claim stands or falls on its grounds and its attackers'
    # and supporters' count alone (decide_claim with nothing forced out), an argument on its
    # counts (decide_argument); written out, as it visits every node.
    for node in range(nc):
        if grounded[node]:
            if open_attack[node]:
                continue
            label[node] = IN
        elif open_support[node] == 0:
            label[node] = OUT
        else:
            continue
        rank[node] = decided
        decided += 1
        queue.append(node)
    for node in range(nc, n):
        if open_support[node] == 0 and open_attack[node] == 0:
            label[node] = IN
            rank[node] = decided
            decided += 1
            queue.append(node)
    premise_in, rebuts, undercuts = rows.premise_in, rows.rebuts, rows.undercuts
    conclusion = rows.conclusion
    while queue:
        node = queue.popleft()
        is_in = label[node] == IN
        if node >= nc:  # an argument tells its conclusion
            target = conclusion[node - nc]
            if is_in:
                supported[target] = True
            else:
                open_support[target] -= 1
            decide_claim(target)
            continue
        for arg in premise_in[node]:
            if is_in:
                open_support[arg] -= 1
            else:
                forced_out[arg] = True
            decide_argument(arg)
        for target in rebuts[node]:
            if is_in:
                forced_out[target] = True
            else:
                open_attack[target] -= 1
            decide_claim(target)
        for target in undercuts[node]:
            if is_in:
                forced_out[target] = True
            else:
                open_attack[target] -= 1
            decide_argument(target)
    return label, rank
