"""The argument map: its records by id, and the queries rules and renderers ask of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TypeVar

from argmap.errors import MapLoadError
from argmap.model.records import (
    Argument,
    Attack,
    AttackKind,
    Claim,
    ClaimKind,
    MapDocument,
    Source,
)
from argmap.model.views import MapViews

T = TypeVar("T")


def _grouped(items: Iterable[T], key_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by key, each list in the items' order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key_of(item), []).append(item)
    return groups


class ArgumentMap(MapViews):
    """An immutable argument map with the queries rules need.

    The graph has a node per claim (``type="claim"``) and per argument (``type="argument"``).
    Edges: premise -> argument (``role="premise"``), warrant -> argument (``role="warrant"``),
    argument -> conclusion (``role="conclusion"``), attacker -> target (``role="rebut"`` or
    ``role="undercut"``).

    Every relation names a record of the map: building a map whose premise, conclusion,
    warrant, attacker, attack target, answered argument or cited source is missing, or whose
    claim and argument share an id, raises MapLoadError at the record that names it.
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
        self._refuse_dangling_references()

    def _refuse_dangling_references(self) -> None:
        """Raise MapLoadError for the first relation that names nothing in the map."""
        claims, arguments = self.claims, self.arguments
        for arg in arguments.values():
            if arg.id in claims:
                raise MapLoadError(f"claim and argument share the id {arg.id!r}", arg.pos)
            for claim_id in (arg.conclusion, *arg.premises_and_warrant):
                if claim_id not in claims:
                    raise MapLoadError(f"argument {arg.id!r} names unknown claim {claim_id!r}",
                                       arg.pos)
        for attack in self.attacks:
            if attack.attacker not in claims:
                raise MapLoadError(f"unknown claim {attack.attacker!r} attacks "
                                   f"{attack.target!r}", attack.pos)
            if attack.kind is AttackKind.REBUT and attack.target not in claims:
                raise MapLoadError(f"{attack.attacker!r} rebuts unknown claim "
                                   f"{attack.target!r}", attack.pos)
            if attack.kind is AttackKind.UNDERCUT and attack.target not in arguments:
                raise MapLoadError(f"{attack.attacker!r} undercuts unknown argument "
                                   f"{attack.target!r}", attack.pos)
        for claim in claims.values():
            for key in claim.cites:
                if key not in self.sources:
                    raise MapLoadError(f"claim {claim.id!r} cites unknown source {key!r}",
                                       claim.pos)
            for argument_id, _ in claim.answers:
                if argument_id not in arguments:
                    raise MapLoadError(f"claim {claim.id!r} answers unknown argument "
                                       f"{argument_id!r}", claim.pos)

    # The indexes behind the queries, each built on first use: loading a map for `render` or
    # `stats` asks for none of them, and checking one asks for each once.

    @cached_property
    def _supports_into(self) -> dict[str, list[Argument]]:
        return _grouped(self.arguments.values(), lambda arg: arg.conclusion)

    @cached_property
    def _premise_of(self) -> dict[str, list[Argument]]:
        premise_of: dict[str, list[Argument]] = {}
        for arg in self.arguments.values():
            for p in arg.premises:
                premise_of.setdefault(p, []).append(arg)
        return premise_of

    @cached_property
    def _attacks_on(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, lambda attack: attack.target)

    @cached_property
    def _attacks_by(self) -> dict[str, list[Attack]]:
        return _grouped(self.attacks, lambda attack: attack.attacker)

    @cached_property
    def _citing(self) -> dict[str, list[Claim]]:
        citing: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            for key in dict.fromkeys(claim.cites):
                citing.setdefault(key, []).append(claim)
        return citing

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

    def arguments_using(self, claim_id: str) -> list[Argument]:
        """Arguments in which ``claim_id`` is a premise."""
        return self._premise_of.get(claim_id, [])

    def attackers_of(self, node_id: str) -> list[Attack]:
        """Attacks whose target is the claim or argument ``node_id``."""
        return self._attacks_on.get(node_id, [])

    def attacks_by(self, claim_id: str) -> list[Attack]:
        """Attacks that ``claim_id`` makes."""
        return self._attacks_by.get(claim_id, [])

    def citing(self, source_key: str) -> list[Claim]:
        """Claims that cite a source, in file order."""
        return list(self._citing.get(source_key, ()))

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
