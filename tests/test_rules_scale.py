"""Every rule stays linear: a 100,000-claim map with one huge support cycle checks in seconds."""

from __future__ import annotations

import time

from argmap.engine import check_map
from argmap.errors import Position
from argmap.model import (
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    ClaimKind,
    Source,
    convergent_id,
)

SIZE = 100_000
# A quadratic rule would need hours here; a linear one needs well under a second per rule.
BUDGET_SECONDS = 60.0


def _big_map() -> ArgumentMap:
    """A thesis above a chain c0 <- c1 <- ... <- cN, closed into one cycle, with objections."""
    pos = Position("big.yaml", 1, 1)
    claims = [Claim("t", "thesis", ClaimKind.THESIS, pos)]
    claims += [Claim(f"c{i}", "premise", ClaimKind.PREMISE, pos, factual=True) for i in range(SIZE)]
    claims += [Claim(f"o{i}", "objection", ClaimKind.OBJECTION, pos) for i in range(0, SIZE, 10)]
    links = [("c0", "t"), *((f"c{i}", f"c{i - 1}") for i in range(1, SIZE)), ("c0", f"c{SIZE - 1}")]
    arguments = [Argument(convergent_id(p, c), c, (p,), pos, linked=False) for p, c in links]
    attacks = [Attack(f"o{i}", f"c{i}", AttackKind.REBUT, pos) for i in range(0, SIZE, 10)]
    return ArgumentMap(claims, arguments, attacks, [Source("unused", "Unused", pos)])


def test_all_rules_linear_on_a_large_map() -> None:
    """All rules finish on 100,000 claims, and report the one cycle once."""
    amap = _big_map()
    started = time.perf_counter()
    findings = check_map(amap).findings
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_SECONDS
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    objections = SIZE // 10
    assert by_rule == {
        "circular-support": 1,
        "missing-evidence": SIZE,
        "conclusion-not-established": 1,
        "unanswered-objection": objections,
        "unsupported-claim": objections,
        "unused-source": 1,
    }
    (cycle,) = [f for f in findings if f.rule == "circular-support"]
    assert cycle.claim == "c0"
    assert cycle.message.startswith(f"support cycle: c0 -> c{SIZE - 1} -> c{SIZE - 2} -> ")
    assert cycle.message.endswith(" -> c1 -> c0")
