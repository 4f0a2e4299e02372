"""`argmap import` and `argmap export` end to end: files written, read back, errors positioned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.importers import IMPORTERS
from argmap.load.dump import SCHEMA_LINE
from argmap.load.loader import load_map
from tests.conftest import REPO
from tests.interop_support import NO_CORPUS, corpus_files, map_contents

runner = CliRunner()




@pytest.mark.skipif(not corpus_files(aif_every=7), reason=NO_CORPUS)
def test_import_writes_a_map_that_loads_as_the_imported_map(tmp_path: Path) -> None:
    for name, source in corpus_files(aif_every=7):
        out = tmp_path / f"{source.stem}.yaml"
        result = runner.invoke(app, ["import", str(source), "--from", name, "-o", str(out)])
        assert result.exit_code == 0, (source.name, result.output)
        text = out.read_text("utf-8")
        assert text.startswith(SCHEMA_LINE)
        imported = IMPORTERS[name](source).amap
        assert map_contents(load_map(out)) == map_contents(imported), source.name


def test_import_reports_warnings_with_source_positions(tmp_path: Path) -> None:
    source = tmp_path / "m.argdown"
    source.write_text("[T]: t\n  - <R>: r\n    <_ [U]: u\n", encoding="utf-8")
    out = tmp_path / "m.yaml"
    result = runner.invoke(app, ["import", str(source), "--from", "argdown", "-o", str(out)])
    assert result.exit_code == 0
    assert f"{source}:3:5" in result.stderr and "import" in result.stderr
    assert set(load_map(out).claims) == {"T", "R", "U"}


def test_import_syntax_error_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bad.argdown"
    source.write_text("[A]: a\n\n(1) p\n(2) q\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["import", str(source), "--from", "argdown", "-o", str(out)])
    assert result.exit_code == 2
    assert f"{source}:3:1:" in result.stderr
    assert not out.exists()


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "x.yaml", "--to", "pdfx"])
    assert result.exit_code == 2
    assert "argdown" in result.stderr and "graphml" in result.stderr


@pytest.mark.parametrize("fmt", ["argdown", "aif", "json", "graphml"])
def test_export_of_the_projects_map_then_import_back(tmp_path: Path, fmt: str) -> None:
    source = REPO / "arguments" / "indonesia-korea" / "review.yaml"
    out = tmp_path / f"review.{fmt}"
    result = runner.invoke(app, ["export", str(source), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    original = load_map(source)
    if fmt == "json":
        doc = json.loads(out.read_text("utf-8"))
        assert len(doc["claims"]) == len(original.claims)
        assert len(doc["attacks"]) == len(original.attacks)
        return
    if fmt == "graphml":
        assert out.read_text("utf-8").count("<node ") == (
            len(original.claims) + len(original.arguments)
        )
        return
    back = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(out), "--from", fmt, "-o", str(back)])
    assert result.exit_code == 0, result.output
    again = load_map(back)
    if fmt == "argdown":
        assert map_contents(again) == map_contents(original)
    else:  # AIF keeps structure and text, not notes, tags or locators
        assert again.stats()["claims"] == original.stats()["claims"]
        assert {(a.attacker, a.target) for a in again.attacks} == {
            (a.attacker, a.target) for a in original.attacks
        }
        assert {(a.conclusion, a.premises + ((a.warrant,) if a.warrant else ()))
                for a in again.arguments.values()} == {
            (a.conclusion, a.premises + ((a.warrant,) if a.warrant else ()))
            for a in original.arguments.values()
        }
