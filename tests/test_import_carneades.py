"""Carneades import: labels after import match each corpus file's own `tests:`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.errors import MapLoadError
from argmap.evaluate import Label, evaluate
from argmap.importers.carneades import read_file
from argmap.model import ArgumentMap, AttackKind
from tests.conftest import REPO, SHARED

CORPUS = SHARED / "corpora" / "carneades"
# Files whose labels depend on what argmap cannot express; docs/semantics.md says why.
UNSUPPORTED = {"jogging.yml", "library.yml", "rebuttal.yml"}


def _corpus_files() -> list[object]:
    if not CORPUS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
    return [pytest.param(p, id=p.name) for p in sorted(CORPUS.glob("*.yml"))]


def _claim_ids(amap: ArgumentMap) -> dict[str, str]:
    """Carneades statement id -> claim id (renamed ids keep the original in the note)."""
    ids = {}
    for claim in amap.claims.values():
        note = claim.note or ""
        original = note.removeprefix("Carneades statement id: ")
        ids[original if original != note else claim.id] = claim.id
    return ids


@pytest.mark.parametrize("path", _corpus_files())
def test_labels_match_the_files_own_tests(path: Path) -> None:
    expected = yaml.safe_load(path.read_text(encoding="utf-8")).get("tests") or {}
    if not expected:
        pytest.skip(f"{path.name} has no `tests:`")
    result = read_file(path)
    assert any("tests:" in w.message for w in result.warnings)
    ids = _claim_ids(result.amap)
    labels = evaluate(result.amap).labels
    got = {
        (sid, labels[ids[sid]].value) for label, sids in expected.items() for sid in sids or ()
    }
    want = {(sid, label) for label, sids in expected.items() for sid in sids or ()}
    if path.name in UNSUPPORTED:
        assert got != want, f"{path.name} now matches: take it off the unsupported list"
        assert any("weigh" in w.message or "scheme" in w.message for w in result.warnings)
    else:
        assert got == want


def test_unsupported_files_are_documented() -> None:
    doc = (REPO / "docs" / "semantics.md").read_text(encoding="utf-8")
    for name in UNSUPPORTED:
        assert re.search(rf"^\| `{re.escape(name)}` \|", doc, re.M), name


def test_statement_ids_kept_or_noted(tmp_path: Path) -> None:
    path = tmp_path / "graph.yml"
    path.write_text(
        "meta: {title: Tweety}\n"
        "statements:\n  flies: Tweety flies.\n  ¬flies: Tweety does not fly.\n"
        "  bird: {text: Tweety is a bird., assumed: true}\n  penguin: Tweety is a penguin.\n"
        "  ill: Tweety is ill.\n"
        "issues:\n  i1:\n    positions: [flies, ¬flies]\n    standard: BRD\n"
        "arguments:\n  a1:\n    conclusion: flies\n    premises: {minor: bird, warrant: ill}\n"
        "    undercutter: penguin\n  a2:\n    conclusion: ¬flies\n    premises: [penguin]\n"
        "    scheme: cumulative\n  a3:\n    conclusion: penguin\n",
        encoding="utf-8",
    )
    result = read_file(path)
    amap = result.amap
    assert amap.title == "Tweety"
    assert "flies" in amap.claims and amap.claims["not-flies"].note == (
        "Carneades statement id: ¬flies"
    )
    a1 = amap.arguments["a1"]
    assert (a1.premises, a1.warrant, a1.conclusion) == (("bird",), "ill", "flies.argued")
    assert ("penguin", "a1", AttackKind.UNDERCUT) in {
        (a.attacker, a.target, a.kind) for a in amap.attacks
    }
    # positions exclude each other through what argues for them
    assert {(a.attacker, a.target) for a in amap.attacks if a.kind is AttackKind.REBUT} == {
        ("flies.argued", "not-flies"),
        ("not-flies.argued", "flies"),
    }
    # a3 has no premises: it applies unless undercut
    assert amap.arguments["a3"].premises == ("a3.applies",)
    warnings = {(w.line, w.message.split(":")[0]) for w in result.warnings}
    assert (11, "issue i1") in warnings  # the BRD proof standard
    assert (20, "argument a2") in warnings  # cumulative weighing
    labels = evaluate(amap).labels
    assert labels["penguin"] is Label.IN and labels["not-flies"] is Label.IN
    assert labels["flies"] is Label.OUT


def test_bad_graph_is_a_positioned_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("statements:\n  p: P\narguments:\n  a1: [p]\n", encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        read_file(path)
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (4, 7)


@pytest.mark.parametrize("path", _corpus_files())
def test_import_command_writes_a_map_with_the_same_labels(path: Path, tmp_path: Path) -> None:
    """`argmap import --from carneades -o MAP` writes a map that loads and evaluates the same."""
    out = tmp_path / "graph.yaml"
    result = CliRunner().invoke(app, ["import", str(path), "--from", "carneades", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(read_file(path).warnings)
    assert all(line.startswith(f"{path}:") for line in warnings)  # positioned in the source
    evaluated = CliRunner().invoke(app, ["evaluate", str(out), "--format", "json"])
    assert json.loads(evaluated.stdout)["labels"] == {
        k: v.value for k, v in evaluate(read_file(path).amap).labels.items()
    }
