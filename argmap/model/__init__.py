"""The argument map: claims, arguments, attacks and sources over a frozen networkx graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import TypeVar

from argmap.errors import Position
from argmap.model.views import MapViews

T = TypeVar("T")


class ClaimKind(StrEnum):
    """What role a claim plays in the text's argument."""

    THESIS = "thesis"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"
    RECOMMENDATION = "recommendation"
    GOAL = "goal"


# A goal is a value the text appeals to: no evidence establishes it, an attack can contest it.
_GROUNDING_KINDS = frozenset((ClaimKind.EVIDENCE, ClaimKind.ASSUMPTION, ClaimKind.GOAL))


class AttackKind(StrEnum):
    """Rebuttal attacks a claim; undercut attacks the inference of an argument."""

    REBUT = "rebut"
    UNDERCUT = "undercut"


@dataclass(frozen=True, slots=True)
class Waiver:
    """A claim's written reason for ignoring one rule."""

    rule: str
    reason: str
    pos: Position


@dataclass(frozen=True, slots=True)
class Source:
    """A bibliographic reference that claims may cite."""

    key: str
    title: str
    pos: Position
    author: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    locator: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of the text, in the mapper's words."""

    id: str
    text: str
    kind: ClaimKind
    pos: Position
    locator: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    factual: bool = False
    common_ground: bool = False
    cites: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    # (argument id, critical-question id) pairs this claim answers
    answers: tuple[tuple[str, str], ...] = ()
    # reconstructed by the mapper: the text needs it but never says it
    implicit: bool = False

    @property
    def waived_rules(self) -> frozenset[str]:
        """Ids of the rules this claim waives."""
        return frozenset(w.rule for w in self.waivers)

    @property
    def is_grounding(self) -> bool:
        """True when the claim needs no support: evidence, an assumption, a goal, common ground."""
        return self.kind in _GROUNDING_KINDS or self.common_ground


@dataclass(frozen=True, slots=True)
class Argument:
    """Premises that support a conclusion.

    ``linked`` arguments were written out in ``arguments:`` and their premises work only
    together; a convergent support (``supports:`` on a claim) is an argument with one premise,
    ``linked=False`` and the id ``premise->conclusion``.
    """

    id: str
    conclusion: str
    premises: tuple[str, ...]
    pos: Position
    linked: bool = True
    warrant: str | None = None
    scheme: str | None = None
    locator: str | None = None
    note: str | None = None
    waivers: tuple[Waiver, ...] = ()
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class Attack:
    """A claim attacking a claim (rebut) or an argument's inference (undercut)."""

    attacker: str
    target: str
    kind: AttackKind
    pos: Position


@dataclass(frozen=True, slots=True)
class MapDocument:
    """One map file's metadata: its title and the document it encodes."""

    path: str
    version: int
    title: str | None = None
    source: Mapping[str, str] = field(default_factory=dict)
    extends: str | None = None


def _grouped(items: Iterable[T], key_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by key, each list in the items' order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        key = key_of(item)
        found = groups.get(key)
        if found is None:
            groups[key] = [item]
        else:
            found.append(item)
    return groups


def convergent_id(premise: str, conclusion: str) -> str:
    """The id of the one-premise argument behind ``premise supports: [conclusion]``."""
    return f"{premise}->{conclusion}"


class ArgumentMap(MapViews):
    """An immutable argument map with the queries rules need.

    The graph has a node per claim (``type="claim"``) and per argument (``type="argument"``).
    Edges: premise -> argument (``role="premise"``), warrant -> argument (``role="warrant"``),
    argument -> conclusion (``role="conclusion"``), attacker -> target (``role="rebut"`` or
    ``role="undercut"``).

    The networkx graphs are built on first use; the rules run on plain adjacency dicts and
    integer rows with the same edges (argmap/model/views.py), so checking a map neither imports
    networkx nor pays for its graph.
    """

    def __init__(
        self,
        claims: Iterable[Claim],
        arguments: Iterable[Argument] = (),
        attacks: Iterable[Attack] = (),
        sources: Iterable[Source] = (),
        documents: Iterable[MapDocument] = (),
    ) -> None:
        self.claims: Mapping[str, Claim] = {c.id: c for c in claims}
        self.arguments: Mapping[str, Argument] = {a.id: a for a in arguments}
        self.attacks: tuple[Attack, ...] = tuple(attacks)
        self.sources: Mapping[str, Source] = {s.key: s for s in sources}
        self.documents: tuple[MapDocument, ...] = tuple(documents)

    # The indexes behind the queries, each built on first use: loading a map for `render` or
    # `stats` asks for none of them, and checking one asks for each once.

    @cached_property
    def _supports_into(self) -> dict[str, list[Argument]]:
        return _grouped(self.arguments.values(), attrgetter("conclusion"))

    @cached_property
    def _premise_of(self) -> dict[str, list[Argument]]:
        premise_of: dict[str, list[Argument]] = {}
        for arg in self.arguments.values():
            for p in arg.premises:
                found = premise_of.get(p)
                if found is None:
                    premise_of[p] = [arg]
                else:
                    found.append(arg)
        return premise_of

    @cached_property
    def _attacks_on(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, attrgetter("target"))

    @cached_property
    def _attacks_by(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, attrgetter("attacker"))

    # -- queries -------------------------------------------------------------------------

    @property
    def title(self) -> str | None:
        """The title of the first map document that has one (the extending map's own first)."""
        for doc in reversed(self.documents):
            if doc.title:
                return doc.title
        return None

    def supporters_of(self, claim_id: str) -> list[Argument]:
        """Arguments (linked or convergent) whose conclusion is ``claim_id``."""
        return self._supports_into.get(claim_id, [])

    @property
    def supported_claims(self) -> KeysView[str]:
        """Ids of the claims some argument (linked or convergent) concludes."""
        return self._supports_into.keys()

    def arguments_using(self, claim_id: str) -> list[Argument]:
        """Arguments in which ``claim_id`` is a premise."""
        return self._premise_of.get(claim_id, [])

    def attackers_of(self, node_id: str) -> list[Attack]:
        """Attacks whose target is the claim or argument ``node_id``."""
        return self._attacks_on.get(node_id, [])

    def attacks_by(self, claim_id: str) -> list[Attack]:
        """Attacks that ``claim_id`` makes."""
        return self._attacks_by.get(claim_id, [])

    def premises_of(self, argument_id: str) -> tuple[str, ...]:
        """The premises of an argument."""
        return self.arguments[argument_id].premises

    def citing(self, source_key: str) -> list[Claim]:
        """Claims that cite a source."""
        return list(self._citing.get(source_key, ()))

    @cached_property
    def _citing(self) -> Mapping[str, list[Claim]]:
        """Source key -> the claims citing it, in file order (one pass, not one per source)."""
        citing: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            for key in dict.fromkeys(claim.cites):
                citing.setdefault(key, []).append(claim)
        return citing

    def claims_of_kind(self, *kinds: ClaimKind) -> Iterator[Claim]:
        """Claims of the given kinds, in file order."""
        return (c for c in self.claims.values() if c.kind in kinds)

    def stats(self) -> dict[str, int]:
        """Counts for ``argmap stats``.

        ``arguments`` counts the linked arguments written out in ``arguments:``; ``supports``
        counts every support relation: each convergent ``supports:`` entry and each argument.
        """
        return {
            "claims": len(self.claims),
            "arguments": sum(1 for a in self.arguments.values() if a.linked),
            "supports": len(self.arguments),
            "attacks": len(self.attacks),
            "sources": len(self.sources),
        }
