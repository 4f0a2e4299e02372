"""The verdict on each conclusion: does it stand, why, its strands, and what it hangs on.

A claim or argument X is *load-bearing* for a conclusion C when C stands (is in) and would not
stand with X taken out (X labelled out, everything else recomputed under grounded semantics).

Trying every X against every C would be quadratic. Instead, one pass in the order the grounded
labelling decided the nodes collects, for every decided node, the nodes that each of its
derivations needs (an intersection over the alternative ways it was decided, a union over
what one way needs): a superset of the load-bearing nodes, as dominators are for plain graphs.
Only those candidates are then tried, one recomputation each, shared by all conclusions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, UNDECIDED, relabel

_LABEL_NAME = {IN: "in", OUT: "out", UNDECIDED: "undecided"}


@dataclass(frozen=True, slots=True)
class Strand:
    """One line of support into a conclusion: an argument, its label and what it rests on."""

    argument: str
    status: str
    premises: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The serialised form the JSON report carries."""
        return {"argument": self.argument, "status": self.status, "premises": list(self.premises)}


def strands_of(fw: Framework, labels: Sequence[int], claim: int) -> list[Strand]:
    """The arguments that conclude ``claim``, each with its label and premises."""
    return [
        Strand(
            argument=fw.rows.ids[arg],
            status=_LABEL_NAME[labels[arg]],
            premises=tuple(fw.rows.ids[p] for p in fw.rows.premises[arg - fw.rows.n_claims]),
        )
        for arg in fw.rows.supporters[claim]
    ]


def bearing(fw: Framework, targets: Sequence[int]) -> list[int]:
    """Per node, a bit set of the ``targets`` (by position) whose standing it bears on.

    A node bears on a target when a chain of supports (premise, argument, conclusion) and
    attacks (rebuttal, undercut) leads from it to the target: changing the node may change
    the target's label. The bit sets flow from each node to its inputs once the node has
    heard from everything it feeds (one pass over the edges); nodes on a cycle never get
    there and are finished by a worklist that revisits a node only when it learns of a new
    target.
    """
    n, nc = fw.rows.size, fw.rows.n_claims
    reach = [0] * n
    for position, target in enumerate(targets):
        reach[target] |= 1 << position
    # how many nodes each node feeds, not yet finished
    rows = fw.rows
    waiting = [
        len(rows.premise_in[c]) + len(rows.rebuts[c]) + len(rows.undercuts[c]) for c in range(nc)
    ]
    waiting += [1] * (n - nc)  # an argument feeds its conclusion
    ready = deque(node for node in range(n) if not waiting[node])
    while ready:
        node = ready.popleft()
        bits = reach[node]
        for source in _inputs(fw, node):
            reach[source] |= bits
            waiting[source] -= 1
            if not waiting[source]:
                ready.append(source)
    pending = deque(node for node in range(n) if waiting[node] and reach[node])
    while pending:
        node = pending.popleft()
        bits = reach[node]
        for source in _inputs(fw, node):
            if bits & ~reach[source]:
                reach[source] |= bits
                pending.append(source)
    return reach


def _inputs(fw: Framework, node: int) -> Iterable[int]:
    """What a node's label is computed from: supporters and rebutters, or premises and
    undercutters."""
    if node < fw.rows.n_claims:
        return (*fw.rows.supporters[node], *fw.rows.rebutters[node])
    offset = node - fw.rows.n_claims
    return (*fw.rows.premises[offset], *fw.rows.undercutters[offset])


