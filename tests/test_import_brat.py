"""brat import: the annotated essays, stance, offsets checked against the essay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.importers.brat import read_file, translate_brat
from argmap.model import AttackKind, ClaimKind
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "essays"
ESSAYS = sorted(CORPUS.glob("*.ann")) if CORPUS.exists() else []


@pytest.mark.skipif(not ESSAYS, reason=f"{CORPUS} is absent (developer data, not shipped)")
@pytest.mark.parametrize("ann", ESSAYS, ids=lambda p: p.stem)
def test_essay_annotations_become_a_map_with_offsets(ann: Path) -> None:
    result = read_file(ann)
    amap = result.amap
    essay = ann.with_suffix(".txt").read_text("utf-8")
    lines = ann.read_text("utf-8").splitlines()
    spans = [line.split("\t") for line in lines if line.startswith("T")]
    assert len(amap.claims) == len(spans)
    for ident, header, text in spans:
        label, start, end = header.split()
        claim = amap.claims[ident]
        assert claim.locator == f"chars {start}-{end}"
        assert essay[int(start) : int(end)] == text == claim.text
        expected = {"MajorClaim": ClaimKind.THESIS, "Premise": ClaimKind.PREMISE}.get(label)
        if expected is not None:
            assert claim.kind is expected
    relations = [line for line in lines if line.startswith("R")]
    stances = [line.split("\t")[1].split() for line in lines if line.startswith("A")]
    supports = [a for a in amap.arguments.values() if not a.linked]
    assert len(supports) + len(amap.attacks) == len(relations) + len(stances)
    major = next(ident for ident, header, _ in spans if header.startswith("MajorClaim"))
    for _, claim_id, stance in stances:
        if stance == "Against":
            assert amap.claims[claim_id].kind is ClaimKind.OBJECTION
            assert any(a.attacker == claim_id and a.target == major for a in amap.attacks)
        else:
            assert f"{claim_id}->{major}" in amap.arguments
    assert amap.title == essay.splitlines()[0].strip()
    assert result.warnings == ()


ANN = (
    "T1\tMajorClaim 0 9\tBuild it.\n"
    "T2\tClaim 10 22\tIt is cheap.\n"
    "A1\tStance T2 Against\n"
    "T3\tPremise 23 30\tLooks.\n"
    "R1\tattacks Arg1:T3 Arg2:T2\t\n"
    "R2\tcontradicts Arg1:T3 Arg2:T1\t\n"
    "#1\tAnnotatorNotes T3\tdoubtful\n"
    "E1\tEvent:T3\n"
)


def test_stance_relations_notes_and_unknown_lines() -> None:
    essay = "Build it. It is cheap. Looksx"
    result = translate_brat(ANN, essay, "e.ann")
    amap = result.amap
    assert amap.claims["T2"].kind is ClaimKind.OBJECTION
    assert {(a.attacker, a.target, a.kind) for a in amap.attacks} == {
        ("T2", "T1", AttackKind.REBUT),
        ("T3", "T2", AttackKind.REBUT),
    }
    assert amap.claims["T3"].note == "doubtful"
    found = sorted((w.line, w.message.split(";")[0]) for w in result.warnings)
    assert found == [
        (4, "T3: annotated text differs from the essay at chars 23-30"),
        (6, "relation type 'contradicts' has no argmap counterpart"),
        (8, "annotation has no argmap counterpart"),
    ]


def test_malformed_and_dangling_annotations_are_positioned_errors() -> None:
    with pytest.raises(MapLoadError) as caught:
        translate_brat("T1\tMajorClaim 0 x\tA\n", None, "e.ann")
    assert caught.value.position is not None and caught.value.position.line == 1
    with pytest.raises(MapLoadError) as caught:
        translate_brat("T1\tPremise 0 1\tA\nR1\tsupports Arg1:T1 Arg2:T9\n", None, "e.ann")
    assert caught.value.position is not None and caught.value.position.line == 2


def test_missing_essay_text_is_warned(tmp_path: Path) -> None:
    ann = tmp_path / "e.ann"
    ann.write_text("T1\tMajorClaim 0 4\tBuild\n", encoding="utf-8")
    result = read_file(ann)
    assert [w.message.split(";")[0] for w in result.warnings] == [
        "no essay text e.txt beside the annotations"
    ]
