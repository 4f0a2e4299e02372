"""A recommendation whose support reaches no premise, evidence, assumption or source.

A recommendation (a proposed course of action) needs reasons of its own: premises about the
situation, evidence, assumptions the text makes, or cited sources. A recommendation that is
supported only by the thesis, by other recommendations or by objections has a chain of support
that never touches the ground: "we should do X because we should do Y" says nothing about why.

The rule follows the recommendation's support downwards (convergent supports, linked arguments
and their warrants) and reports it when no claim on the way is a premise, evidence or an
assumption, or cites a source. A recommendation that cites a source itself counts as grounded.
A recommendation with no support at all is `unsupported-claim`'s finding, not this one's.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: A tram line would relieve the east-west axis.
      build-tram:
        kind: recommendation
        text: The city should build the tram line.
      congestion:
        text: The east-west axis is at capacity at peak hours.
        supports: [tram]
    arguments:
      practical:
        conclusion: build-tram
        premises: [tram]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: A tram line would relieve the east-west axis.
      build-tram:
        kind: recommendation
        text: The city should build the tram line.
    arguments:
      practical:
        conclusion: build-tram
        premises: [tram]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, ClaimKind
from argmap.rules.base import Problem

ID = "ungrounded-recommendation"
NAME = "ungrounded recommendation"
SEVERITY = Severity.ERROR
OPTIONS: Mapping[str, Any] = {}

_GROUNDING_KINDS = (ClaimKind.PREMISE, ClaimKind.EVIDENCE, ClaimKind.ASSUMPTION)


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each supported recommendation with no grounding claim among its supporters."""
    claims = amap.claims.values()
    grounded = amap.supported_from(c.kind in _GROUNDING_KINDS or bool(c.cites) for c in claims)
    for claim, is_grounded in zip(claims, grounded, strict=True):
        if claim.kind is not ClaimKind.RECOMMENDATION or is_grounded:
            continue
        if not amap.supporters_of(claim.id):
            continue  # unsupported-claim reports it
        yield Problem(
            message=(
                f"recommendation '{claim.id}' is supported, but its support reaches no premise,"
                " evidence, assumption or cited source"
            ),
            pos=claim.pos,
            subject=claim.id,
        )
