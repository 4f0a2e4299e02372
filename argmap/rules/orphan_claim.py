"""A claim with no path to a thesis or a recommendation.

Every claim in a map should take part in the argument: support a conclusion, attack something
that does, or serve as a warrant, so that following its arrows (supports, premises, warrants,
rebuttals, undercuts) leads at last to a thesis or a recommendation. A claim that leads nowhere
is either a mapping slip (a forgotten `supports:`, a misspelt target) or text that is not part
of the argument and can go.

A map with no thesis and no recommendation at all has nothing to connect to; the rule then
reports that once, at the first claim, instead of calling every claim an orphan.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        supports: [tram]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, ClaimKind
from argmap.rules.base import Problem

ID = "orphan-claim"
NAME = "orphan claim"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each claim that reaches no thesis or recommendation through any relation."""
    if not amap.claims:
        return
    has_conclusion = next(amap.claims_of_kind(ClaimKind.THESIS, ClaimKind.RECOMMENDATION), None)
    if has_conclusion is None:
        first = next(iter(amap.claims.values()))
        yield Problem(
            message=(
                f"map has no thesis or recommendation, so no claim (first: '{first.id}')"
                " can reach one; give the main conclusion kind: thesis"
            ),
            pos=first.pos,
            subject=first.id,
        )
        return
    connected = amap.connected_to_conclusions
    for claim in amap.claims.values():
        if claim.id not in connected:
            yield Problem(
                message=(
                    f"{claim.kind.value} '{claim.id}' has no path to a thesis or recommendation"
                ),
                pos=claim.pos,
                subject=claim.id,
            )
