"""The records of an argument map: claims, arguments, attacks, sources, waivers, documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.errors import Position


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

    @property
    def premises_and_warrant(self) -> tuple[str, ...]:
        """The claims the inference needs: its premises, then its warrant if it has one."""
        return self.premises if self.warrant is None else (*self.premises, self.warrant)


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


def convergent_id(premise: str, conclusion: str) -> str:
    """The id of the one-premise argument behind ``premise supports: [conclusion]``."""
    return f"{premise}->{conclusion}"
