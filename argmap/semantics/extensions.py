"""Preferred and stable labellings by the clingo answer-set solver, within a time limit.

The map's complete labellings are the answer sets of a small program: ``out`` is guessed and
checked against the conditions of framework.py, ``in`` is derived by positive rules, so what
is in rests on a well-founded chain of support (a cycle of support alone never makes a
claim stand). Stable labellings leave nothing undecided; preferred ones have a
subset-maximal decided part, which clingo's domain heuristic finds directly (the first
answer set under ``#heuristic ... [1, true]`` is maximal; ``--enum-mode=domRec`` enumerates
them). Every complete labelling extends the grounded one, so only the part that grounded
leaves undecided goes to the solver.

A map can have exponentially many extensions (twenty pairs of mutually rebutting claims
have 2^20), so the labels are found without listing them: what is in (out) in some
extension is the solver's brave consequence; what is in (out) in every stable extension its
cautious consequence; for preferred, the labels that brave reasoning leaves possible are
tested by looking for a preferred labelling that differs, until none is left. Listing stops
after a given number, and every solver call shares one deadline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

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


# The solver holds about a kilobyte per claim, argument and relation and cannot be
# interrupted while it grounds (a second per 100,000 or so): a larger undecided part is
# refused before it starts, so that neither the time limit nor memory is overrun.
MAX_SEARCH_SIZE = 300_000


class SolverTimeout(ArgmapError):
    """The solver did not finish within the time it was given."""


class SearchTooLarge(ArgmapError):
    """The part of the map the solver would search is over MAX_SEARCH_SIZE."""


@dataclass(frozen=True, slots=True)
class Acceptance:
    """Per node (UNDECIDED/IN/OUT codes): what every extension agrees on, and what some has.

    ``sceptical[i]`` is IN (OUT) when node ``i`` is in (out) in every extension, else
    UNDECIDED (everything is UNDECIDED when there is no extension at all); ``credulous[i]``
    is 1 when node ``i`` is in in at least one extension.
    """

    sceptical: list[int]
    credulous: bytearray
    some_extension: bool = True


@dataclass(frozen=True, slots=True)
class Extensions:
    """The acceptance of every node, and the first extensions found (``more``: not all)."""

    acceptance: Acceptance
    labellings: list[list[int]]
    more: bool


def search_size(fw: Framework, grounded: Sequence[int]) -> int:
    """How many claims, arguments and relations grounded semantics leaves undecided."""
    nc = fw.rows.n_claims
    size = 0
    for node, code in enumerate(grounded):
        if code != UNDECIDED:
            continue
        if node < nc:
            size += 1 + len(fw.rows.rebutters[node]) + len(fw.rows.supporters[node])
        else:
            size += 1 + len(fw.rows.premises[node - nc]) + len(fw.rows.undercutters[node - nc])
    return size


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


def _quiet(code: clingo.MessageCode, message: str) -> None:
    """Drop a message of the solver's."""


