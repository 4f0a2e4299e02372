"""`argmap --version` answers without importing the command line's heavy dependencies."""

from __future__ import annotations

import subprocess
import sys

from argmap import __version__

HEAVY = ("typer", "click", "rich", "networkx", "yaml", "graphviz", "argmap.cli.app")


def test_version_imports_nothing_heavy() -> None:
    """The version is printed, and no heavy module appears in Python's import log."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == f"argmap {__version__}\n"
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
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


def test_piped_check_needs_neither_rich_nor_networkx(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Plain-line output (pipes, CI) does not pay for the terminal layout or the graph library."""
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "check",
                           str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == (f"{path}:3:3: unsupported-claim error thesis 't' has no support, "
                           "citation or waiver\n")
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert not [name for name in imported if name.split(".")[0] in ("rich", "networkx")]
