"""An argument that rests on a claim an objection has defeated.

Under the grounded semantics (docs/semantics.md) a claim is defeated when a claim rebutting
it stands. An argument whose premise or warrant is defeated cannot hold, whatever else
supports its conclusion, and the text goes on as if the objection had not been made: either
the objection needs an answer (a claim rebutting it), or the argument should not rely on the
defeated claim. Claims that fall only for want of support are `unsupported-claim`'s
business, not this rule's.

Option `presume` (default false) reads the map as a plain Dung framework: claims that no
argument supports stand unless attacked, so objections without support can defeat too.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      grant:
        kind: assumption
        text: The regional grant covers the cost.
        supports: [tram]
      overrun:
        kind: objection
        text: Tram projects routinely overrun their budgets.
        rebuts: [grant]
      fixed:
        kind: evidence
        text: The grant letter fixes the city's share, overruns included.
        rebuts: [overrun]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      grant:
        kind: assumption
        text: The regional grant covers the cost.
        supports: [tram]
      overrun:
        kind: evidence
        text: The 2023 audit found the grant covers a third of the cost.
        rebuts: [grant]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.evaluate import Label, grounded
from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem

ID = "rests-on-defeated-claim"
NAME = "rests on a defeated claim"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {"presume": False}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each argument with a premise or warrant that a standing rebuttal defeats."""
    labels = grounded(amap, bool(options.get("presume", False))).labels
    defeated_by: dict[str, str] = {}
    for claim_id, label in labels.items():
        if label is Label.OUT and claim_id in amap.claims:
            standing = [a.attacker for a in amap.attackers_of(claim_id)
                        if labels[a.attacker] is Label.IN]
            if standing:
                defeated_by[claim_id] = standing[0]
    if not defeated_by:
        return
    for arg in amap.arguments.values():
        for claim_id in arg.premises_and_warrant:
            if claim_id in defeated_by:
                role = "warrant" if claim_id == arg.warrant else "premise"
                yield Problem(
                    message=f"argument '{arg.id}' rests on {role} '{claim_id}', which "
                    f"'{defeated_by[claim_id]}' rebuts and defeats",
                    pos=arg.pos,
                    subject=arg.id,
                )
