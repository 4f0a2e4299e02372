"""Start-up: `argmap --version` answers before Typer is imported, and a command imports only
what it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argmap import __version__

HEAVY = ("typer", "click", "pydantic", "rich", "networkx", "yaml", "graphviz", "argmap.cli.app")
BARE = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"


def _imported(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `python -m argmap ARGS` and the names of the modules it imported."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", *args],
                          capture_output=True, text=True, timeout=60)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    return done, imported


def test_version_imports_nothing_heavy() -> None:
    """The version is printed, and no heavy module appears in Python's import log."""
    done, imported = _imported("--version")
    assert done.returncode == 0
    assert done.stdout == f"argmap {__version__}\n"
    assert "argmap.cli.main" in imported
    assert not [name for name in imported if name.split(".")[0] in HEAVY or name in HEAVY]


def test_version_option_still_in_help() -> None:
    """The Typer app keeps its --version option, so --help lists it and it works there too."""
    from typer.testing import CliRunner

    from argmap.cli.app import app

    result = CliRunner().invoke(app, ["--help"])
    assert "--version" in result.output
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"argmap {__version__}\n"


def test_piped_check_imports_only_what_it_runs(tmp_path: Path) -> None:
    """Plain-line output (pipes, CI) pays neither for the terminal layout, the graph library,
    SARIF, nor for what the other commands run."""
    path = tmp_path / "map.yaml"
    path.write_text(BARE)
    done, imported = _imported("check", str(path))
    assert done.returncode == 1
    assert done.stdout == (f"{path}:3:3: unsupported-claim error thesis 't' has no support, "
                           "citation or waiver\n")
    assert not [name for name in imported if name.split(".")[0] in ("rich", "networkx")]
    others = ("argmap.render", "argmap.report", "argmap.importers", "argmap.exporters",
              "argmap.diff", "argmap.outline", "argmap.new_map", "argmap.reporters.sarif")
    assert not imported & set(others)  # a submodule is never imported without its package
