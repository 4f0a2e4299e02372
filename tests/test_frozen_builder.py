"""Builders make the same frozen objects as the dataclasses' own constructors."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from argmap.errors import Position
from argmap.findings import Finding, Severity
from argmap.model import Argument, Attack, AttackKind, Claim, ClaimKind, Source, Waiver
from argmap.model.frozen_builder import positional_builder
from argmap.rules.base import Problem

POS = Position("map.yaml", 3, 5)
SAMPLES: list[Any] = [
    POS,
    Claim("c", "text", ClaimKind.THESIS, POS, "¶1", ("t",), "n", True, True, ("s",),
          (Waiver("unsupported-claim", "why", POS),), (("a", "CQ1"),)),
    Argument("a", "c", ("p", "q"), POS, True, "w", "scheme", "¶2", "note", ()),
    Attack("o", "c", AttackKind.REBUT, POS),
    Source("s", "Title", POS, "Author", "2020", "https://x", "Pub", "p. 3", "note"),
    Finding("unsupported-claim", Severity.ERROR, "message", "map.yaml", 3, 5, "c"),
    Problem("message", POS, "c", Severity.INFO, False),
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: type(s).__name__)
def test_builder_makes_an_equal_frozen_object(sample: Any) -> None:
    """Equal, same hash and repr, and still frozen."""
    values = [getattr(sample, f.name) for f in dataclasses.fields(sample)]
    built = positional_builder(type(sample))(*values)
    assert type(built) is type(sample)
    assert built == sample and hash(built) == hash(sample) and repr(built) == repr(sample)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.__setattr__(dataclasses.fields(sample)[0].name, "changed")


def test_builder_refuses_classes_it_cannot_build() -> None:
    """A class without slots, or not a dataclass, is refused when the builder is made."""

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        value: int

    with pytest.raises(TypeError):
        positional_builder(NoSlots)
    with pytest.raises(TypeError):
        positional_builder(int)
