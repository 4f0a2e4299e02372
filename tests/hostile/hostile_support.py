"""Running argmap on hostile input: in process through Typer's runner, as a real process, or in a
terminal (a pty)."""

from __future__ import annotations

import fcntl
import os
import pty
import selectors
import struct
import subprocess
import sys
import termios
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


def in_terminals(*commands: tuple[str, ...], columns: int = 120,
                 timeout: float = 60) -> list[Outcome]:
    """Run each `argmap ARGS` at once, the installed console script in a terminal of its own (a
    pty, ``columns`` wide), and return what each terminal showed (stdout and stderr together,
    in ``out``)."""
    script = Path(sys.executable).with_name("argmap")
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]
    env = {key: value for key, value in os.environ.items()
           if key not in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")}
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES="50")
    running = []
    for args in commands:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        proc = subprocess.Popen([*launcher, *args], cwd=REPO, stdin=subprocess.DEVNULL,
                                stdout=follower, stderr=follower, env=env)
        os.close(follower)
        running.append((proc, leader, bytearray()))
    with selectors.DefaultSelector() as selector:
        for _, leader, shown in running:
            selector.register(leader, selectors.EVENT_READ, shown)
        while selector.get_map():
            ready = selector.select(timeout)
            if not ready:
                for proc, _, _ in running:
                    proc.kill()
                raise AssertionError(f"a terminal showed nothing for {timeout} s")
            for key, _ in ready:
                try:
                    chunk = os.read(key.fd, 65536)
                except OSError:  # EIO: the pty closes when its process exits
                    chunk = b""
                if chunk:
                    key.data.extend(chunk)
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    return [Outcome(proc.wait(timeout=timeout), shown.decode("utf-8", "replace"), "")
            for proc, _, shown in running]
