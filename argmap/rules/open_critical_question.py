"""A critical question of an argument's scheme that no claim answers.

An argument that names its scheme (`scheme: practical-reasoning`) invites the questions that
scheme is known to face: is there a better means to the goal, would the action have side
effects, is the expert really an expert. A careful text answers the ones that matter; a
map shows each answer as a claim with `answers: {argument-id: [CQ2]}`. This rule reports
each argument that leaves questions open, once, listing every open question by its id and
text, so a reviewer can see what the author never addressed. The catalogue of schemes and
questions is `argmap/data/schemes.yaml` (see docs/schemes.md).

A scheme name the catalogue does not know, and an answer naming a question the argument's
scheme does not have (or an argument with no scheme), are reported too, as warnings: they
are usually typos, and they would otherwise hide open questions.

Passing example:

    argmap: 1
    claims:
      expert-says:
        text: Dr Lee, a virologist, says the vaccine is safe.
      vaccine-safe:
        kind: thesis
        text: The vaccine is safe.
      credentials:
        kind: evidence
        text: Dr Lee has led vaccine-safety trials for twenty years.
        answers: {expert-argument: [CQ1, CQ2, CQ3, CQ4, CQ5, CQ6]}
    arguments:
      expert-argument:
        conclusion: vaccine-safe
        premises: [expert-says]
        scheme: argument-from-expert-opinion

Failing example:

    argmap: 1
    claims:
      expert-says:
        text: Dr Lee, a virologist, says the vaccine is safe.
      vaccine-safe:
        kind: thesis
        text: The vaccine is safe.
    arguments:
      expert-argument:
        conclusion: vaccine-safe
        premises: [expert-says]
        scheme: argument-from-expert-opinion
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from argmap.errors import Position
from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem
from argmap.schemes import find_scheme, scheme_ids

ID = "open-critical-question"
NAME = "open critical question"
SEVERITY = Severity.INFO
OPTIONS: Mapping[str, Any] = {}


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each argument's unanswered critical questions (one problem per argument), each
    unknown scheme and each answer to a question the scheme does not have."""
    answered: dict[str, set[str]] = {}
    for claim in amap.claims.values():
        for argument_id, question_id in claim.answers:
            answered.setdefault(argument_id, set()).add(question_id)
            yield from _check_answer(amap, claim.id, claim.pos, argument_id, question_id)
    for arg in amap.arguments.values():
        if arg.scheme is None:
            continue
        scheme = find_scheme(arg.scheme)
        if scheme is None:
            yield Problem(
                message=f"argument '{arg.id}' names scheme '{arg.scheme}', which the catalogue "
                f"does not know (known: {', '.join(scheme_ids())})",
                pos=arg.pos,
                subject=arg.id,
                severity=Severity.WARNING,
            )
            continue
        done = answered.get(arg.id, set())
        left = [(qid, text) for qid, text in scheme.questions.items() if qid not in done]
        if left:
            count = "1 critical question" if len(left) == 1 else f"{len(left)} critical questions"
            listed = "; ".join(f'{qid} "{text}"' for qid, text in left)
            yield Problem(
                message=f"argument '{arg.id}' ({scheme.name}) leaves {count} open: {listed}",
                pos=arg.pos,
                subject=arg.id,
            )


def _check_answer(
    amap: ArgumentMap, claim_id: str, pos: Position, argument_id: str, question_id: str
) -> Iterator[Problem]:
    arg = amap.arguments[argument_id]  # the map refuses an answer to no argument
    if arg.scheme is None:
        reason = f"argument '{argument_id}' names no scheme"
    else:
        scheme = find_scheme(arg.scheme)
        if scheme is None or question_id in scheme.questions:
            return  # an unknown scheme is reported once, at the argument
        reason = f"{scheme.name} has {', '.join(scheme.questions)}"
    yield Problem(
        message=f"claim '{claim_id}' answers {question_id} of '{argument_id}', but {reason}",
        pos=pos,
        subject=claim_id,
        severity=Severity.WARNING,
    )
