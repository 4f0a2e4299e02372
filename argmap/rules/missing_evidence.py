"""A factual claim whose support never bottoms out in evidence or a cited source.

Marking a claim `factual: true` says it states a matter of fact, and a matter of fact needs
evidence. This rule follows the claim's support downwards, through convergent supports, linked
arguments and their warrants, and reports the claim when no claim on the way (nor the claim
itself) is of kind `evidence` or `cites:` a source. Reasons alone, however many, do not
establish a fact.

Claims marked `common-ground: true` are skipped: both sides accept them. A factual claim with no
support and no citation at all is `unsupported-claim`'s finding, not this one's, so that one gap
is reported once; a factual assumption (which needs no argument, but does need evidence) is
reported here.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        factual: true
        supports: [tram]
      count-2023:
        kind: evidence
        text: The 2023 count found peak flows 5% above design capacity.
        supports: [congestion]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        factual: true
        supports: [tram]
      commuters-complain:
        text: Commuters say the axis is always jammed, so it must be full.
        supports: [congestion]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, ClaimKind
from argmap.rules.base import Problem

ID = "missing-evidence"
NAME = "missing evidence"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each factual claim with no evidence or citing claim among its supporters."""
    claims = amap.claims.values()
    evidenced = amap.supported_from(c.kind is ClaimKind.EVIDENCE or bool(c.cites) for c in claims)
    for claim, has_evidence in zip(claims, evidenced, strict=True):
        if not claim.factual or claim.common_ground or has_evidence:
            continue
        if not claim.is_grounding and not amap.supporters_of(claim.id):
            continue  # bare: unsupported-claim reports it
        yield Problem(
            message=(
                f"factual {claim.kind.value} '{claim.id}' has no evidence or cited source"
                " in its support"
            ),
            pos=claim.pos,
            subject=claim.id,
        )
