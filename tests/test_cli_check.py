"""`argmap check` and friends through the CLI: exact lines, exit codes, formats."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from argmap import __version__
from argmap.checking import check_paths
from argmap.cli.app import app
from argmap.reporters.terminal import print_report

runner = CliRunner()

GAPS = """\
argmap: 1
claims:
  t:
    kind: thesis
    text: The tram should be built.
  p:
    text: Traffic is at capacity.
    factual: true
    supports: [t]
  c:
    text: Everyone on the axis knows it is jammed.
    common-ground: true
    supports: [p]
  o:
    kind: objection
    text: "[red]Costs[/red] will [bold]overrun"
    rebuts: [p]
sources:
  s:
    title: Traffic count
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_prints_one_line_per_finding(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPS)
    code, out, err = run("check", str(path))
    assert code == 0  # warnings and info only: below the default --fail-on error
    # By impact: the thesis hangs on 'p'; 'o' bears on the thesis (warning before info); the
    # unused source bears on nothing. Piped, no verdict lines: every line is a finding.
    assert out.splitlines() == [
        f"{path}:6:3: missing-evidence warning factual premise 'p' has no evidence or "
        "cited source in its support",
        f"{path}:17:14: unanswered-objection warning objection 'o' rebuts 'p' and nothing "
        "answers it",
        f"{path}:14:3: unsupported-claim info objection 'o' has no support, citation or waiver",
        f"{path}:19:3: unused-source warning source 's' is not cited by any claim",
    ]
    assert err == ""


def test_sort_location_gives_file_order(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPS)
    _, out, _ = run("check", str(path), "--sort", "location")
    assert [line.split(": ")[0].split(":", 1)[1] for line in out.splitlines()] == [
        "6:3", "14:3", "17:14", "19:3"]
    assert run("check", str(path), "--sort", "size")[0] == 2


# The thesis stands on 'p' alone; 'aside', earlier in the file, bears on nothing.
LOAD_BEARING_LATER = """\
argmap: 1
claims:
  aside:
    text: The old depot could become a museum.
  t:
    kind: thesis
    text: The tram should be built.
  p:
    text: Traffic is at capacity.
    factual: true
    supports: [t]
  c:
    text: Everyone on the axis knows it is jammed.
    common-ground: true
    supports: [p]
"""


def test_a_load_bearing_gap_comes_before_earlier_unrelated_ones(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(LOAD_BEARING_LATER)
    _, out, _ = run("check", str(path), "--format", "json")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["line"], f["impact"]) for f in findings] == [
        ("missing-evidence", 8, {"conclusions": ["t"], "load_bearing": True}),
        ("orphan-claim", 3, {"conclusions": [], "load_bearing": False}),
        ("unsupported-claim", 3, {"conclusions": [], "load_bearing": False}),
    ]
    _, out, _ = run("check", str(path), "--sort", "location")
    assert [line.split()[1] for line in out.splitlines()] == [
        "orphan-claim", "unsupported-claim", "missing-evidence"]


def test_fail_on_levels(write_map) -> None:  # type: ignore[no-untyped-def]
    path = str(write_map(GAPS))
    assert run("check", path, "--fail-on", "error")[0] == 0  # only warnings and info
    assert run("check", path, "--fail-on", "warning")[0] == 1
    assert run("check", path, "--fail-on", "never")[0] == 0
    assert run("check", path, "--fail-on", "fatal")[0] == 2


def test_select_and_ignore(write_map) -> None:  # type: ignore[no-untyped-def]
    path = str(write_map(GAPS))
    _, out, _ = run("check", path, "--select", "unused-source,unanswered-objection")
    assert [line.split()[1] for line in out.splitlines()] == ["unanswered-objection",
                                                              "unused-source"]
    _, out, _ = run("check", path, "--ignore", "unsupported-claim", "--ignore", "unused-source")
    assert {line.split()[1] for line in out.splitlines()} == {"missing-evidence",
                                                              "unanswered-objection"}
    assert len(out.splitlines()) == 2
    code, _, err = run("check", path, "--select", "unsuported-claim")
    assert code == 2
    assert err == ("argmap: error: unknown rule 'unsuported-claim'; "
                   "did you mean 'unsupported-claim'?\n")


