"""Argdown import: Argdown's own JSON export as the oracle, syntax features, positioned errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.argdown.parser import parse_argdown
from argmap.errors import MapLoadError
from argmap.importers.argdown import read_document, translate
from argmap.model import AttackKind, ClaimKind
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "argdown"
MAPS = sorted(CORPUS.glob("*.argdown")) if CORPUS.exists() else []


def _relation_exists(amap, key: str) -> bool:  # type: ignore[no-untyped-def]
    kind, _, rest = key.partition(":")
    if kind == "support":
        return rest in amap.arguments
    attacker, _, target = rest.partition(">")
    return any(
        (a.attacker, a.target, a.kind.value) == (attacker, target, kind) for a in amap.attacks
    )


@pytest.mark.skipif(not MAPS, reason=f"{CORPUS} is absent (developer data, not shipped)")
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_counts_equal_argdowns_own_json_export(path: Path) -> None:
    oracle = json.loads((CORPUS / "argdown-json" / f"{path.stem}.json").read_text("utf-8"))
    result, prov = read_document(path)
    amap = result.amap

    # the reader sees what Argdown sees: same titles, same relation triples
    doc = parse_argdown(path.read_text("utf-8"), str(path))
    assert list(doc.statements) == list(oracle["statements"])
    assert list(doc.arguments) == list(oracle["arguments"])
    assert {(r.type, r.source[1], r.target[1]) for r in doc.relations} == {
        (r["relationType"], r["from"], r["to"]) for r in oracle["relations"]
    }

    # and every element arrives in the map: one claim per statement, one argument (or reason
    # claim) per argument, each relation as map relations or as a positioned warning
    statement_claims = set(prov.statements.values())
    assert len(statement_claims) == len(oracle["statements"])
    assert statement_claims <= set(amap.claims)
    argument_ids = set(prov.arguments.values())
    assert len(argument_ids) == len(oracle["arguments"])
    assert argument_ids <= set(amap.claims) | set(amap.arguments)
    assert len(prov.relations) == len(oracle["relations"])
    warned_lines = {w.line for w in result.warnings}
    for relation, keys in prov.relations:
        if keys:
            assert all(_relation_exists(amap, k) for k in keys), relation
        else:
            assert relation.line in warned_lines, relation
    print(f"{path.name}: {len(statement_claims)} statements, {len(argument_ids)} arguments, "
          f"{len(prov.relations)} relations ({sum(1 for _, k in prov.relations if not k)} warned)")


def _doc(text: str):  # type: ignore[no-untyped-def]
    return translate(parse_argdown(text, "t.argdown"), "t.argdown")


FEATURES = """===
title: Tram
model:
    mode: loose
===

# Main {isGroup: false}

// a line comment
[Tram]: The city should build the **tram**. #policy
  + [Congestion]: Roads are *full*. /* inline
  comment */ #(peak hours)
  - <Cost>: Trams cost too much.
    <_ [Grant]: The grant covers it.

<Relief>: Trams relieve roads.

(1) [Congestion]
(2) Trams move commuters out of cars.
-- Practical reasoning {uses: [1, 2]} --
(3) Traffic falls.
(4) If traffic falls, build it.
----
(5) [Tram]
  >< [No Tram]: Do not build it.