def load_bearing(
    fw: Framework, labels: Sequence[int], rank: Sequence[int], conclusions: Sequence[int]
) -> dict[int, list[int]]:
    """For each standing conclusion, the nodes it would not stand without, in decision order.

    ``labels`` and ``rank`` are the grounded labelling and its decision order.
    """
    standing = [c for c in conclusions if labels[c] == IN]
    if not standing:
        return {}
    cone = bearing(fw, standing)
    needs = _needs(fw, labels, rank, cone)
    candidates: dict[int, list[int]] = {}
    for conclusion in standing:
        for node in needs[2 * conclusion]:
            if node != conclusion:
                candidates.setdefault(node, []).append(conclusion)
    position = {c: i for i, c in enumerate(standing)}
    result: dict[int, list[int]] = {c: [] for c in standing}
    for node in sorted(candidates, key=rank.__getitem__):
        mask = 0
        for conclusion in candidates[node]:
            mask |= 1 << position[conclusion]
        # Only what lies between the node and these conclusions can change their labels.
        without = relabel(fw, labels, _downstream(fw, node, cone, mask), (node,))
        for conclusion in candidates[node]:
            if without[conclusion] != IN:
                result[conclusion].append(node)
    return result


def _downstream(fw: Framework, start: int, cone: Sequence[int], mask: int) -> set[int]:
    """The nodes a change to ``start`` can reach on its way to the conclusions in ``mask``."""
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if fw.rows.is_claim(node):
            rows = fw.rows
            targets: Iterable[int] = (
                *rows.premise_in[node], *rows.rebuts[node], *rows.undercuts[node]
            )
        else:
            targets = (fw.rows.conclusion[node - fw.rows.n_claims],)
        for target in targets:
            if target not in seen and cone[target] & mask:
                seen.add(target)
                stack.append(target)
    return seen


def _needs(
    fw: Framework, labels: Sequence[int], rank: Sequence[int], cone: Sequence[int]
) -> dict[int, frozenset[int]]:
    """For each decided literal in the cones of ``standing``, the in-nodes its derivation needs.

    Literals are ``2 * node`` (the node is in) and ``2 * node + 1`` (it is out). A literal's
    set is itself plus, over its alternative derivations from earlier-decided literals, the
    intersection of the union of what each derivation's inputs need. Later-decided
    alternatives are left out, which only makes the sets larger: still a superset.
    """
    decided = sorted(
        (n for n in range(fw.rows.size) if cone[n] and labels[n] != UNDECIDED), key=rank.__getitem__
    )
    # Every input of a node in the cone is in the cone and, being what decided the node, was
    # decided earlier: each lookup below finds its entry.
    needs: dict[int, frozenset[int]] = {}
    for node in decided:
        earlier = rank[node]
        alternatives: list[frozenset[int]] = []
        if fw.rows.is_claim(node):
            pro, con = fw.rows.supporters[node], fw.rows.rebutters[node]
            grounded = bool(fw.grounds[node])
        else:
            offset = node - fw.rows.n_claims
            pro, con = fw.rows.premises[offset], fw.rows.undercutters[offset]
            grounded = False
        if labels[node] == IN:
            common: set[int] = {node}
            for attacker in con:
                common |= needs.get(2 * attacker + 1, frozenset())
            if fw.rows.is_claim(node) and not grounded:
                alternatives = [
                    needs.get(2 * arg, frozenset())
                    for arg in pro
                    if labels[arg] == IN and rank[arg] < earlier
                ]
            elif not fw.rows.is_claim(node):
                for premise in pro:
                    common |= needs.get(2 * premise, frozenset())
            if alternatives:
                common |= frozenset.intersection(*alternatives)
            needs[2 * node] = frozenset(common)
            continue
        # out: any attacker in, or (claims) every supporter out / (arguments) any premise out
        for attacker in con:
            if labels[attacker] == IN and rank[attacker] < earlier:
                alternatives.append(needs.get(2 * attacker, frozenset()))
        if fw.rows.is_claim(node):
            if not grounded and all(labels[a] == OUT and rank[a] < earlier for a in pro):
                union: set[int] = set()
                for arg in pro:
                    union |= needs.get(2 * arg + 1, frozenset())
                alternatives.append(frozenset(union))
        else:
            for premise in pro:
                if labels[premise] == OUT and rank[premise] < earlier:
                    alternatives.append(needs.get(2 * premise + 1, frozenset()))
        needs[2 * node + 1] = frozenset.intersection(*alternatives) if alternatives else frozenset()
    return needs


