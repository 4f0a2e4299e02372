"""`argmap check`: its options, the reporter they pick, a progress bar, and the exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from argmap.cli.console import plain_console
from argmap.cli.errors import exit_with, user_errors
from argmap.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from argmap.findings import FailOn, FindingOrder
from argmap.safe_text import visible

if TYPE_CHECKING:
    from rich.console import Console

    from argmap.findings import CheckReport

# The rich layout is used for "text" in a terminal; "auto" adds GitHub Actions detection.
RICH = "rich"
# Fewer files than this finish before a bar would be seen.
PROGRESS_MIN_FILES = 2


class CheckFormat(StrEnum):
    """Output formats of `check`: ``auto`` and the names of the reporters."""

    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


def check(
    paths: Annotated[list[str], typer.Argument(help="Map files, or directories to search.")],
    output_format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="auto: github under GitHub Actions, else text.")
    ] = CheckFormat.AUTO,
    select: Annotated[list[str] | None, typer.Option(
        help="Run only these rules (repeat or comma-separate).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Skip these rules (repeat or comma-separate).")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 when a finding reaches this severity (default: the configuration's "
             "fail-on, else error).", show_default=False)] = None,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="PATH", help="Use this configuration file for every map.")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore configuration files.")] = False,
    maps_only: Annotated[bool, typer.Option(
        "--maps-only", help="Pass over named files that are not maps (for pre-commit).")
    ] = False,
    sort: Annotated[FindingOrder, typer.Option(
        "--sort", help="impact: findings that decide a conclusion first; location: file order.")
    ] = FindingOrder.IMPACT,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Name the configuration file each map was checked with.")
    ] = False,
) -> None:
    """Check maps for reasoning gaps; exit 1 when a finding reaches --fail-on."""
    from argmap.checking import check_paths, has_load_failures, reaches_fail_on
    from argmap.config import ConfigResolver

    with user_errors():
        if config is not None and no_config:
            raise UsageError("--config and --no-config exclude each other")
        configs = ConfigResolver(config, use_files=not no_config,
                                 select=_split_ids(select or ()) or None,
                                 ignore=_split_ids(ignore) if ignore else None)
        report = check_paths(paths, configs=configs, progress=file_progress(),
                             maps_only=maps_only, order=sort)
        failing = reaches_fail_on(report, fail_on, configs)
    reporter = resolve_format(output_format, sys.stdout)
    if verbose:
        sys.stderr.write(configs_used(report))
    if reporter != RICH and report.skipped:  # the rich layout says it in its summary
        from argmap.reporters.text import skipped_note

        sys.stderr.write(f"argmap: {skipped_note(report)}\n")
    with user_errors():  # a full disk or a closed pipe on standard output: one line
        print_check_report(report, reporter)
    if has_load_failures(report):
        exit_with(EXIT_ERROR)
    exit_with(EXIT_FINDINGS if failing else EXIT_OK)


def configs_used(report: CheckReport) -> str:
    """``argmap: configuration PATH (N maps)`` for each file used, for ``--verbose``."""
    lines = []
    for path, maps in report.configs:
        count = f"{maps} map" if maps == 1 else f"{maps} maps"
        used = f"configuration {path}" if path is not None else "no configuration file"
        lines.append(f"argmap: {used} ({count})\n")
    return "".join(lines)


def _split_ids(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


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
        from argmap.reporters.terminal import print_report

        print_report(report, console or plain_console())
        return
    from argmap.output import write_output
    from argmap.reporters import REPORTER_BY_NAME

    write_output("-", REPORTER_BY_NAME[reporter](report))


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
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[current]}", markup=False))
        with Progress(*columns, console=plain_console(self._stream), transient=True) as progress:
            task = progress.add_task("check", total=len(files), current="")
            for path in files:
                progress.update(task, current=visible(_tail(path)))
                yield path
                progress.advance(task)


def _tail(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]
