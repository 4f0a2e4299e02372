"""Where commands print: the text/json choice of the data commands, and a plain rich console."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


class DataFormat(StrEnum):
    """Output formats of the commands that print data."""

    TEXT = "text"
    JSON = "json"


def plain_console(stream: TextIO | None = None) -> Console:
    """A rich console on ``stream`` (standard output by default) that prints map text as it is:
    no markup, highlighting or emoji."""
    from rich.console import Console

    return Console(file=stream, highlight=False, markup=False, emoji=False)
