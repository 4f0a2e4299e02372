"""A `waive:` entry that no longer suppresses anything.

A waiver says "this rule would report this claim, and here is why that is acceptable". When the
map changes (the claim gains a citation, a supporting premise is added, the objection is
answered), the rule stops reporting the claim, but the waiver stays behind. A stale waiver is
misleading: a reader takes it as a known gap, and it would silently swallow a new, different
problem of the same rule later. Delete the waiver once the gap it excused is closed.

The engine decides this after the other rules have run: a waiver counts as used when its rule
reported the claim or argument it stands on and the waiver swallowed that report. The waived
rule is consulted even when it is not selected or is ignored, so the verdict does not depend on
which rules a run happens to show. A waiver of this rule itself is never reported.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
        waive:
          unsupported-claim: The council's mandate, taken as given in this text.

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
        cites: [plan2024]
        waive:
          unsupported-claim: The council's mandate, taken as given in this text.
    sources:
      plan2024:
        title: Regional transport plan 2024
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, Waiver
from argmap.rules.base import Problem

ID = "unused-waiver"
NAME = "unused waiver"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def waivers_of(amap: ArgumentMap) -> Iterator[tuple[str, Waiver]]:
    """Every waiver in the map with the claim or argument it stands on, in file order."""
    for claim in amap.claims.values():
        for waiver in claim.waivers:
            yield claim.id, waiver
    for argument in amap.arguments.values():
        for waiver in argument.waivers:
            yield argument.id, waiver


def check(
    amap: ArgumentMap, options: Mapping[str, Any], used: Collection[Waiver] = frozenset()
) -> Iterator[Problem]:
    """Report each waiver that is not in ``used`` (waivers of this rule excepted).

    ``used`` holds the waivers that swallowed another rule's report: the engine runs this rule
    after all the others and passes them.
    """
    for subject, waiver in waivers_of(amap):
        if waiver.rule == ID or waiver in used:
            continue
        yield Problem(
            message=f"the waiver of '{waiver.rule}' on '{subject}' suppresses nothing; "
            "remove it",
            pos=waiver.pos,
            subject=subject,
        )