"""


def test_features_map_to_claims_arguments_and_relations() -> None:
    result, prov = _doc(FEATURES)
    amap = result.amap
    tram = amap.claims["Tram"]
    assert tram.text == "The city should build the tram."
    assert tram.tags == ("policy",)
    assert tram.locator == "line 10"
    assert "section: Main" in (tram.note or "")
    assert amap.claims["Congestion"].tags == ("peak hours",)
    assert amap.claims["Congestion"].text == "Roads are full."
    # the two inferences of <Relief>: the first step gets a derived id
    assert amap.arguments["Relief:1"].premises == ("Congestion", "Untitled_1")
    assert amap.arguments["Relief:1"].scheme == "Practical reasoning"
    assert amap.arguments["Relief"].premises == ("Untitled_2", "Untitled_3")
    assert amap.arguments["Relief"].conclusion == "Tram"
    assert amap.arguments["Congestion->Tram"].linked is False
    # an argument without premise-conclusion structure is one reason claim
    assert amap.claims["Cost"].kind is ClaimKind.OBJECTION
    kinds = {(a.attacker, a.target, a.kind) for a in amap.attacks}
    assert ("Cost", "Tram", AttackKind.REBUT) in kinds
    # contradiction is symmetric: two rebuttals
    assert ("Tram", "No_Tram", AttackKind.REBUT) in kinds
    assert ("No_Tram", "Tram", AttackKind.REBUT) in kinds
    # the undercut of <Cost> has no inference to target: warned, with its line
    assert any(w.line == 14 and "undercut" in w.message for w in result.warnings)
    assert amap.claims["Tram"].kind is ClaimKind.THESIS  # supported, used by nothing
    assert amap.title == "Tram"
    assert len(prov.relations) == 4


def test_undercut_of_a_reconstructed_argument_targets_its_last_inference() -> None:
    text = "<A>: gist\n\n(1) p\n----\n(2) [C]: c\n\n[U]: u\n  _> <A>\n"
    amap = _doc(text)[0].amap
    assert [(a.attacker, a.target, a.kind) for a in amap.attacks] == [
        ("U", "A", AttackKind.UNDERCUT)
    ]
    assert amap.claims["C"].kind is ClaimKind.THESIS


def test_undercut_of_a_reason_claim_targets_its_supports() -> None:
    text = "[T]: t\n  + <R>: r\n    <_ [U]: u\n"
    amap = _doc(text)[0].amap
    assert [(a.attacker, a.target) for a in amap.attacks] == [("U", "R->T")]


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("===\ntitle: x\n", 1, 1, "never closed"),
        ("===\ntitle: [x\n===\n", 3, 1, "front matter: YAML syntax error"),
        ("[A]: a\n/* open\n", 2, 1, "comment is never closed"),
        ("[A: a\n", 1, 1, "never closed with ']'"),
        ("  + [B]: b\n", 1, 3, "has no statement or argument above it"),
        ("[A]: a {x: [1\n", 1, 8, "data block"),
        ("(1) a\n(2) b\n", 1, 1, "does not end with a conclusion"),
        ("<A>: x\n\n----\n(1) a\n", 3, 1, "inference line without numbered premises"),
        ("(1) a\n--\nrule\n", 2, 1, "never closed with '--'"),
    ],
)
def test_syntax_errors_are_positioned(text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(MapLoadError) as caught:
        parse_argdown(text, "bad.argdown")
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (line, col)
    assert message in caught.value.message
    assert caught.value.position.path == "bad.argdown"


def test_file_that_is_not_utf8_is_a_positioned_error(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_bytes(b"[A]: fine\n[B]: caf\xe9\n")
    with pytest.raises(MapLoadError) as caught:
        read_document(path)
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (2, 9)


def test_supported_conclusion_that_attacks_is_an_objection() -> None:
    text = "[T]: t\n\n<Con>: gist\n\n(1) p\n----\n(2) not t\n  -> [T]\n"
    amap = _doc(text)[0].amap
    assert amap.claims["Untitled_2"].kind is ClaimKind.OBJECTION
    assert amap.claims["T"].kind is ClaimKind.THESIS
    assert amap.claims["Untitled_1"].kind is ClaimKind.PREMISE


def test_dubious_structures_are_warned_where_they_stand() -> None:
    text = (
        "<A>: first\n\n(1) p\n-- r {uses: [7], confidence: high} --\n(2) c\n\n"
        "<A>: second\n\n(1) q\n----\n(2) d\n"
    )
    result, _ = _doc(text)
    found = sorted((w.line, w.col, w.message.split(";")[0]) for w in result.warnings)
    assert found == [
        (4, 1, "'uses' must list numbers of the 1 statements above"),
        (7, 1, "argument <A> is described again with other text"),
        (9, 1, "argument <A> already has a premise–conclusion structure"),
    ]
    assert result.amap.arguments["A"].premises == ("Untitled_1",)
    assert result.amap.arguments["A"].note == "first; inference data: confidence: high"
