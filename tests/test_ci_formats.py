"""`check --format github|sarif|auto`: annotations escaped as @actions/core does, valid SARIF."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import shared_path
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.findings import CheckReport, Finding, Severity
from argmap.reporters.github import report_github
from argmap.reporters.sarif import report_sarif

runner = CliRunner()

GAPS = """\
argmap: 1
claims:
  t:
    kind: thesis
    text: The tram should be built.
  o:
    kind: objection
    text: Costs will overrun.
    rebuts: [t]
sources:
  s:
    title: Traffic count
"""


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("m.yaml").write_text(GAPS, encoding="utf-8")
    code, out, _ = run("check", "m.yaml", "--format", "github")
    assert code == 1
    # By impact: what bears on the thesis first (errors first), then the rest; each message
    # says what its subject bears on.
    assert out.splitlines() == [
        "::error file=m.yaml,line=3,col=3,title=argmap unsupported-claim::thesis 't' has no "
        "support, citation or waiver (bears on t)",
        "::warning file=m.yaml,line=9,col=14,title=argmap unanswered-objection::objection 'o' "
        "rebuts 't' and nothing answers it (bears on t)",
        "::notice file=m.yaml,line=6,col=3,title=argmap unsupported-claim::objection 'o' has no "
        "support, citation or waiver (bears on t)",
        "::warning file=m.yaml,line=11,col=3,title=argmap unused-source::source 's' is not "
        "cited by any claim",
    ]
    # --format auto (the default) picks annotations under GitHub Actions only.
    assert run("check", "m.yaml", env={"GITHUB_ACTIONS": "true"})[1] == out
    assert run("check", "m.yaml")[1].startswith("m.yaml:3:3: unsupported-claim error")


def test_github_escapes_data_and_properties_like_actions_core() -> None:
    finding = Finding("invalid-map", Severity.ERROR, "50% bad\r\nnext: a,b", "dir,x/a:b%.yaml",
                      2, 5)
    out = report_github(CheckReport((finding,), ("dir,x/a:b%.yaml",), 0))
    assert out == ("::error file=dir%2Cx/a%3Ab%25.yaml,line=2,col=5,title=argmap invalid-map::"
                   "50%25 bad%0D%0Anext: a,b\n")


def _sarif_validator():  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads(shared_path("specs", "sarif-schema-2.1.0.json").read_text())
    return jsonschema.Draft4Validator(schema)


def test_sarif_validates_and_carries_what_code_scanning_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("maps").mkdir()
    Path("maps/m.yaml").write_text(GAPS, encoding="utf-8")
    Path("maps/bad.yaml").write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    code, out, _ = run("check", "maps", "--format", "sarif")
    assert code == 2
    log = json.loads(out)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"unsupported-claim", "unused-waiver", "invalid-map"} <= set(ids)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    unsupported = rules[ids.index("unsupported-claim")]
    assert unsupported["shortDescription"]["text"] == ("A claim with no supporting argument, no "
                                                       "citation and no grounding.")
    assert "Passing example" not in unsupported["fullDescription"]["text"]
    assert "Failing example:" in unsupported["help"]["text"]
    broken = next(r for r in run_["results"] if r["ruleId"] == "invalid-map")
    assert broken["level"] == "error"
    assert broken["properties"]["impact"] == {"conclusions": [], "load_bearing": False}
    thesis = next(r for r in run_["results"] if r["ruleId"] == "unsupported-claim")
    assert rules[thesis["ruleIndex"]]["id"] == "unsupported-claim"
    location = thesis["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/m.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 3},
    }
    assert location["logicalLocations"] == [{"name": "t", "kind": "object"}]
    assert thesis["properties"]["impact"] == {"conclusions": ["t"], "load_bearing": False}
    assert [(c["path"], c["id"], c["status"]) for c in run_["properties"]["conclusions"]] == [
        (os.path.join("maps", "m.yaml"), "t", "out")]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    notes = [r for r in run_["results"] if r["level"] == "note"]
    assert [n["message"]["text"] for n in notes] == [
        "objection 'o' has no support, citation or waiver (bears on t)"]


def test_sarif_fingerprints_survive_moved_lines(tmp_path: Path) -> None:
    def prints(text: str) -> list[str]:
        path = tmp_path / "m.yaml"
        path.write_text(text, encoding="utf-8")
        from argmap.checking import check_paths

        log = json.loads(report_sarif(check_paths([str(path)]), root=tmp_path))
        return [r["partialFingerprints"]["argmapFinding/v1"] for r in log["runs"][0]["results"]]

    before = prints(GAPS)
    after = prints(GAPS.replace("claims:\n", "title: Moved\nclaims:\n  x:\n    kind: evidence\n"
                                "    text: X.\n    supports: [t]\n"))
    assert len(set(before)) == 4
    assert after == before[1:]  # the thesis is now supported; the others moved down, same prints


def test_sarif_paths_outside_the_root_are_absolute_file_uris(tmp_path: Path) -> None:
    finding = Finding("orphan-claim", Severity.WARNING, "m", str(tmp_path / "a b.yaml"), 1, 1)
    log = json.loads(report_sarif(CheckReport((finding,), (finding.path,), 1),
                                  root=tmp_path / "elsewhere"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (tmp_path / "a b.yaml").as_uri()}
    assert "%20" in location["artifactLocation"]["uri"]
    assert not _sarif_validator().is_valid(dict(log, version="2.0"))  # the validator bites
    assert os.path.isabs(finding.path)


def test_the_documented_workflow_runs_on_the_shipped_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import shlex

    import yaml

    repo = Path(__file__).resolve().parents[1]
    doc = (repo / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.findall(r"```yaml\n(# \.github.*?)```", doc, re.S)[0])
    commands = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
                if step.get("run", "").startswith("argmap ")]
    assert len(commands) == 2
    monkeypatch.chdir(repo)
    for command in commands:
        args = shlex.split(command.split(">")[0])[1:]
        code, out, err = run(*args, env={"GITHUB_ACTIONS": "true"})
        assert code in (0, 1) and err == "", (command, err)
        if "sarif" in args:
            log = json.loads(out)
            assert not list(_sarif_validator().iter_errors(log))
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in log["runs"][0]["results"]}
            assert uris and all(u.startswith("arguments/") for u in uris)
        else:
            assert out.startswith("::")


def test_github_names_files_relative_to_the_workspace(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = Finding("orphan-claim", Severity.WARNING, "m", str(tmp_path / "maps" / "a.yaml"), 1, 1)
    outside = Finding("orphan-claim", Severity.WARNING, "m", "/elsewhere/b.yaml", 1, 1)
    out = report_github(CheckReport((inside, outside), (), 0))
    assert [line.split(",")[0] for line in out.splitlines()] == [
        "::warning file=maps/a.yaml", "::warning file=/elsewhere/b.yaml"]
