"""AIF import and export: the AraucariaDB and QT30 samples, round trips, a hand-made document."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from argmap.engine import check_map
from argmap.errors import MapLoadError
from argmap.exporters import aif as aif_export
from argmap.importers.aif import read_file, translate_aif
from argmap.model import ArgumentMap, AttackKind, ClaimKind
from argmap.render.graph import build_graph
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "aif"
FILES = sorted(CORPUS.glob("*/*.json")) if CORPUS.exists() else []


def _shape(amap: ArgumentMap) -> tuple[object, ...]:
    claims = {(c.id, c.text, c.kind) for c in amap.claims.values()}
    arguments = {(a.id, a.conclusion, a.premises, a.linked, a.scheme)
                 for a in amap.arguments.values()}
    attacks = {(a.attacker, a.target, a.kind) for a in amap.attacks}
    return claims, arguments, attacks


@pytest.mark.skipif(not FILES, reason=f"{CORPUS} is absent (developer data, not shipped)")
def test_every_corpus_file_imports_round_trips_checks_and_renders() -> None:
    totals: Counter[str] = Counter()
    findings_by_rule: Counter[str] = Counter()
    for path in FILES:
        result = read_file(path)
        amap = result.amap
        raw = json.loads(path.read_text("utf-8"))
        i_nodes = sum(1 for n in raw["nodes"] if n["type"] == "I")
        assert len(amap.claims) == i_nodes, path.name
        again = translate_aif(aif_export.write_text(amap), "again.json").amap
        assert _shape(again) == _shape(amap), path.name
        findings = check_map(amap).findings
        assert "digraph" in build_graph(amap, findings).source
        totals.update(files=1, claims=len(amap.claims), attacks=len(amap.attacks),
                      arguments=sum(1 for a in amap.arguments.values() if a.linked),
                      supports=sum(1 for a in amap.arguments.values() if not a.linked),
                      undercuts=sum(1 for a in amap.attacks if a.kind is AttackKind.UNDERCUT),
                      warnings=len(result.warnings))
        findings_by_rule.update(f.rule for f in findings)
        findings_by_rule.update(w.rule for w in result.warnings)
    print("\nAIF corpus totals:", dict(totals))
    print("findings by rule:", dict(sorted(findings_by_rule.items())))
    assert totals["files"] == len(FILES)
    assert totals["arguments"] > 0 and totals["attacks"] > 0 and totals["undercuts"] >= 0


DOC = {
    "nodes": [
        {"nodeID": "1", "text": "Build the tram.", "type": "I"},
        {"nodeID": "2", "text": "Roads are full.", "type": "I"},
        {"nodeID": "3", "text": "Trams relieve roads.", "type": "I"},
        {"nodeID": "4", "text": "Trams overrun budgets.", "type": "I"},
        {"nodeID": "5", "text": "Full roads are temporary.", "type": "I"},
        {"nodeID": "6", "text": "Roads are  packed.", "type": "I"},
        {"nodeID": "10", "text": "RA", "type": "RA"},
        {"nodeID": "11", "text": "Default Inference", "type": "RA"},
        {"nodeID": "20", "text": "CA", "type": "CA"},
        {"nodeID": "21", "text": "CA", "type": "CA"},
        {"nodeID": "30", "text": "Default Rephrase", "type": "MA"},
        {"nodeID": "40", "text": "Anna: build it", "type": "L"},
        {"nodeID": "41", "text": "Asserting", "type": "YA"},
        {"nodeID": "50", "text": "pref", "type": "PA"},
    ],
    "edges": [
        {"edgeID": "a", "fromID": "2", "toID": "10"},
        {"edgeID": "b", "fromID": "3", "toID": "10"},
        {"edgeID": "c", "fromID": "10", "toID": "1"},
        {"edgeID": "d", "fromID": "4", "toID": "20"},
        {"edgeID": "e", "fromID": "20", "toID": "1"},
        {"edgeID": "f", "fromID": "5", "toID": "21"},
        {"edgeID": "g", "fromID": "21", "toID": "11"},
        {"edgeID": "h", "fromID": "6", "toID": "11"},
        {"edgeID": "i", "fromID": "11", "toID": "2"},
        {"edgeID": "j", "fromID": "6", "toID": "30"},
        {"edgeID": "k", "fromID": "30", "toID": "2"},
        {"edgeID": "l", "fromID": "40", "toID": "41"},
        {"edgeID": "m", "fromID": "41", "toID": "10"},
    ],
}


def test_nodes_become_claims_arguments_and_attacks() -> None:
    text = json.dumps(DOC, indent=1)
    result = translate_aif(text, "doc.json")
    amap = result.amap
    assert set(amap.claims) == {"1", "2", "3", "4", "5", "6"}
    assert amap.claims["1"].kind is ClaimKind.THESIS
    assert amap.claims["4"].kind is ClaimKind.OBJECTION
    assert amap.claims["6"].text == "Roads are packed."
    assert amap.claims["1"].locator == "AIF node 1"
    linked = amap.arguments["10"]
    assert (linked.premises, linked.conclusion, linked.linked) == (("2", "3"), "1", True)
    assert amap.arguments["6->2"].linked is False  # one premise: a plain support
    assert {(a.attacker, a.target, a.kind) for a in amap.attacks} == {
        ("4", "1", AttackKind.REBUT),
        ("5", "6->2", AttackKind.UNDERCUT),
    }
    assert amap.claims["6"].note == "restates 2 (AIF MA)"
    messages = [(w.rule, w.line, w.message) for w in result.warnings]
    assert any("MA node 30" in m for _, _, m in messages)
    assert any("dialogue layer left out: 1 L, 1 YA nodes" in m for _, _, m in messages)
    pa = next(w for w in result.warnings if "PA node 50" in w.message)
    assert pa.rule == "import"
    assert text.splitlines()[pa.line - 1].strip().startswith('"nodeID": "50"')


def test_export_then_import_gives_the_same_map() -> None:
    amap = translate_aif(json.dumps(DOC), "doc.json").amap
    exported = aif_export.write_text(amap)
    assert {n["type"] for n in json.loads(exported)["nodes"]} == {"I", "RA", "CA"}
    assert _shape(translate_aif(exported, "x.json").amap) == _shape(amap)


def test_bad_json_is_a_positioned_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"nodes": [\n  {"nodeID": 1,,}\n]}\n', encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        read_file(path)
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (2, 16)
    with pytest.raises(MapLoadError, match="no 'nodes' list"):
        translate_aif('{"edges": []}', "x.json")


@pytest.mark.parametrize(
    "doc",
    [
        {"nodes": [{"nodeID": 1, "type": "I", "text": None}], "edges": []},
        {"nodes": [{"nodeID": "1", "type": "RA", "text": "RA"}], "edges": []},
        {"nodes": [{"nodeID": "1", "type": "I", "text": "a"}],
         "edges": [{"fromID": "1", "toID": "9"}]},
        {"nodes": [{"nodeID": "1", "type": "CA", "text": "CA"},
                   {"nodeID": "2", "type": "CA", "text": "CA"}],
         "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "1"}]},
    ],
)
def test_odd_documents_import_with_warnings_not_crashes(doc: dict[str, object]) -> None:
    result = translate_aif(json.dumps(doc), "odd.json")
    assert all(c.text for c in result.amap.claims.values())
    assert result.warnings, "something in each of these documents has no argmap counterpart"
