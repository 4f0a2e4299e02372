"""The argument map and its records; ``from argmap.model import X`` names them all."""

from __future__ import annotations

from argmap.model.argument_map import ArgumentMap
from argmap.model.records import (
    Argument,
    Attack,
    AttackKind,
    Claim,
    ClaimKind,
    MapDocument,
    Source,
    Waiver,
    convergent_id,
)

__all__ = [
    "Argument",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Claim",
    "ClaimKind",
    "MapDocument",
    "Source",
    "Waiver",
    "convergent_id",
]
