"""A map built in code (as the importers build theirs) is held to what the loader holds files to."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError, Position
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, Source

POS = Position("m.yaml", 4, 3)
CLAIMS = [Claim("t", "T.", ClaimKind.THESIS, POS), Claim("p", "P.", ClaimKind.PREMISE, POS)]
ARGUMENT = Argument("arg", "t", ("p",), POS)


T, P = CLAIMS


@pytest.mark.parametrize(("claims", "arguments", "attacks", "message"), [
    ([P], [ARGUMENT], [], "argument 'arg' names unknown claim 't'"),
    ([T], [ARGUMENT], [], "argument 'arg' names unknown claim 'p'"),
    ([T, P], [Argument("arg", "t", ("p",), POS, warrant="w")], [],
     "argument 'arg' names unknown claim 'w'"),
    ([T, P], [Argument("t", "t", ("p",), POS)], [], "claim and argument share the id 't'"),
    ([T], [], [Attack("x", "t", AttackKind.REBUT, POS)], "unknown claim 'x' attacks 't'"),
    ([P], [], [Attack("p", "x", AttackKind.REBUT, POS)], "'p' rebuts unknown claim 'x'"),
    ([T, P], [], [Attack("p", "t", AttackKind.UNDERCUT, POS)],
     "'p' undercuts unknown argument 't'"),
    ([Claim("c", "C.", ClaimKind.PREMISE, POS, cites=("s",))], [], [],
     "claim 'c' cites unknown source 's'"),
    ([Claim("c", "C.", ClaimKind.PREMISE, POS, answers=(("a", "CQ1"),))], [], [],
     "claim 'c' answers unknown argument 'a'"),
])
def test_a_relation_to_nothing_is_refused_at_its_record(
    claims: list[Claim], arguments: list[Argument], attacks: list[Attack], message: str
) -> None:
    """Each dangling reference is one clear error, at the record that holds it."""
    with pytest.raises(MapLoadError) as raised:
        ArgumentMap(claims, arguments, attacks)
    assert str(raised.value) == f"m.yaml:4:3: {message}"


def test_a_map_whose_relations_resolve_is_built() -> None:
    """Every relation naming a record of the map: the map is built and answers queries."""
    amap = ArgumentMap(
        [*CLAIMS, Claim("o", "O.", ClaimKind.OBJECTION, POS, cites=("s",))],
        [ARGUMENT],
        [Attack("o", "arg", AttackKind.UNDERCUT, POS), Attack("p", "o", AttackKind.REBUT, POS)],
        [Source("s", "S.", POS)],
    )
    assert [a.id for a in amap.supporters_of("t")] == ["arg"]
    assert [a.attacker for a in amap.attackers_of("arg")] == ["o"]
