"""Where commands print: the text/json choice of the data commands, and a plain rich console."""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, TextIO, cast

from argmap.safe_text import no_workflow_commands

if TYPE_CHECKING:
    from rich.console import Console


class DataFormat(StrEnum):
    """Output formats of the commands that print data."""

    TEXT = "text"
    JSON = "json"


def plain_console(stream: TextIO | None = None) -> Console:
    """A rich console on ``stream`` (standard output by default) that prints map text as it is:
    no markup, highlighting or emoji, and no line a CI log would run as a command."""
    from rich.console import Console

    file = cast(TextIO, _NoWorkflowCommands(stream if stream is not None else sys.stdout))
    return Console(file=file, highlight=False, markup=False, emoji=False)


class _NoWorkflowCommands(io.TextIOBase):
    """A stream that checks each write for workflow commands: rich wraps a long text wherever
    it must, so any piece of a map's text may begin a line (and CI logs may be terminals)."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with `no_workflow_commands` applied (rich writes whole lines)."""
        self._stream.write(no_workflow_commands(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self._stream.flush()

    def isatty(self) -> bool:
        """Whether the stream underneath is a terminal (rich asks, to choose colours)."""
        return self._stream.isatty()

    def fileno(self) -> int:
        """The file descriptor underneath (rich asks, for the terminal's size)."""
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The encoding underneath (rich asks, to choose box-drawing characters)."""
        return self._stream.encoding
