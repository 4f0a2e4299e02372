"""Which claims stand: label every claim and argument in, out or undecided."""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.errors import UsageError
from argmap.model import ArgumentMap, ClaimKind
from argmap.semantics.explain import Step, explain, first_reason
from argmap.semantics.extensions import extension_labellings
from argmap.semantics.framework import Framework, compile_map
from argmap.semantics.grounded import IN, OUT, UNDECIDED, grounded_labelling
from argmap.semantics.verdict import Verdict, build_verdict

SEMANTICS = ("grounded", "preferred", "stable")


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
    semantics a node is ``in`` (``out``) when it is so in every extension, and
    ``extensions`` lists each extension's accepted claims; under grounded it is empty.
    """

    semantics: str
    presume: bool
    labels: Mapping[str, Label]
    extensions: tuple[frozenset[str], ...] = ()
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


def evaluate(amap: ArgumentMap, semantics: str = "grounded", presume: bool = False) -> Evaluation:
    """Label ``amap``'s claims and arguments under ``semantics`` (grounded, preferred, stable)."""
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    fw = compile_map(amap, presume=presume)
    codes, rank = grounded_labelling(fw)
    extensions: tuple[frozenset[str], ...] = ()
    if semantics != "grounded":
        labellings = extension_labellings(fw, codes, semantics)
        codes = sceptical(labellings, fw.size)
        rank = [-1] * fw.size
        extensions = tuple(
            frozenset(fw.ids[c] for c in range(fw.n_claims) if lab[c] == IN) for lab in labellings
        )
    labels = {fw.ids[i]: _LABEL[code] for i, code in enumerate(codes)}
    return Evaluation(semantics, presume, labels, extensions, fw, codes, rank)


def sceptical(labellings: Sequence[Sequence[int]], size: int) -> list[int]:
    """Per node: the label every labelling agrees on, else undecided (all undecided if none)."""
    if not labellings:
        return [UNDECIDED] * size
    first = labellings[0]
    return [
        first[i] if all(lab[i] == first[i] for lab in labellings[1:]) else UNDECIDED
        for i in range(size)
    ]


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
    codes = [_CODE[evaluation.labels[node_id]] for node_id in fw.ids]
    conclusions = [(claim.id, claim.kind.value) for claim in amap.claims_of_kind(*CONCLUSION_KINDS)]
    return build_verdict(fw, conclusions, codes, evaluation.reason, base._codes, base._rank)


_CODE = {label: code for code, label in _LABEL.items()}


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
