"""The console script `argmap`: answer ``--version`` at once, else run the Typer app."""

from __future__ import annotations

import sys
from collections.abc import Callable

from argmap import __version__
from argmap.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK


def main() -> None:
    """Run `argmap` on the command line's arguments and exit with its status."""
    # `argmap --version` is what scripts and editors call to probe for argmap; importing Typer
    # (with click and pydantic) for it would take several times longer than the answer needs.
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"argmap {__version__}\n")
        return
    from argmap.cli.app import app

    sys.exit(guarded(app))


def guarded(run: Callable[[], object]) -> int:
    """Run the app; Ctrl-C is a quiet status 130, an unexpected error one line on stderr and
    status 2, never a traceback. ``SystemExit`` (how the app ends) passes through."""
    try:
        run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, never a traceback, and a way to report it
        sys.stderr.write(f"argmap: internal error: {type(exc).__name__}: {exc} "
                         "(please report this with the map that caused it)\n")
        return EXIT_ERROR
    return EXIT_OK
