"""A recommendation argued from facts and capabilities alone, with no goal among its reasons.

"Indonesia can mediate" and "Indonesia is well placed to mediate" do not make "Indonesia
should mediate": an ought needs a goal or value that the action serves (practical
reasoning: situation, goal, action). A recommendation none of whose stated arguments has a
stated `goal` premise recommends from what is alone. When the map supplies the goal only as
a reconstruction, the message says which: the goal claim itself is `implicit: true` (the
text never names an aim), or a stated goal reaches the recommendation only through an
`implicit: true` argument (the text never says the action serves it).

A recommendation with no argument at all is `unsupported-claim`'s finding.

Passing example:

    argmap: 1
    claims:
      build:
        kind: recommendation
        text: The city should build the tram line.
      clean-air:
        kind: goal
        text: The city aims to cut traffic emissions.
      cuts:
        text: A tram line would cut traffic emissions on the axis.
    arguments:
      practical:
        conclusion: build
        premises: [cuts, clean-air]

Failing example:

    argmap: 1
    claims:
      build:
        kind: recommendation
        text: The city should build the tram line.
      can:
        text: The city can afford a tram line.
        supports: [build]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.findings import Severity
from argmap.model import ArgumentMap, ClaimKind
from argmap.rules.base import Problem

ID = "ought-from-is"
NAME = "ought from is"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each argued recommendation without a stated goal premise in a stated argument."""
    claims = amap.claims
    for claim in amap.claims_of_kind(ClaimKind.RECOMMENDATION):
        arguments = amap.supporters_of(claim.id)
        if not arguments:
            continue
        stated_goal = False
        implicit_goals: list[str] = []  # the goal itself is the mapper's
        implicit_links: list[str] = []  # a stated goal, in an argument the mapper added
        for argument in arguments:
            for premise in (*argument.premises, *filter(None, [argument.warrant])):
                if claims[premise].kind is not ClaimKind.GOAL:
                    continue
                if claims[premise].implicit:
                    implicit_goals.append(premise)
                elif argument.implicit:
                    implicit_links.append(premise)
                else:
                    stated_goal = True
        if stated_goal:
            continue
        if implicit_links:
            goals = _quoted(implicit_links)
            why = (f"its goal ({goals}) reaches it only through a reconstructed argument: the"
                   " text never says the action serves it")
        elif implicit_goals:
            goals = _quoted(implicit_goals)
            why = f"its only goal ({goals}) is reconstructed: the text never states one"
        else:
            why = "no argument for it has a goal premise; it recommends from facts alone"
        yield Problem(
            message=f"recommendation '{claim.id}' says what ought to be done, but {why}",
            pos=claim.pos,
            subject=claim.id,
        )


def _quoted(ids: list[str]) -> str:
    """The ids, each quoted once, in order."""
    return ", ".join(f"'{i}'" for i in dict.fromkeys(ids))
