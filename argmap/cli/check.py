"""`argmap check` as a plain function, and its option table for the quick start-up path."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from argmap.cli.quick import OptionSpec, parse_command_line
from argmap.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ArgmapError
from argmap.findings import FindingOrder


class FailOn(StrEnum):
    """The lowest severity that makes `check` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


class CheckFormat(StrEnum):
    """Output formats of `check`."""

    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


CHECK_FORMATS = tuple(fmt.value for fmt in CheckFormat)
FAIL_ON_LEVELS = tuple(level.value for level in FailOn)
SORT_ORDERS = tuple(order.value for order in FindingOrder)


@dataclass(frozen=True)
class CheckArgs:
    """What one `argmap check` command line asks for (defaults as in the Typer command)."""

    paths: tuple[str, ...]
    output_format: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config: str | None = None
    no_config: bool = False
    maps_only: bool = False
    sort: str = FindingOrder.IMPACT.value


# Every spelling Typer accepts for `check` (argmap/cli/app.py); tests compare the two.
CHECK_OPTIONS: dict[str, OptionSpec] = {
    "--format": OptionSpec("output_format", choices=CHECK_FORMATS),
    "-f": OptionSpec("output_format", choices=CHECK_FORMATS),
    "--select": OptionSpec("select", multiple=True),
    "--ignore": OptionSpec("ignore", multiple=True),
    "--fail-on": OptionSpec("fail_on", choices=FAIL_ON_LEVELS),
    "--config": OptionSpec("config"),
    "--no-config": OptionSpec("no_config", kind="flag"),
    "--maps-only": OptionSpec("maps_only", kind="flag"),
    "--sort": OptionSpec("sort", choices=SORT_ORDERS),
}


def parse_check_args(argv: Sequence[str]) -> CheckArgs | None:
    """The arguments after ``check``, or None when Typer should read them."""
    line = parse_command_line(argv, CHECK_OPTIONS, min_positionals=1)
    if line is None:
        return None
    return CheckArgs(line.positionals, **line.options)  # type: ignore[arg-type]


def _split_ids(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def run_check(args: CheckArgs) -> int:
    """Check the maps, print the report, and return the exit status."""
    from argmap.checking import check_paths, has_load_failures, reaches_fail_on
    from argmap.cli.check_output import file_progress, print_check_report, resolve_format
    from argmap.config import ConfigResolver

    try:
        if args.config is not None and args.no_config:
            raise ArgmapError("--config and --no-config exclude each other")
        configs = ConfigResolver(args.config, use_files=not args.no_config,
                                 select=_split_ids(args.select) or None,
                                 ignore=_split_ids(args.ignore) if args.ignore else None)
        report = check_paths(list(args.paths), configs=configs, progress=file_progress(),
                             maps_only=args.maps_only, order=FindingOrder(args.sort))
        failing = reaches_fail_on(report, args.fail_on, configs)
    except ArgmapError as exc:
        sys.stderr.write(f"argmap: error: {exc}\n")
        return EXIT_ERROR
    print_check_report(report, resolve_format(args.output_format, sys.stdout))
    if has_load_failures(report):
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK
