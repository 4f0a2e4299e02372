"""Preferred and stable labellings, enumerated by the clingo answer-set solver.

The map's complete labellings are the answer sets of a small program: ``out`` is guessed and
checked against the conditions of framework.py, ``in`` is derived by positive rules, so what
is in rests on a well-founded chain of support (a cycle of support alone never makes a
claim stand). Stable labellings leave nothing undecided; preferred ones have a
subset-maximal decided part, which clingo's domain heuristic enumerates directly
(``--enum-mode=domRec``). Every complete labelling extends the grounded one, so only the
part that grounded leaves undecided goes to the solver.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import IN, OUT, UNDECIDED

if TYPE_CHECKING:
    import clingo

_COMPLETE = """
node(N) :- claim(N).
node(N) :- arg(N).
{ out(N) } :- node(N).
attack_not_out(N) :- attack(X, N), not out(X).
in(C) :- base(C), not attack_not_out(C).
in(C) :- support(A, C), in(A), not attack_not_out(C).
in(A) :- arg(A), in(P) : premise(A, P); not attack_not_out(A).
should_out(A) :- premise(A, P), out(P).
should_out(C) :- claim(C), not base(C), out(A) : support(A, C).
should_out(N) :- attack(X, N), in(X).
:- in(N), out(N).
:- node(N), out(N), not should_out(N).
:- should_out(N), not out(N).
#show in/1.
#show out/1.
"""

# clasp's configuration for hard combinatorial problems: on the dense ICCMA AFGen graphs it
# enumerates extensions two to four times faster than the default, and finds a first one
# where the default finds none within minutes (n256p3q08n).
_EXTRA: list[str] = ["--configuration=crafty"]
_STABLE = ":- node(N), not in(N), not out(N).\n"
_PREFERRED = "#heuristic in(N) : node(N). [1, true]\n#heuristic out(N) : node(N). [1, true]\n"


class SolverTimeout(ArgmapError):
    """The solver did not finish within the time it was given."""


def _facts(fw: Framework, grounded: Sequence[int]) -> str:
    """The undecided part of the map as facts; decided neighbours enter as fixed labels."""
    rows = fw.rows
    nc = rows.n_claims
    lines: list[str] = []
    fixed: set[int] = set()

    def edge(name: str, source: int, target: int) -> None:
        lines.append(f"{name}({source},{target}).")
        if grounded[source] != UNDECIDED:
            fixed.add(source)

    for node in range(rows.size):
        if grounded[node] != UNDECIDED:
            continue
        if node < nc:
            lines.append(f"claim({node}).")
            if fw.grounds[node]:
                lines.append(f"base({node}).")
            for x in rows.rebutters[node]:
                edge("attack", x, node)
            for a in rows.supporters[node]:
                edge("support", a, node)
        else:
            offset = node - nc
            lines.append(f"arg({node}).")
            for p in rows.premises[offset]:
                edge("premise", node, p)
                if grounded[p] != UNDECIDED:
                    fixed.add(p)
            for x in rows.undercutters[offset]:
                edge("attack", x, node)
    for node in sorted(fixed):
        lines.append(f"{'in' if grounded[node] == IN else 'out'}({node}).")
    return "\n".join(lines)


def extension_labellings(
    fw: Framework,
    grounded: Sequence[int],
    semantics: str,
    timeout: float | None = None,
    limit: int = 0,
) -> list[list[int]]:
    """Every preferred or stable labelling (UNDECIDED/IN/OUT per node), in solver order.

    ``limit`` stops after that many (0: all); ``timeout`` raises SolverTimeout.
    """
    if semantics not in ("preferred", "stable"):
        raise ValueError(f"no extension semantics {semantics!r}")
    if UNDECIDED not in grounded:  # the grounded labelling is the only complete one
        return [list(grounded)]
    args = [str(limit), "--warn=none"] + _EXTRA
    if semantics == "preferred":
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    import clingo  # only here: importing the solver costs `check` ~15 ms it never needs

    control = clingo.Control(args)
    extra = _STABLE if semantics == "stable" else _PREFERRED
    control.add("base", [], _COMPLETE + extra + _facts(fw, grounded))
    control.ground([("base", [])])
    labellings: list[list[int]] = []

    def on_model(model: clingo.Model) -> None:
        labels = list(grounded)
        for symbol in model.symbols(shown=True):
            labels[symbol.arguments[0].number] = IN if symbol.name == "in" else OUT
        labellings.append(labels)

    with control.solve(on_model=on_model, async_=True) as handle:
        if not handle.wait(timeout):
            handle.cancel()
            raise SolverTimeout(f"the {semantics} search did not finish within {timeout} s")
    return labellings
