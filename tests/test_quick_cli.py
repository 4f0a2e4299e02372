"""The quick `check` and `render` paths read what Typer reads, and do what Typer does."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from argmap.cli import main as launcher
from argmap.cli.app import app
from argmap.cli.check import CHECK_OPTIONS, CheckArgs, parse_check_args
from argmap.cli.quick import OptionSpec
from argmap.cli.render import RENDER_OPTIONS, RenderArgs, parse_render_args

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


def _typer_command(name: str) -> Any:
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


def _typer_spellings(name: str) -> dict[str, OptionSpec]:
    """Every spelling of every option of a Typer command, as the quick tables write it."""
    spellings = {}
    for param in _typer_command(name).params:
        if param.opts == [param.name]:
            continue  # a positional argument
        annotation = param.type_descriptor.annotation
        is_enum = isinstance(annotation, type) and issubclass(annotation, Enum)
        kind = ("flag" if param.is_flag else "int" if annotation is int
                else "float" if annotation is float else "str")
        choices = tuple(member.value for member in annotation) if is_enum else ()
        for spelling in param.opts:
            spellings[spelling] = OptionSpec(param.name, kind, param.multiple, choices)
        for spelling in param.secondary_opts:
            spellings[spelling] = OptionSpec(param.name, kind, param.multiple, choices, False)
    return spellings


def _typer_defaults(name: str) -> dict[str, object]:
    """Each parameter's default, as the quick path's dataclass would hold it."""
    defaults: dict[str, object] = {}
    for param in _typer_command(name).params:
        default = param.default.value if isinstance(param.default, Enum) else param.default
        defaults[param.name] = () if param.multiple and default is None else default
    return defaults


@pytest.mark.parametrize(("command", "table", "args_class"), [
    ("check", CHECK_OPTIONS, CheckArgs), ("render", RENDER_OPTIONS, RenderArgs)])
def test_option_tables_match_typer(command: str, table: dict[str, OptionSpec],
                                   args_class: type) -> None:
    """Adding or changing an option in cli.py without its quick table fails here: the same
    spellings, kinds, choices and flag values, the same parameters and the same defaults."""
    assert table == _typer_spellings(command)
    typer_defaults = _typer_defaults(command)
    fields = {field.name: field.default for field in dataclasses.fields(args_class)}
    assert list(fields) == list(typer_defaults)
    for name, default in fields.items():
        if default is not dataclasses.MISSING:
            assert (name, default) == (name, typer_defaults[name])
        else:  # required: a positional, or render's --output
            assert typer_defaults[name] is None


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
    monkeypatch.setattr("argmap.cli.app.app", None)  # the Typer app must not be reached
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
                if name.split(".")[0] in ("typer", "click", "pydantic", "argmap.cli.app")]
    assert "argmap.cli.app" not in imported
    assert "argmap.reporters.sarif" not in imported  # only --format sarif needs it (and hashlib)


def test_typer_still_answers_what_the_quick_path_leaves(tmp_path: Path) -> None:
    """`check --help` and a bad choice still get Typer's help and usage error."""
    help_run = subprocess.run([sys.executable, "-m", "argmap", "check", "--help"],
                              capture_output=True, text=True, timeout=60)
    assert help_run.returncode == 0 and "--maps-only" in help_run.stdout
    bad = subprocess.run([sys.executable, "-m", "argmap", "check", "--format", "bogus", "x"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert "Invalid value for '--format'" in bad.stderr


@pytest.mark.parametrize(("argv", "expected"), [
    (["m.yaml", "-o", "m.svg"], RenderArgs("m.yaml", "m.svg")),
    (["-o", "-", "m.yaml", "--format", "dot"], RenderArgs("m.yaml", "-", output_format="dot")),
    (["m.yaml", "--output=x.png", "--rankdir", "TB", "--no-legend", "--no-findings",
      "--sources", "--focus", "t", "--depth", "3", "--cluster", "tag", "--engine", "neato",
      "--timeout", "2.5", "--wrap", "20", "--status", "grounded", "--presume"],
     RenderArgs("m.yaml", "x.png", rankdir="TB", legend=False, findings=False, sources=True,
                focus="t", depth=3, cluster="tag", engine="neato", timeout=2.5, wrap=20,
                status="grounded", presume=True)),
    (["m.yaml", "-o", "o.svg", "--timeout", "30"], RenderArgs("m.yaml", "o.svg", timeout=30.0)),
])
def test_plain_render_lines_are_read(argv: list[str], expected: RenderArgs) -> None:
    assert parse_render_args(argv) == expected


@pytest.mark.parametrize("argv", [
    ["m.yaml"],                                   # --output missing
    ["-o", "m.svg"],                              # MAP missing
    ["a.yaml", "b.yaml", "-o", "m.svg"],          # one MAP only
    ["m.yaml", "-o", "m.svg", "--depth", "two"], ["m.yaml", "-o", "m.svg", "--depth", "2.0"],
    ["m.yaml", "-o", "m.svg", "--depth", "-1"], ["m.yaml", "-o", "m.svg", "--timeout", "1e3"],
    ["m.yaml", "-o", "m.svg", "--legend", "--no-legend"],
    ["m.yaml", "-o", "m.svg", "--rankdir", "tb"], ["m.yaml", "-o", "m.svg", "--help"],
])
def test_other_render_lines_are_left_to_typer(argv: list[str]) -> None:
    assert parse_render_args(argv) is None


@pytest.mark.parametrize("case", [
    ["{ok}", "-o", "-", "--format", "dot"],
    ["{ok}", "-o", "{out}", "--no-legend", "--rankdir", "TB", "--wrap", "20"],
    ["{ok}", "-o", "{out}", "--focus", "p", "--depth", "1", "--no-findings"],
    ["{ok}", "-o", "{out}", "--status", "grounded", "--presume"],
    ["{ok}", "-o", "{out}", "--focus", "nowhere"],
    ["{ok}", "-o", "{out}", "--status", "bogus"],
    ["{broken}", "-o", "{out}"],
    ["{ok}", "-o", "{ok}", "--format", "dot"],
    ["{ok}", "-o", "{tmp}/missing-dir/m.dot"],
])
def test_quick_render_matches_typer(case: list[str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Exit status, both streams and the file written are the same either way."""
    (tmp_path / "ok.yaml").write_text(MAP)
    (tmp_path / "broken.yaml").write_text(BROKEN)
    out = tmp_path / "map.dot"
    argv = [arg.format(ok=tmp_path / "ok.yaml", broken=tmp_path / "broken.yaml", out=out,
                       tmp=tmp_path) for arg in case]
    assert parse_render_args(argv) is not None
    monkeypatch.setattr(sys, "argv", ["argmap", "render", *argv])
    monkeypatch.setattr("argmap.cli.app.app", None)  # the Typer app must not be reached
    with pytest.raises(SystemExit) as stop:
        launcher.main()
    quick_out, quick_err = capsys.readouterr()
    quick_file = out.read_bytes() if out.exists() else None
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(app, ["render", *argv])
    typer_file = out.read_bytes() if out.exists() else None
    assert (result.exit_code, result.stdout, result.stderr, typer_file) == (
        int(stop.value.code or 0), quick_out, quick_err, quick_file)
    assert (tmp_path / "ok.yaml").read_text() == MAP


def test_quick_render_imports_no_typer(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MAP)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "render",
                           str(path), "-o", "-", "-f", "dot"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("digraph")
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert not [name for name in imported
                if name.split(".")[0] in ("typer", "click", "pydantic")]
