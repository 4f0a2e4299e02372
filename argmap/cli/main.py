"""The console script: answer ``--version`` and plain ``check``/``render`` lines without Typer."""

from __future__ import annotations

import sys
from collections.abc import Callable

from argmap import __version__
from argmap.errors import EXIT_ERROR

EXIT_INTERRUPTED = 130


def main() -> None:
    """Print the version, or run a plainly written `check` or `render`, before importing
    Typer; else run the Typer app."""
    argv = sys.argv[1:]
    # `argmap --version` is what scripts and editors call to probe for argmap; importing the
    # whole command line for it would take several times longer than the answer needs.
    if argv == ["--version"]:
        sys.stdout.write(f"argmap {__version__}\n")
        return
    if argv[:1] == ["check"]:
        from argmap.cli.check import parse_check_args, run_check

        check_args = parse_check_args(argv[1:])
        if check_args is not None:
            sys.exit(guarded(lambda: run_check(check_args)))
    if argv[:1] == ["render"]:
        from argmap.cli.render import parse_render_args, run_render

        render_args = parse_render_args(argv[1:])
        if render_args is not None:
            sys.exit(guarded(lambda: run_render(render_args)))
    from argmap.cli.app import app

    sys.exit(guarded(app))


def guarded(run: Callable[[], object]) -> int:
    """Run the command; Ctrl-C is a quiet status 130 (as under Typer), an unexpected error one
    line on stderr and status 2, never a traceback. ``SystemExit`` passes through."""
    try:
        status = run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line, never a traceback, and a way to report it
        sys.stderr.write(f"argmap: internal error: {type(exc).__name__}: {exc} "
                         "(please report this with the map that caused it)\n")
        return EXIT_ERROR
    return status if isinstance(status, int) else 0
