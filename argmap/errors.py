"""The errors argmap reports to its users: each names a file, a line and a column."""

from __future__ import annotations

from dataclasses import dataclass

# Exit codes, in one place (fastapi-cli / yamllint habit).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT


@dataclass(frozen=True, slots=True)
class Position:
    """Where something stands in a map file; line and column are 1-based."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class ArgmapError(Exception):
    """A problem the user can fix: bad input, a bad option, a missing program."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.position}: {self.message}"


class MapLoadError(ArgmapError):
    """A map file that cannot be read as an argmap map."""


class NotAMapError(MapLoadError):
    """A file that is not an argmap map at all (no mapping with an 'argmap' key): directory
    scans pass over it, and its messages never quote it."""


class UsageError(ArgmapError):
    """A command-line or configuration mistake."""


class RenderError(ArgmapError):
    """Graphviz is missing, failed, or ran out of time."""