def test_config_and_no_config_exclude_each_other(write_map) -> None:  # type: ignore[no-untyped-def]
    path = str(write_map(GAPS))
    assert run("check", path, "--config", path, "--no-config") == (
        2, "", "argmap: error: --config and --no-config exclude each other\n")


@pytest.mark.parametrize(("args", "what"), [
    (["stats", "{path}"], "file"), (["check", "x.yaml", "--config", "{path}"], "configuration")])
def test_an_error_names_the_file_exactly_even_when_piped(tmp_path: Path, args: list[str],
                                                          what: str) -> None:
    """Every command writes its error line whole: nothing is dropped from a file name, and its
    escape character is shown as ``\\x1b``, never sent to the terminal."""
    missing = tmp_path / "\x1b[31mred.yaml"
    code, out, err = run(*(arg.format(path=missing) for arg in args))
    shown = f"{tmp_path}/\\x1b[31mred.yaml"
    assert (code, out, err) == (
        2, "", f"argmap: error: {shown}:1:1: cannot read {what}: No such file or directory\n")


def test_json_format_is_stable(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPS)
    code, out, _ = run("check", str(path), "--format", "json", "--fail-on", "never")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1
    assert document["tool"] == {"name": "argmap", "version": __version__}
    assert document["summary"] == {"error": 0, "warning": 3, "info": 1, "files": 1, "claims": 4,
                                   "skipped": 0}
    assert document["findings"][0] == {
        "rule": "missing-evidence", "severity": "warning",
        "message": "factual premise 'p' has no evidence or cited source in its support",
        "path": str(path), "line": 6, "col": 3, "claim": "p",
        "impact": {"conclusions": ["t"], "load_bearing": True},
    }
    assert document["conclusions"] == [{
        "path": str(path), "id": "t", "kind": "thesis", "status": "in",
        "reason": "supported by p->t, which is in",
        "strands": [{"argument": "p->t", "status": "in", "premises": ["p"]}],
        "load_bearing": ["c", "c->p", "p", "p->t"],
    }]
    assert all(set(f["impact"]) == {"conclusions", "load_bearing"}
               for f in document["findings"])


def test_thesis_without_support_is_an_error(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: Bare.\n")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert out == (f"{path}:3:3: unsupported-claim error thesis 't' has no support, "
                   "citation or waiver\n")


def test_clean_map_exits_0_and_prints_nothing(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"
                     "  e:\n    kind: evidence\n    text: E.\n    supports: [t]\n")
    assert run("check", str(path)) == (0, "", "")


def test_bad_map_is_a_finding_and_exit_2(write_map) -> None:  # type: ignore[no-untyped-def]
    good = write_map("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n", "good.yaml")
    bad = write_map("argmap: 1\nclaims:\n  a:\n    txt: x\n", "bad.yaml")
    code, out, _ = run("check", str(bad), str(good))
    assert code == 2
    assert out.splitlines() == [  # the good map is still checked
        f"{good}:3:3: unsupported-claim error thesis 't' has no support, citation or waiver",
        f"{bad}:4:5: invalid-map error unknown key 'txt' in claim 'a'; did you mean 'text'?",
    ]


def test_directories_are_searched_for_maps(tmp_path: Path, write_map) -> None:  # type: ignore[no-untyped-def]
    write_map("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n", "a/one.yaml")
    write_map("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n", "a/b/two.yml")
    write_map("jobs: {}\n", "a/ci.yaml")  # not a map: passed over
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    code, out, _ = run("check", str(tmp_path / "a"))
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [
        str(tmp_path / "a" / "b" / "two.yml"), str(tmp_path / "a" / "one.yaml")]


