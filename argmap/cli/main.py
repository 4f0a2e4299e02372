"""The console script `argmap`: answer ``--version`` at once, else run the Typer app."""

from __future__ import annotations

import io
import signal
import sys
from collections.abc import Callable
from types import FrameType

from argmap import __version__
from argmap.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from argmap.safe_text import visible


def main() -> None:
    """Run `argmap` on the command line's arguments and exit with its status."""
    # `argmap --version` is what scripts and editors call to probe for argmap; importing Typer
    # (with click and pydantic) for it would take several times longer than the answer needs.
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"argmap {__version__}\n")
        return
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A console that cannot encode a character (cp1252 and a tree's "⚠", a file name's
        # undecodable bytes) shows it as an escape instead of failing mid-output.
        sys.stdout.reconfigure(errors="backslashreplace")
    from argmap.cli.app import app

    for name in ("SIGTERM", "SIGHUP"):  # no SIGHUP on Windows
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    try:
        status = guarded(app)
    except Terminated as stop:
        status = 128 + stop.signum  # as a shell reports a process the signal ended
    sys.exit(status)


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds the stack as Ctrl-C does, so that `dot` is stopped and no
    partial file is left (`subprocess.run` and `write_output` clean up on any exception)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: FrameType | None) -> None:
    for name in ("SIGTERM", "SIGHUP"):  # a second signal must not cut the clean-up short
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Terminated(signum)


def guarded(run: Callable[[], object]) -> int:
    """Run the app; Ctrl-C is a quiet status 130, an unexpected error one line on stderr and
    status 2, never a traceback. ``SystemExit`` (how the app ends) passes through."""
    try:
        run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, never a traceback, and a way to report it
        sys.stderr.write(f"argmap: internal error: {type(exc).__name__}: {visible(str(exc))} "
                         "(please report this with the map that caused it)\n")
        return EXIT_ERROR
    return EXIT_OK
