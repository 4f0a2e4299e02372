"""`argmap diff` and `argmap init` through the CLI: exact lines, JSON, exit codes, files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app

runner = CliRunner()

OLD = """\
argmap: 1
claims:
  t:
    kind: thesis
    text: Build the tram.
  p:
    text: Traffic is at capacity.
    supports: [t]
    cites: [count]
  gone:
    kind: evidence
    text: An old count.
    supports: [p]
sources:
  count:
    title: Traffic count
"""

NEW = """\
argmap: 1
title: Revised
claims:
  t:
    kind: thesis
    text: Build the east-west tram.
  p:
    text: Traffic is at capacity.
    supports: [t]
    cites: [count]
  o:
    kind: objection
    text: Costs overrun.
    rebuts: [t]
    cites: [audit]
sources:
  count:
    title: Traffic count
  audit:
    title: Audit
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_diff_text(write_map) -> None:  # type: ignore[no-untyped-def]
    old, new = write_map(OLD, "old.yaml"), write_map(NEW, "new.yaml")
    code, out, err = run("diff", str(old), str(new))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "+ claim o (objection): Costs overrun.",
        "- claim gone (evidence): An old count.",
        "~ claim t reworded",
        "    - Build the tram.",
        "    + Build the east-west tram.",
        "+ relation o rebuts t",
        "- relation gone supports p",
        "+ source audit",
        f"+ finding {new}:4:3: conclusion-not-established error thesis 't' falls: "
        "rebutted by o, which is in",
        f"+ finding {new}:14:14: unanswered-objection warning objection 'o' rebuts 't' and "
        "nothing answers it",
        "claims: 1 added, 1 removed, 1 reworded, 0 changed; relations: 1 added, 1 removed; "
        "findings: 2 introduced, 0 resolved",
    ]


def test_diff_matches_findings_across_moved_lines_and_reports_resolved(write_map) -> None:  # type: ignore[no-untyped-def]
    bare = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"
    moved = "argmap: 1\ntitle: Moved down\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"
    old, new = write_map(bare, "a.yaml"), write_map(moved, "b.yaml")
    assert run("diff", str(old), str(new))[1] == "no differences\n"
    fixed = write_map(bare + "    cites: [s]\nsources:\n  s:\n    title: S\n", "c.yaml")
    code, out, _ = run("diff", str(old), str(fixed), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["findings"]["introduced"] == []
    assert document["findings"]["resolved"] == [{
        "rule": "unsupported-claim", "severity": "error",
        "message": "thesis 't' has no support, citation or waiver", "path": str(old),
        "line": 3, "col": 3, "claim": "t",
        "impact": {"conclusions": ["t"], "load_bearing": False}}]
    assert document["claims"]["changed"] == [{"id": "t", "field": "cites", "old": [],
                                              "new": ["s"]}]
    assert document["sources"] == {"added": ["s"], "removed": []}


def test_diff_json_relations(write_map) -> None:  # type: ignore[no-untyped-def]
    old, new = write_map(OLD, "old.yaml"), write_map(NEW, "new.yaml")
    document = json.loads(run("diff", str(old), str(new), "-f", "json")[1])
    assert document["relations"] == {
        "added": [{"relation": "rebuts", "source": "o", "target": "t"}],
        "removed": [{"relation": "supports", "source": "gone", "target": "p"}],
    }
    assert document["claims"]["reworded"] == [{"id": "t", "old": "Build the tram.",
                                               "new": "Build the east-west tram."}]


def test_diff_of_a_broken_map_is_exit_2(write_map) -> None:  # type: ignore[no-untyped-def]
    old, bad = write_map(OLD, "old.yaml"), write_map("argmap: 1\nclaims: [\n", "bad.yaml")
    code, out, err = run("diff", str(old), str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"argmap: error: {bad}:3:1: YAML syntax error")


def test_init_writes_a_valid_map_and_the_schema(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("init", "maps/new.yaml", "--title", 'A "quoted" title')
    assert code == 2  # the folder does not exist
    (tmp_path / "maps").mkdir()
    code, out, _ = run("init", "maps/new.yaml", "--title", 'A "quoted" title')
    assert (code, out) == (0, "wrote maps/new.yaml\nwrote maps/argmap.schema.json\n")
    text = (tmp_path / "maps" / "new.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=argmap.schema.json\nargmap: 1\n")
    assert run("check", "maps/new.yaml", "--fail-on", "info") == (0, "", "")
    assert run("schema")[1] == (tmp_path / "maps" / "argmap.schema.json").read_text()
    import jsonschema
    import yaml

    jsonschema.validate(yaml.safe_load(text), json.loads(run("schema")[1]))
    assert 'A "quoted" title' in run("show", "maps/new.yaml")[1]
    # A second init refuses, and leaves both files alone; the schema is not rewritten.
    code, out, err = run("init", "maps/new.yaml")
    assert (code, out) == (2, "")
    assert err == "argmap: error: 'maps/new.yaml' already exists; refusing to overwrite it\n"
    assert run("init", "maps/second.yaml")[1] == "wrote maps/second.yaml\n"
    assert run("init", "notes.txt")[0] == 2
