"""Where `check` output goes: pick the format for `auto`, print the report, show progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, TextIO

from argmap.findings import CheckReport
from argmap.reporters import REPORTER_BY_NAME

if TYPE_CHECKING:
    from rich.console import Console

# The rich layout is used for "text" in a terminal; "auto" adds GitHub Actions detection.
RICH = "rich"
# Fewer files than this finish before a bar would be seen.
PROGRESS_MIN_FILES = 2


def resolve_format(name: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> str:
    """The reporter to use: ``auto`` picks github under Actions, the rich layout in a terminal
    and plain lines otherwise; ``text`` is the rich layout in a terminal, lines otherwise."""
    if name == "auto" and environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if name in ("auto", "text"):
        return RICH if stream.isatty() else "text"
    return name


def print_check_report(report: CheckReport, reporter: str, console: Console | None = None
                       ) -> None:
    """Print ``report`` with the named reporter (or the rich layout, on ``console`` if given).

    rich is imported only for the rich layout: piped output and CI formats do without it.
    """
    if reporter == RICH:
        from rich.console import Console

        from argmap.reporters.terminal import print_report

        print_report(report, console or Console(highlight=False, markup=False, emoji=False))
        return
    sys.stdout.write(REPORTER_BY_NAME[reporter](report))


def file_progress(stream: TextIO | None = None) -> _Progress:
    """A wrapper that shows a progress bar over files on ``stream`` (standard error) when it is
    a terminal."""
    return _Progress(stream if stream is not None else sys.stderr)


class _Progress:
    """Call it with the list of files; it yields them, advancing a transient bar."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def __call__(self, files: list[str]) -> Iterator[str]:
        if len(files) < PROGRESS_MIN_FILES or not self._stream.isatty():
            yield from files
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = Console(file=self._stream, highlight=False, markup=False, emoji=False)
        columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[current]}", markup=False))
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("check", total=len(files), current="")
            for path in files:
                progress.update(task, current=_tail(path))
                yield path
                progress.advance(task)


def _tail(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]