@dataclass(frozen=True, slots=True)
class Conclusion:
    """The verdict on one thesis or recommendation."""

    id: str
    kind: str
    status: str
    reason: str
    strands: tuple[Strand, ...]
    load_bearing: tuple[str, ...]

    @property
    def stands(self) -> bool:
        """Whether the conclusion is in."""
        return self.status == "in"

    def to_dict(self) -> dict[str, object]:
        """The serialised form: ``{id, kind, status, reason, strands, load_bearing}``."""
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "reason": self.reason,
            "strands": [strand.to_dict() for strand in self.strands],
            "load_bearing": list(self.load_bearing),
        }


@dataclass(frozen=True, slots=True)
class Impact:
    """What a finding's subject bears on: conclusions it can change, and whether any needs it."""

    conclusions: tuple[str, ...]
    load_bearing: bool

    def to_dict(self) -> dict[str, object]:
        """The serialised form: ``{"conclusions": [...], "load_bearing": bool}``."""
        return {"conclusions": list(self.conclusions), "load_bearing": self.load_bearing}


NO_IMPACT = Impact((), False)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The conclusions of a map, and what every claim and argument bears on."""

    conclusions: tuple[Conclusion, ...]
    ids: tuple[str, ...]  # the conclusions' ids, by bit position in ``reach``
    reach: Mapping[str, int]  # node id -> bit set of the conclusions it bears on
    needed_by: Mapping[str, tuple[str, ...]]  # node id -> conclusions it is load-bearing for

    def impact(self, subject: str | None) -> Impact:
        """What ``subject`` (a claim or argument id) bears on; nothing for other subjects."""
        bits = self.reach.get(subject, 0) if subject is not None else 0
        if not bits:
            return NO_IMPACT
        # Visit the set bits only: the engine asks this for every finding, and a big map has
        # hundreds of conclusions of which a claim bears on a few.
        reached = []
        while bits:
            low = bits & -bits
            reached.append(self.ids[low.bit_length() - 1])
            bits ^= low
        return Impact(tuple(reached), subject in self.needed_by)


def build_verdict(
    fw: Framework,
    conclusions: Sequence[tuple[str, str]],
    labels: Sequence[int],
    reason: Callable[[str], str],
    grounded_labels: Sequence[int],
    grounded_rank: Sequence[int],
) -> Verdict:
    """The verdict on ``conclusions`` (id, kind pairs) under ``labels``.

    Load-bearing nodes are found under the grounded labelling (``grounded_labels``,
    ``grounded_rank``): taking a node out is asked of the sceptical, well-founded reading.
    A conclusion that does not stand under ``labels`` has none.
    """
    nodes = [fw.rows.index[cid] for cid, _ in conclusions]
    standing = [n for n in nodes if labels[n] == IN]
    needs = load_bearing(fw, grounded_labels, grounded_rank, standing)
    reach = bearing(fw, nodes)
    needed_by: dict[str, list[str]] = {}
    verdicts = []
    for (cid, kind), node in zip(conclusions, nodes, strict=True):
        bearing_nodes = needs.get(node, []) if labels[node] == IN else []
        for n in bearing_nodes:
            needed_by.setdefault(fw.rows.ids[n], []).append(cid)
        verdicts.append(
            Conclusion(
                id=cid,
                kind=kind,
                status=_LABEL_NAME[labels[node]],
                reason=reason(cid),
                strands=tuple(strands_of(fw, labels, node)),
                load_bearing=tuple(fw.rows.ids[n] for n in bearing_nodes),
            )
        )
    return Verdict(
        conclusions=tuple(verdicts),
        ids=tuple(cid for cid, _ in conclusions),
        reach={fw.rows.ids[n]: bits for n, bits in enumerate(reach) if bits},
        needed_by={node: tuple(cids) for node, cids in needed_by.items()},
    )
