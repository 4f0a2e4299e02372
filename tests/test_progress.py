"""Checking many files shows a progress bar on a terminal's stderr, and nothing when piped."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from argmap.checking import check_paths
from argmap.cli.app import app
from argmap.cli.check import file_progress, resolve_format

MAP = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _maps(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for number in range(count):
        path = tmp_path / f"m{number}.yaml"
        path.write_text(MAP, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_terminal_gets_a_bar_over_the_files(tmp_path: Path) -> None:
    terminal = _Terminal()
    report = check_paths(_maps(tmp_path, 3), progress=file_progress(terminal))
    assert len(report.files) == 3
    shown = terminal.getvalue()
    assert "checking" in shown and "3/3" in shown


def test_a_pipe_or_a_single_file_gets_nothing(tmp_path: Path) -> None:
    pipe = io.StringIO()
    check_paths(_maps(tmp_path, 3), progress=file_progress(pipe))
    assert pipe.getvalue() == ""
    terminal = _Terminal()
    check_paths(_maps(tmp_path, 1), progress=file_progress(terminal))
    assert terminal.getvalue() == ""
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 3


def test_auto_format_choice() -> None:
    assert resolve_format("auto", _Terminal(), {}) == "rich"
    assert resolve_format("auto", io.StringIO(), {}) == "text"
    assert resolve_format("auto", _Terminal(), {"GITHUB_ACTIONS": "true"}) == "github"
    assert resolve_format("text", _Terminal(), {"GITHUB_ACTIONS": "true"}) == "rich"
    assert resolve_format("sarif", _Terminal(), {}) == "sarif"


def test_maps_only_passes_over_other_yaml_as_pre_commit_needs(tmp_path: Path) -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["entry"] == "argmap check" and "--maps-only" in hook["args"]
    ci = tmp_path / "ci.yaml"
    ci.write_text("jobs: {}\n", encoding="utf-8")
    (notes := tmp_path / "notes.txt").write_text("argmap: 1\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(ci)]).exit_code == 2  # named: must be a map
    result = runner.invoke(app, ["check", *hook["args"], str(ci), str(notes)])
    assert (result.exit_code, result.stdout) == (0, "")
    (bad := tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
    result = runner.invoke(app, ["check", *hook["args"], str(ci), str(bad)])
    assert (result.exit_code, result.stdout) == (
        1, f"{bad}:3:3: unsupported-claim error thesis 't' has no support, citation or waiver\n")
