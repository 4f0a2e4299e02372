"""ICCMA import: apx, tgf and `p af n` read into assumptions and rebuttals; bad input positioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.evaluate import Label, evaluate
from argmap.importers.iccma import read_file
from argmap.model import AttackKind, ClaimKind

SAME_AF = {
    "af.apx": "arg(a).\narg(b).\n% a comment\natt(a,b).\n  att( b , c ).\narg(c).\n",
    "af.tgf": "a\nb label of b\nc\n#\na b\nb c\n",
    "af.af": "p af 3\n# a\n1 2\n2 3\n",
}


@pytest.mark.parametrize("name", list(SAME_AF))
def test_formats_read_the_same_framework(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SAME_AF[name], encoding="utf-8")
    amap = read_file(path).amap
    assert {c.kind for c in amap.claims.values()} == {ClaimKind.ASSUMPTION}
    assert {a.kind for a in amap.attacks} == {AttackKind.REBUT}
    names = list(amap.claims)
    assert len(names) == 3 and len(amap.attacks) == 2
    first, second, third = names if name != "af.apx" else ("a", "b", "c")
    labels = evaluate(amap).labels
    assert (labels[first], labels[second], labels[third]) == (Label.IN, Label.OUT, Label.IN)


@pytest.mark.parametrize(
    ("name", "text", "line", "col", "message"),
    [
        ("x.apx", "arg(a).\natt(a,z).\n", 2, 5, "undeclared argument 'z'"),
        ("x.apx", "arg(a).\narg(a).\n", 2, 5, "declared twice"),
        ("x.apx", "arg(a).\nattack(a,a).\n", 2, 1, "expected `arg(name).`"),
        ("x.apx", "arg(a b).\n", 1, 1, "expected `arg(name).`"),
        ("x.tgf", "a\n#\na b c\n", 3, 1, "expected an attack"),
        ("x.af", "p af 2\n1 3\n", 2, 1, "undeclared argument '3'"),
        ("x.af", "1 2\n", 1, 1, "expected the header"),
        ("x.af", "# only comments\n", 1, 1, "no `p af <n>` header"),
        ("x.af", "p af 2\n1 two\n", 2, 1, "argument numbers"),
    ],
)
def test_bad_input_is_a_positioned_error(
    tmp_path: Path, name: str, text: str, line: int, col: int, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        read_file(path)
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (line, col)
    assert message in caught.value.message


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.apx"
    path.write_bytes(b"arg(\xff).\n")
    with pytest.raises(MapLoadError):
        read_file(path)
