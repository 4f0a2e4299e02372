"""How a command ends: a user's mistake as one line on stderr and status 2, else its status."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from argmap.errors import EXIT_ERROR, EXIT_OK, ArgmapError


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an ArgmapError into one line on stderr and exit status 2."""
    try:
        yield
    except ArgmapError as exc:
        # Written as it is: click's echo would drop escape sequences from a piped message, and
        # the message names the user's file exactly.
        sys.stderr.write(f"argmap: error: {exc}\n")
        raise typer.Exit(EXIT_ERROR) from None


def exit_with(status: int) -> None:
    """End the command with ``status``; returning from a command is status 0."""
    if status != EXIT_OK:
        raise typer.Exit(status)
