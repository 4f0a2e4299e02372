"""A source in `sources:` that no claim cites.

A bibliography entry no claim `cites:` is dead weight: either a claim lost its citation while
the map was edited (and is now less supported than it should be), or the reference belongs to
another map. Cite it from the claim it backs, or delete it.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
        cites: [plan2024]
    sources:
      plan2024:
        title: Regional transport plan 2024

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
        cites: [plan2024]
    sources:
      plan2024:
        title: Regional transport plan 2024
      count2023:
        title: Annual traffic count 2023
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem

ID = "unused-source"
NAME = "unused source"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each source that no claim cites."""
    cited = {key for claim in amap.claims.values() for key in claim.cites}
    for source in amap.sources.values():
        if source.key not in cited:
            yield Problem(
                message=f"source '{source.key}' is not cited by any claim",
                pos=source.pos,
                subject=source.key,
                waivable=False,
            )
