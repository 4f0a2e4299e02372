"""Which claims stand: label every claim and argument in, out or undecided."""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.errors import UsageError
from argmap.model import ArgumentMap, ClaimKind
from argmap.semantics.explain import Step, explain, first_reason
from argmap.semantics.extensions import extensions as solve_extensions
from argmap.semantics.framework import Framework, compile_map
from argmap.semantics.grounded import IN, OUT, UNDECIDED, grounded_labelling
from argmap.semantics.verdict import Verdict, build_verdict

SEMANTICS = ("grounded", "preferred", "stable")
# Preferred and stable semantics are NP-hard: every search has a time limit and lists at most
# this many extensions (docs/semantics.md).
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_EXTENSIONS = 100
# About eleven days; the clocks of Python's and the solver's waits overflow somewhere above.
MAX_TIMEOUT = 1e6


class Label(StrEnum):
    """A claim's or argument's status: it stands, falls, or stays open."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


_LABEL = {IN: Label.IN, OUT: Label.OUT, UNDECIDED: Label.UNDECIDED}


@dataclass(frozen=True)
class Evaluation:
    """The labels of one map under one semantics, and how to explain them.

    ``labels`` has an entry for every claim and argument. Under preferred and stable
    semantics a node is ``in`` (``out``) when it is so in every extension, ``credulous``
    holds the claims and arguments that are in in at least one, and ``extensions`` lists
    the accepted claims of the first extensions found (``more_extensions``: there are more
    than that); under grounded both are empty.
    """

    semantics: str
    presume: bool
    labels: Mapping[str, Label]
    extensions: tuple[frozenset[str], ...] = ()
    credulous: frozenset[str] = frozenset()
    more_extensions: bool = False
    _framework: Framework | None = field(default=None, repr=False, compare=False)
    _codes: Sequence[int] = field(default=(), repr=False, compare=False)
    _rank: Sequence[int] = field(default=(), repr=False, compare=False)

    def why(self, node_id: str) -> list[Step]:
        """The chain of supports and attacks that decides ``node_id``'s label, first step first."""
        return explain(self._framework_of(node_id), self._codes, self._rank, node_id)

    def reason(self, node_id: str) -> str:
        """Why ``node_id`` has its label, in one clause: the first step of ``why``."""
        return first_reason(self._framework_of(node_id), self._codes, self._rank, node_id)

    def _framework_of(self, node_id: str) -> Framework:
        if node_id not in self.labels or self._framework is None:
            raise UsageError(f"no claim or argument {node_id!r} in this map")
        return self._framework


def evaluate(amap: ArgumentMap, semantics: str = "grounded", presume: bool = False, *,
             timeout: float = DEFAULT_TIMEOUT, max_extensions: int = DEFAULT_MAX_EXTENSIONS
             ) -> Evaluation:
    """Label ``amap``'s claims and arguments under ``semantics`` (grounded, preferred, stable).

    Preferred and stable searches list at most ``max_extensions`` extensions, stop with
    SolverTimeout after ``timeout`` seconds, and refuse a map too large for the solver with
    SearchTooLarge (argmap/semantics/extensions.py).
    """
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    check_timeout(timeout)
    if max_extensions < 0:
        raise UsageError(f"--max-extensions must be 0 or more, not {max_extensions}")
    fw = compile_map(amap, presume=presume)
    rows = fw.rows
    codes, rank = grounded_labelling(fw)
    if semantics == "grounded":
        labels = {rows.ids[i]: _LABEL[code] for i, code in enumerate(codes)}
        return Evaluation(semantics, presume, labels, _framework=fw, _codes=codes, _rank=rank)
    found = solve_extensions(fw, codes, semantics, timeout=timeout, max_listed=max_extensions)
    codes = found.acceptance.sceptical
    labels = {rows.ids[i]: _LABEL[code] for i, code in enumerate(codes)}
    claims = range(rows.n_claims)
    listed = tuple(frozenset(rows.ids[c] for c in claims if lab[c] == IN)
                   for lab in found.labellings)
    credulous = frozenset(rows.ids[i] for i, some in enumerate(found.acceptance.credulous) if some)
    return Evaluation(semantics, presume, labels, listed, credulous, found.more, fw, codes,
                      [-1] * rows.size)


def check_timeout(seconds: float) -> float:
    """``seconds`` when it is a time limit (above 0, at most MAX_TIMEOUT), else a UsageError."""
    if not 0 < seconds <= MAX_TIMEOUT:  # False for NaN too
        raise UsageError(f"--timeout must be a number of seconds above 0 and at most "
                         f"{MAX_TIMEOUT:,.0f}, not {seconds:.15g}")
    return seconds


_CACHE: weakref.WeakKeyDictionary[ArgumentMap, dict[bool, Evaluation]] = (
    weakref.WeakKeyDictionary()
)


def grounded(amap: ArgumentMap, presume: bool = False) -> Evaluation:
    """The grounded evaluation of a map, computed once per map for the rules that read it."""
    per_map = _CACHE.setdefault(amap, {})
    evaluation = per_map.get(presume)
    if evaluation is None:
        evaluation = per_map[presume] = evaluate(amap, "grounded", presume)
    return evaluation


CONCLUSION_KINDS = (ClaimKind.THESIS, ClaimKind.RECOMMENDATION)


def verdict(amap: ArgumentMap, evaluation: Evaluation) -> Verdict:
    """The verdict on every thesis and recommendation of ``amap`` under ``evaluation``.

    Status and reason follow ``evaluation``'s semantics; what each conclusion hangs on is
    asked of the grounded labelling (see docs/semantics.md).
    """
    base = evaluation if evaluation.semantics == "grounded" else grounded(amap, evaluation.presume)
    fw = base._framework
    assert fw is not None  # every Evaluation that evaluate() builds has its framework
    conclusions = [(claim.id, claim.kind.value) for claim in amap.claims_of_kind(*CONCLUSION_KINDS)]
    # both evaluations index the map's one set of rows, so their codes line up
    return build_verdict(fw, conclusions, evaluation._codes, evaluation.reason, base._codes,
                         base._rank)


_VERDICTS: weakref.WeakKeyDictionary[ArgumentMap, dict[bool, Verdict]] = (
    weakref.WeakKeyDictionary()
)


def grounded_verdict(amap: ArgumentMap, presume: bool = False) -> Verdict:
    """The verdict under grounded semantics, computed once per map for rules and reports."""
    per_map = _VERDICTS.setdefault(amap, {})
    result = per_map.get(presume)
    if result is None:
        result = per_map[presume] = verdict(amap, grounded(amap, presume))
    return result
