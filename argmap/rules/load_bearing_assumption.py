"""A reconstructed claim or argument that a standing conclusion hangs on.

A mapper marks with `implicit: true` what the text needs but never says: a premise that
links a reason to its conclusion, a goal that makes an action worth doing. Such a
reconstruction is the mapper's, not the author's. When a thesis or recommendation stands
only because of it (taken out, the conclusion would no longer stand), the author's case is
complete only if the reader grants something the author never stated: the most useful
sentence in a review. The rule reports each such claim or argument once, naming the
conclusions that hang on it. What "hangs on" means is in docs/semantics.md (load-bearing).

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      capacity:
        kind: evidence
        text: Peak flows were 5% above capacity in 2023.
        supports: [tram]
      link:
        kind: assumption
        implicit: true
        text: A line at capacity should be relieved.
        supports: [tram]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      link:
        kind: assumption
        implicit: true
        text: A line at capacity should be relieved.
        supports: [tram]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.evaluate import grounded_verdict
from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem

ID = "load-bearing-assumption"
NAME = "load-bearing assumption"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each implicit claim or argument that some standing conclusion hangs on."""
    needed_by = grounded_verdict(amap).needed_by
    implicit = [c for c in amap.claims.values() if c.implicit] + [
        a for a in amap.arguments.values() if a.implicit
    ]
    for node in implicit:
        conclusions = needed_by.get(node.id)
        if not conclusions:
            continue
        what = "claim" if node.id in amap.claims else "argument"
        named = ", ".join(f"'{c}'" for c in conclusions)
        yield Problem(
            message=(
                f"{named} stands only if you grant the reconstructed {what} '{node.id}',"
                " which the text never states"
            ),
            pos=node.pos,
            subject=node.id,
        )
