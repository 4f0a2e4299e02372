"""How a command ends: a user's mistake as one line on stderr and status 2, else its status."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from argmap.errors import EXIT_ERROR, EXIT_OK, ArgmapError
from argmap.safe_text import visible


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an ArgmapError into one line on stderr and exit status 2."""
    try:
        yield
    except ArgmapError as exc:
        # Not through click's echo, which drops escape sequences only when piped: the message
        # quotes the user's input, so its controls are shown as escapes everywhere.
        sys.stderr.write(f"argmap: error: {visible(str(exc))}\n")
        raise typer.Exit(EXIT_ERROR) from None


def exit_with(status: int) -> None:
    """End the command with ``status``; returning from a command is status 0."""
    if status != EXIT_OK:
        raise typer.Exit(status)


def warn(message: str) -> None:
    """Write a warning line to stderr, the map text it quotes made visible."""
    sys.stderr.write(visible(message) + "\n")
