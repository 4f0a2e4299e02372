"""`--highlight ID`: which claims and arguments carry a conclusion, and which it hangs on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches

from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.semantics.verdict import Conclusion, Verdict


@dataclass(frozen=True)
class Emphasis:
    """A conclusion's strands to draw emphasised, its load-bearing nodes, and the verdict."""

    conclusion: Conclusion
    strands: frozenset[str]  # claim and argument ids, the conclusion and its load-bearing included
    load_bearing: frozenset[str]


def emphasis_for(amap: ArgumentMap, verdict: Verdict, labels: Mapping[str, str],
                 conclusion_id: str) -> Emphasis:
    """The strands of ``conclusion_id``: the arguments that conclude it, and under them every
    claim and argument that is in and holds them up (premises, warrants, their supports).

    For a standing conclusion only the arguments that are in count; for one that does not
    stand, every argument for it and each one's premises, in or not.

    ``labels`` are the labels the verdict was computed under. A usage error names an id that
    is not a thesis or recommendation of the map.
    """
    by_id = {c.id: c for c in verdict.conclusions}
    conclusion = by_id.get(conclusion_id)
    if conclusion is None:
        raise UsageError(_not_a_conclusion(amap, conclusion_id, list(by_id)))
    strands = {conclusion.id, *conclusion.load_bearing}
    pending: list[str] = []
    for strand in conclusion.strands:
        # A standing conclusion shows what holds it up; a falling one, every line that failed.
        if conclusion.stands and strand.status != "in":
            continue
        strands.add(strand.argument)
        pending.extend(p for p in strand.premises
                       if not conclusion.stands or str(labels.get(p)) == "in")
    while pending:
        claim = pending.pop()
        if claim in strands:
            continue
        strands.add(claim)
        for arg in amap.supporters_of(claim):
            if str(labels.get(arg.id)) == "in" and arg.id not in strands:
                strands.add(arg.id)
                held = (*arg.premises, *((arg.warrant,) if arg.warrant is not None else ()))
                pending.extend(p for p in held if str(labels.get(p)) == "in")
    return Emphasis(conclusion, frozenset(strands), frozenset(conclusion.load_bearing))


def _not_a_conclusion(amap: ArgumentMap, wanted: str, conclusions: list[str]) -> str:
    close = get_close_matches(wanted, conclusions, n=1)
    if close:
        hint = f"; did you mean {close[0]!r}?"
    elif conclusions:
        hint = f"; its conclusions are {', '.join(repr(c) for c in conclusions[:6])}"
        hint += ", …" if len(conclusions) > 6 else ""
    else:
        hint = "; it has none"
    claim = amap.claims.get(wanted)
    if claim is not None:
        return (f"--highlight: {wanted!r} is a {claim.kind.value}, not a conclusion (a thesis "
                f"or recommendation){hint}")
    return f"--highlight: no conclusion {wanted!r} in the map{hint}"