def test_no_maps_found_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path))
    assert code == 2
    assert "no map files found" in err


def test_terminal_layout_prints_claim_text_literally(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPS.replace("Traffic is at capacity.", "'[bold]not bold[/bold] [/x]'"))
    report = check_paths([str(path)])
    console = Console(record=True, width=80, force_terminal=True, color_system="truecolor")
    print_report(report, console)
    text = console.export_text()
    assert "0 errors, 3 warnings, 1 info in 1 file (4 claims checked)" in text
    assert "objection 'o' rebuts 'p'" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_markup_in_claim_ids_and_messages_stays_literal(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map("argmap: 1\nclaims:\n  t:\n    kind: '[/bold][red]x[link=javascript:x]'\n"
                     "    text: T.\n")
    report = check_paths([str(path)])
    console = Console(record=True, width=200, force_terminal=True)
    print_report(report, console)
    assert "'kind' is '[/bold][red]x[link=javascript:x]'" in console.export_text()


def test_stats_json(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPS)
    code, out, _ = run("stats", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out) == {"claims": 4, "arguments": 0, "supports": 2, "attacks": 1,
                               "sources": 1}


def test_stats_of_a_bad_map_is_one_line_and_exit_2(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map("argmap: 1\nclaims:\n  a: &x\n    text: y\n")
    code, out, err = run("stats", str(path))
    assert (code, out) == (2, "")
    assert err == (f"argmap: error: {path}:3:6: YAML anchors and aliases are not allowed in a "
                   "map (write the value out)\n")


def test_rules_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()]
    for rule in ("unsupported-claim", "missing-evidence", "circular-support",
                 "unanswered-objection", "orphan-claim", "ungrounded-recommendation",
                 "unused-source"):
        assert rule in ids
    code, out, _ = run("explain", "circular-support")
    assert code == 0
    assert out.startswith("circular-support (")
    assert "claims:" in out  # the docstring's YAML examples
    code, _, err = run("explain", "circular")
    assert code == 2 and "unknown rule 'circular'" in err


def test_version() -> None:
    assert run("--version") == (0, f"argmap {__version__}\n", "")


def test_python_dash_m_and_console_script_report_errors_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xff\xfe")
    result = subprocess.run([sys.executable, "-m", "argmap", "stats", str(path)],
                            capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:1:1: not UTF-8 text" in result.stderr


@pytest.mark.parametrize("name", ["paper", "example"])
def test_schema_accepts_valid_maps(name: str, tmp_path: Path) -> None:
    import re

    import jsonschema
    import yaml

    from argmap.schema import schema_text

    repo = Path(__file__).resolve().parents[1]
    if name == "paper":
        path = repo / "arguments" / "indonesia-korea" / "paper.yaml"
        if not path.exists():
            pytest.skip("the paper map is not written yet")
        text = path.read_text()
    else:
        text = re.findall(r"```yaml\n(.*?)```", (repo / "docs" / "format.md").read_text(),
                          re.S)[1]
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out) == json.loads(schema_text())
    schema = json.loads(out)
    jsonschema.Draft7Validator.check_schema(schema)
    data = yaml.safe_load(text)
    for source in data.get("sources", {}).values():  # YAML 1.1 reads dates as dates
        if "date" in source:
            source["date"] = str(source["date"])
    if "source" in data and "date" in data["source"]:
        data["source"]["date"] = str(data["source"]["date"])
    jsonschema.validate(data, schema)


def test_schema_rejects_what_the_loader_rejects() -> None:
    import jsonschema

    from argmap.schema import schema_text

    schema = json.loads(schema_text())
    for bad in ({"argmap": 1, "claims": {"a": {"txt": "x"}}},
                {"argmap": 1, "claims": {"a": {"text": "x", "kind": "thesys"}}},
                {"argmap": 2, "claims": {}},
                {"argmap": 1, "claims": {"a b": {"text": "x"}}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
