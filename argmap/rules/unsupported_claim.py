"""A claim with no supporting argument, no citation and no grounding.

Every claim a text asserts should be argued for (another claim `supports:` it, or an argument
in `arguments:` concludes it), backed by a source (`cites:`), or need no support by its nature:
evidence, an assumption, or a claim marked `common-ground: true`. A claim that is none of these
stands bare: either the map missed the text's reason, or the text gives none.

How serious that is depends on the claim's kind: an unsupported thesis or recommendation is an
error (the text's conclusion rests on nothing), an unsupported premise a warning, and an
unsupported objection only info (a reviewer's objection often stands on its own, but it should
be marked as such). A claim marked `factual: true` is named as such: what it lacks is evidence
as much as argument (`missing-evidence` leaves bare claims to this rule). When the text really
gives no reason and that is acceptable, say why with a waiver on the claim:
`waive: {unsupported-claim: "the author takes this as known"}`.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        cites: [count2023]
        supports: [tram]
    sources:
      count2023:
        title: Annual traffic count 2023

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, ClaimKind
from argmap.rules.base import Problem

ID = "unsupported-claim"
NAME = "unsupported claim"
SEVERITY = Severity.ERROR
OPTIONS: Mapping[str, Any] = {}

# Kinds not listed here (evidence, assumption) are grounding and never reach the grading.
_SEVERITY_BY_KIND = {
    ClaimKind.THESIS: Severity.ERROR,
    ClaimKind.RECOMMENDATION: Severity.ERROR,
    ClaimKind.PREMISE: Severity.WARNING,
    ClaimKind.OBJECTION: Severity.INFO,
}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each claim that has no support, no citation and is not grounding."""
    for claim in amap.claims.values():
        if amap.supporters_of(claim.id) or claim.cites or claim.is_grounding:
            continue
        what = f"{claim.kind.value} '{claim.id}'"
        yield Problem(
            message=f"factual {what} has no support, evidence, citation or waiver"
            if claim.factual
            else f"{what} has no support, citation or waiver",
            pos=claim.pos,
            subject=claim.id,
            severity=_SEVERITY_BY_KIND.get(claim.kind, SEVERITY),
        )
