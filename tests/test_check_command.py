"""The quick `check` path reads what Typer reads, and does what Typer's `check` does."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from argmap import launcher
from argmap.check_command import CHECK_OPTIONS, CheckArgs, parse_check_args
from argmap.cli import app

MAP = """argmap: 1
claims:
  t:
    kind: thesis
    text: The plan works.
  p:
    kind: premise
    text: Tests show it probably works.
    supports: [t]
"""
BROKEN = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: [unclosed\n"


def _typer_check_params() -> dict[str, tuple[str, bool, bool, tuple[str, ...]]]:
    """Every spelling of every `check` option in the Typer app: dest, flag, multiple, choices."""
    command = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    spellings = {}
    for param in command.params:
        if param.opts == [param.name]:
            continue  # the positional PATHS
        annotation = param.type_descriptor.annotation
        choices = (tuple(member.value for member in annotation)
                   if isinstance(annotation, type) and issubclass(annotation, Enum) else ())
        for spelling in param.opts + param.secondary_opts:
            spellings[spelling] = (param.name, param.is_flag, param.multiple, choices)
    return spellings


def test_option_table_matches_typer() -> None:
    """Adding or changing an option of `check` in cli.py without the quick table fails here."""
    quick = {name: (spec.dest, spec.flag, spec.multiple, spec.choices)
             for name, spec in CHECK_OPTIONS.items()}
    assert quick == _typer_check_params()


@pytest.mark.parametrize(("argv", "expected"), [
    (["a.yaml"], CheckArgs(paths=("a.yaml",))),
    (["a.yaml", "dir", "-"], CheckArgs(paths=("a.yaml", "dir", "-"))),
    (["--format", "json", "a.yaml"], CheckArgs(paths=("a.yaml",), output_format="json")),
    (["a.yaml", "--format=sarif"], CheckArgs(paths=("a.yaml",), output_format="sarif")),
    (["-f", "github", "a.yaml"], CheckArgs(paths=("a.yaml",), output_format="github")),
    (["a.yaml", "--select", "orphan-claim,unused-source", "b.yaml", "--select=x"],
     CheckArgs(paths=("a.yaml", "b.yaml"), select=("orphan-claim,unused-source", "x"))),
    (["--ignore", "x", "--ignore", "y", "a"], CheckArgs(paths=("a",), ignore=("x", "y"))),
    (["--fail-on", "never", "--no-config", "--maps-only", "a"],
     CheckArgs(paths=("a",), fail_on="never", no_config=True, maps_only=True)),
    (["--config", "my.toml", "a"], CheckArgs(paths=("a",), config="my.toml")),
    (["--config=", "a"], CheckArgs(paths=("a",), config="")),
])
def test_plain_command_lines_are_read(argv: list[str], expected: CheckArgs) -> None:
    assert parse_check_args(argv) == expected


@pytest.mark.parametrize("argv", [
    [],                                  # PATHS missing: Typer's usage error
    ["--fail-on", "never"],              # only options, still no path
    ["--help"], ["a", "--help"], ["-h", "a"],
    ["--", "a"],                         # end of options: left to click
    ["--format", "bogus", "a"],          # not a choice
    ["--format", "JSON", "a"],           # choices are case-sensitive in Typer
    ["--format"], ["a", "--config"],     # a value is missing
    ["--config", "--no-config", "a"],    # a value that looks like an option
    ["--no-config=yes", "a"],            # a flag given a value
    ["-fjson", "a"], ["-f=json", "a"],   # short forms click reads its own way
    ["--fail-on", "error", "--fail-on", "info", "a"],  # a single option twice
    ["--selec", "x", "a"],               # no abbreviations
    ["--unknown", "a"],
])
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert parse_check_args(argv) is None


def _run_quick(argv: list[str], monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["argmap", "check", *argv])
    monkeypatch.setattr("argmap.cli.app", None)  # the Typer app must not be reached
    with pytest.raises(SystemExit) as stop:
        launcher.main()
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


@pytest.mark.parametrize("case", [
    ["{ok}"],
    ["{ok}", "--format", "json"],
    ["{ok}", "-f", "sarif", "--fail-on", "never"],
    ["{ok}", "--format", "github", "--select", "unsupported-claim"],
    ["{ok}", "--ignore", "unsupported-claim,overstated-conclusion", "--fail-on", "warning"],
    ["{ok}", "--select", "no-such-rule"],
    ["{ok}", "--config", "{ok}", "--no-config"],
    ["{broken}", "{ok}", "--format", "text"],
    ["{missing}"],
    ["{dir}", "--maps-only"],
])
def test_quick_path_matches_typer(case: list[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Exit status, standard output and standard error are the same either way."""
    (tmp_path / "ok.yaml").write_text(MAP)
    (tmp_path / "broken.yaml").write_text(BROKEN)
    (tmp_path / "notes.yaml").write_text("just: notes\n")
    names = {"ok": tmp_path / "ok.yaml", "broken": tmp_path / "broken.yaml",
             "missing": tmp_path / "missing.yaml", "dir": tmp_path}
    argv = [arg.format(**names) for arg in case]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert parse_check_args(argv) is not None
    quick = _run_quick(argv, monkeypatch, capsys)
    result = CliRunner().invoke(app, ["check", *argv])
    assert (result.exit_code, result.stdout, result.stderr) == quick
    assert quick[0] in (0, 1, 2)


def test_quick_path_imports_no_typer(tmp_path: Path) -> None:
    """A plain `check` never imports Typer, click or pydantic; their start-up is most of a
    small check's time."""
    path = tmp_path / "map.yaml"
    path.write_text(MAP)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "check",
                           str(path), "--format", "json", "--fail-on", "warning"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr[-2000:]
    assert '"rule": "unsupported-claim"' in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert not [name for name in imported
                if name.split(".")[0] in ("typer", "click", "pydantic", "argmap.cli")]
    assert "argmap.cli" not in imported


def test_typer_still_answers_what_the_quick_path_leaves(tmp_path: Path) -> None:
    """`check --help` and a bad choice still get Typer's help and usage error."""
    help_run = subprocess.run([sys.executable, "-m", "argmap", "check", "--help"],
                              capture_output=True, text=True, timeout=60)
    assert help_run.returncode == 0 and "--maps-only" in help_run.stdout
    bad = subprocess.run([sys.executable, "-m", "argmap", "check", "--format", "bogus", "x"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert "Invalid value for '--format'" in bad.stderr