class _Search:
    """The undecided part of one map, grounded once, solved in several modes by one deadline."""

    def __init__(self, fw: Framework, grounded: Sequence[int], semantics: str,
                 timeout: float | None) -> None:
        if semantics not in ("preferred", "stable"):
            raise ValueError(f"no extension semantics {semantics!r}")
        size = search_size(fw, grounded)
        if size > MAX_SEARCH_SIZE:
            raise SearchTooLarge(
                f"the {semantics} search is limited to {MAX_SEARCH_SIZE:,} claims, arguments "
                f"and relations left undecided by grounded semantics, and this map has "
                f"{size:,}; grounded semantics has no such limit")
        self.fw, self.semantics, self.timeout, self.grounded = fw, semantics, timeout, grounded
        self.deadline = None if timeout is None else time.monotonic() + timeout
        args = ["--warn=none", *_EXTRA]
        if semantics == "preferred":
            args.append("--heuristic=Domain")
        import clingo  # only here: importing the solver costs `check` ~15 ms it never needs

        self.clingo = clingo
        # logger: clasp's notes ("domRec ignored: No domain atoms found." when preprocessing
        # decides every label) are not for argmap's users.
        self.control = control = clingo.Control(args, logger=_quiet)
        extra = _STABLE if semantics == "stable" else _PREFERRED
        control.add("base", [], _COMPLETE + extra + _facts(fw, grounded))
        control.ground([("base", [])])
        self.open = [node for node, code in enumerate(grounded) if code == UNDECIDED]
        self.in_atom: dict[int, int] = {}
        self.out_atom: dict[int, int] = {}
        for name, table in (("in", self.in_atom), ("out", self.out_atom)):
            for atom in control.symbolic_atoms.by_signature(name, 1):
                table[atom.symbol.arguments[0].number] = atom.literal

    def _solve(self, what: Callable[[], str], mode: str, models: int,
               on_model: Callable[[clingo.Model], None], assumptions: Sequence[int] = ()
               ) -> None:
        """One solver call in ``mode``, stopped with SolverTimeout at the deadline."""
        config = cast("clingo.Configuration", self.control.configuration.solve)
        config.enum_mode = mode
        config.models = str(models)
        remaining = None if self.deadline is None else max(0.0, self.deadline - time.monotonic())
        with self.control.solve(assumptions=list(assumptions), on_model=on_model,
                                async_=True) as handle:
            if not handle.wait(remaining):
                handle.cancel()
                raise SolverTimeout(what())

    def _labelling(self, model: clingo.Model) -> list[int]:
        labels = list(self.grounded)
        for symbol in model.symbols(shown=True):
            labels[symbol.arguments[0].number] = IN if symbol.name == "in" else OUT
        return labels

    def _unsettled(self) -> str:
        return (f"the {self.semantics} labels were not settled within {self.timeout:.15g} s; "
                "allow more time with --timeout")

    def _some(self, mode: str) -> tuple[bytearray, bytearray] | None:
        """Brave (cautious) consequences: per node, in in some (every) model, out in some
        (every) model; None when there is no model."""
        some_in = bytearray(len(self.grounded))
        some_out = bytearray(len(self.grounded))
        models = 0

        def keep(model: clingo.Model) -> None:  # each model refines the last one
            nonlocal models
            models += 1
            some_in[:] = some_out[:] = bytes(len(some_in))
            for symbol in model.symbols(shown=True):
                (some_in if symbol.name == "in" else some_out)[symbol.arguments[0].number] = 1

        self._solve(self._unsettled, mode, 0, keep)
        return (some_in, some_out) if models else None

    def acceptance(self) -> Acceptance:
        """The sceptical labels and credulous acceptance of every node."""
        grounded, size = self.grounded, len(self.grounded)
        brave = self._some("brave")
        if brave is None:  # no stable extension: nothing is accepted, nothing is settled
            return Acceptance([UNDECIDED] * size, bytearray(size), some_extension=False)
        some_in, some_out = brave
        credulous = bytearray(code == IN or some_in[node] for node, code in enumerate(grounded))
        sceptical = list(grounded)
        if self.semantics == "stable":
            cautious = self._some("cautious")
            assert cautious is not None  # brave found a model
            every_in, every_out = cautious
            for node in self.open:
                sceptical[node] = IN if every_in[node] else OUT if every_out[node] else UNDECIDED
            return Acceptance(sceptical, credulous)
        # Preferred: a node in in some complete labelling and out in none is in in every
        # preferred one unless some preferred labelling leaves it undecided (and so for out);
        # look for such labellings until none is left.
        may_in = {n for n in self.open if some_in[n] and not some_out[n]}
        may_out = {n for n in self.open if some_out[n] and not some_in[n]}
        self._refute(may_in, may_out)
        for node in self.open:
            sceptical[node] = IN if node in may_in else OUT if node in may_out else UNDECIDED
        return Acceptance(sceptical, credulous)

    def _refute(self, may_in: set[int], may_out: set[int]) -> None:
        """Drop from the candidates every node that some preferred labelling does not give
        that label, by finding such labellings one at a time.

        Each round asks for a complete labelling that differs on a candidate and then extends
        it to a preferred one (the first answer set under the domain heuristic, with its
        labels assumed). When that one still gives every candidate its label, labellings
        that agree with it on the candidates' ancestors are excluded from later rounds: a
        node's label depends on its ancestors alone, and preferred semantics restricted to
        a part that nothing outside attacks or supports is that part's preferred semantics
        (directionality), so they give the same labels. Parts of the map that cannot reach a
        candidate then cost no rounds, and the rounds end when no labelling differs.
        """
        control = self.control
        with control.backend() as backend:
            blocking = backend.add_atom()
            backend.add_external(blocking, self.clingo.TruthValue.False_)
        control.assign_external(blocking, True)
        found: list[list[int]] = []

        def keep(model: clingo.Model) -> None:
            found.append(self._labelling(model))

        while may_in or may_out:
            with control.backend() as backend:
                differs = backend.add_atom()
                for node in may_in:
                    backend.add_rule([differs], [-self.in_atom[node]])
                for node in may_out:
                    backend.add_rule([differs], [-self.out_atom[node]])
            found.clear()
            self._solve(self._unsettled, "auto", 1, keep, [differs])
            if not found:
                break
            decided = [self.in_atom[n] if found[0][n] == IN else self.out_atom[n]
                       for n in self.open if found[0][n] != UNDECIDED]
            found.clear()
            self._solve(self._unsettled, "auto", 1, keep, decided)
            preferred = found[0]
            may_in.difference_update([n for n in may_in if preferred[n] != IN])
            may_out.difference_update([n for n in may_out if preferred[n] != OUT])
            body = [blocking]
            for n in self._ancestors(may_in | may_out):
                if preferred[n] != IN and n in self.in_atom:
                    body.append(-self.in_atom[n])
                if preferred[n] != OUT:
                    body.append(-self.out_atom[n])
            with control.backend() as backend:
                backend.add_rule([], body)
        control.assign_external(blocking, False)

    def _ancestors(self, nodes: set[int]) -> list[int]:
        """The undecided nodes with a path of supports, premises or attacks to ``nodes``."""
        fw, grounded, nc = self.fw, self.grounded, self.fw.rows.n_claims
        seen = set(nodes)
        stack = list(nodes)
        while stack:
            node = stack.pop()
            if node < nc:
                inputs = (fw.rows.supporters[node], fw.rows.rebutters[node])
            else:
                inputs = (fw.rows.premises[node - nc], fw.rows.undercutters[node - nc])
            for row in inputs:
                for source in row:
                    if source not in seen and grounded[source] == UNDECIDED:
                        seen.add(source)
                        stack.append(source)
        return sorted(seen)

    def labellings(self, limit: int, what: Callable[[int], str]) -> list[list[int]]:
        """The first ``limit`` extensions (0: all); ``what`` words the timeout from the count."""
        found: list[list[int]] = []

        def keep(model: clingo.Model) -> None:
            found.append(self._labelling(model))

        mode = "domRec" if self.semantics == "preferred" else "auto"
        self._solve(lambda: what(len(found)), mode, limit, keep)
        return found


