"""A thesis or recommendation that does not stand once supports and objections are weighed.

`argmap evaluate` labels each claim in, out or undecided under the grounded semantics (see
docs/semantics.md): a claim stands when it is evidence, an assumption, a goal, common ground
or cited, or an argument whose premises all stand supports it, and no standing claim rebuts
it. A conclusion (a thesis, or a recommendation) that is out or undecided is not established
by the map: its support rests on something unsupported or defeated, or an objection to it
stands unanswered. The message gives the first step of `argmap evaluate --why`, which shows
the whole chain. A conclusion that falls is an error; one left undecided (its support or an
objection is caught in a cycle of attacks) is a warning. A conclusion that nothing supports
is left to `unsupported-claim`.

Option `presume` (default false) reads the map as a plain Dung framework instead: claims
that no argument supports stand unless attacked.

Passing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      count:
        kind: evidence
        text: Peak traffic was 5% above capacity in 2023.
        supports: [tram]

Failing example:

    argmap: 1
    claims:
      tram:
        kind: thesis
        text: The city should build the tram line.
      congestion:
        text: Traffic is at capacity at peak hours.
        supports: [tram]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.evaluate import CONCLUSION_KINDS, Label, grounded
from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem
from argmap.semantics.framework import grounds_of

ID = "conclusion-not-established"
NAME = "conclusion not established"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {"presume": False}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each thesis and recommendation whose grounded label is not in, with the reason."""
    presume = bool(options.get("presume", False))
    evaluation = grounded(amap, presume)
    for claim in amap.claims_of_kind(*CONCLUSION_KINDS):
        label = evaluation.labels[claim.id]
        supported = amap.supporters_of(claim.id) or grounds_of(amap, claim.id, presume)
        if label is Label.IN or not supported:
            continue  # a conclusion with nothing for it is unsupported-claim's finding
        verb = "falls" if label is Label.OUT else "is left undecided"
        yield Problem(
            message=f"{claim.kind.value} '{claim.id}' {verb}: {evaluation.reason(claim.id)}",
            pos=claim.pos,
            subject=claim.id,
            severity=Severity.ERROR if label is Label.OUT else Severity.WARNING,
        )
