"""Running argmap on hostile input: in process through Typer's runner, or as a real process."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli.app import app

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    """What a user sees: exit status, standard output, standard error."""

    code: int
    out: str
    err: str


def cli(*args: str) -> Outcome:
    """Run `argmap ARGS` in process; an uncaught exception fails the test (no tracebacks)."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def process(*args: str, timeout: float = 120) -> Outcome:
    """Run `python -m argmap ARGS` as a real process."""
    done = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=REPO)
    assert "Traceback" not in done.stderr, done.stderr
    return Outcome(done.returncode, done.stdout, done.stderr)


def invalid_map(path: Path | str, line: int, col: int, message: str) -> str:
    """The line `argmap check` prints for a map it cannot load."""
    return f"{path}:{line}:{col}: invalid-map error {message}\n"
