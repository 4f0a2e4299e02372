"""An attack on a claim or an inference that nothing attacks back.

A rebuttal (`rebuts:`) or an undercut (`undercuts:`) that stands unanswered defeats its target:
if the text raises an objection and never replies, its argument has a hole the reader will see.
This rule reports each attack whose attacking claim is itself attacked by nothing, at the
`rebuts:` or `undercuts:` entry. Only objections count: an attack made on behalf of the thesis
(a reply to an objection, a rebuttal of a counter-argument) is an answer, and the map's last
word in a chain of replies is not a gap. A claim is on the thesis's side when it reaches a
thesis or recommendation by supporting it, by attacking an attacker of it, and so on; a claim
with no such path, or reached both ways, counts as an objection.

Answer the objection in the map with a claim that `rebuts:` the attacker (or undercuts the
argument behind it). When the text deliberately leaves an objection standing, say so with
`waive: {unanswered-objection: "conceded in ¶5"}` on the attacking claim.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      cost-overrun:
        kind: objection
        text: Tram projects of this size routinely overrun their budgets.
        rebuts: [tram]
      fixed-price:
        text: The contract is fixed-price, so overruns fall on the builder.
        rebuts: [cost-overrun]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      cost-overrun:
        kind: objection
        text: Tram projects of this size routinely overrun their budgets.
        rebuts: [tram]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, AttackKind
from argmap.rules.base import Problem

ID = "unanswered-objection"
NAME = "unanswered objection"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}

_THESIS_SIDE = frozenset({"pro"})


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each objection whose attacker is not attacked by anything."""
    sides = amap.sides
    for attack in amap.attacks:
        if amap.attackers_of(attack.attacker):
            continue
        if sides.get(attack.attacker) == _THESIS_SIDE:
            continue  # a reply on the thesis's behalf answers; it is not an objection
        if attack.kind is AttackKind.REBUT:
            what = f"rebuts '{attack.target}'"
        else:
            what = f"undercuts argument '{attack.target}'"
        kind = amap.claims[attack.attacker].kind.value
        yield Problem(
            message=f"{kind} '{attack.attacker}' {what} and nothing answers it",
            pos=attack.pos,
            subject=attack.attacker,
        )
