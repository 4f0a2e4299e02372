"""The installed `argmap` console script, run as a user runs it: exit status and both streams."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import __version__

SCRIPT = Path(sys.executable).with_name("argmap")
BARE = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: The plan works.\n"


def argmap(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the console script; its status, standard output and standard error."""
    if not SCRIPT.exists():
        pytest.skip(f"no console script beside {sys.executable} (install with pip install -e .)")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd, env=env)
    return done.returncode, done.stdout, done.stderr


def test_version() -> None:
    assert argmap("--version") == (0, f"argmap {__version__}\n", "")


def test_check_prints_findings_and_exits_1_on_an_error(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(BARE, encoding="utf-8")
    assert argmap("check", "map.yaml", cwd=tmp_path) == (
        1, "map.yaml:3:3: unsupported-claim error thesis 't' has no support, citation or "
           "waiver\n", "")


def test_a_configuration_in_the_map_directory_sets_fail_on(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(BARE, encoding="utf-8")
    (tmp_path / ".argmap.yaml").write_text("fail-on: never\n", encoding="utf-8")
    code, out, err = argmap("check", "map.yaml", "--format", "json", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert '"rule": "unsupported-claim"' in out


def test_usage_errors_are_typers(tmp_path: Path) -> None:
    """Help, a bad choice and a missing argument are answered by Typer, with status 0 or 2."""
    code, out, _ = argmap("check", "--help")
    assert code == 0 and "--maps-only" in out and "error|warning|info|never" in out
    code, _, err = argmap("check", "--format", "bogus", "map.yaml", cwd=tmp_path)
    assert code == 2 and "Invalid value for '--format'" in err
    code, _, err = argmap("check", cwd=tmp_path)
    assert code == 2 and "Missing argument" in err


def test_render_writes_dot_to_standard_output(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(BARE, encoding="utf-8")
    code, out, err = argmap("render", "map.yaml", "-o", "-", "-f", "dot", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("digraph")