def extensions(fw: Framework, grounded: Sequence[int], semantics: str, *,
               timeout: float | None, max_listed: int) -> Extensions:
    """The labels of every node under ``semantics`` and its first ``max_listed`` extensions.

    Raises SolverTimeout, naming what was not finished, when ``timeout`` seconds pass, and
    SearchTooLarge (before any search) when the undecided part is over MAX_SEARCH_SIZE.
    """
    if UNDECIDED not in grounded:  # the grounded labelling is the only complete one
        credulous = bytearray(code == IN for code in grounded)
        return Extensions(Acceptance(list(grounded), credulous), [list(grounded)][:max_listed],
                          max_listed < 1)
    search = _Search(fw, grounded, semantics, timeout)
    acceptance = search.acceptance()
    if max_listed == 0 or not acceptance.some_extension:
        return Extensions(acceptance, [], acceptance.some_extension)

    def unlisted(count: int) -> str:
        return (f"the {semantics} extensions were not listed within {timeout:.15g} s ({count} "
                "found); list fewer with --max-extensions, or allow more time with --timeout")

    listed = search.labellings(max_listed + 1, unlisted)
    return Extensions(acceptance, listed[:max_listed], len(listed) > max_listed)


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
    if UNDECIDED not in grounded:
        return [list(grounded)]
    search = _Search(fw, grounded, semantics, timeout)
    return search.labellings(
        limit, lambda count: f"the {semantics} search did not finish within {timeout} s")
