"""`argmap check` as a plain function, and the quick reading of its arguments.

`check` is the command that editors, pre-commit and CI call over and over, often on one small
file, so its start-up is most of its cost. Typer (with click and pydantic) takes about 0.2 s to
import and to build its parameter adapters; for an ordinary `check` command line that reading is
not needed. `parse_check_args` understands exactly the options of the Typer `check` command and
returns None for anything else (help, an unknown option, a bad value, a missing argument…), so
Typer still answers those with its own messages. A test keeps this table and Typer's in step.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ArgmapError

CHECK_FORMATS = ("auto", "text", "json", "github", "sarif")
FAIL_ON_LEVELS = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class CheckArgs:
    """What one `argmap check` command line asks for."""

    paths: tuple[str, ...]
    output_format: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config: str | None = None
    no_config: bool = False
    maps_only: bool = False


@dataclass(frozen=True)
class OptionSpec:
    """One option of `check`: the CheckArgs field it fills and the values it takes."""

    dest: str
    flag: bool = False
    multiple: bool = False
    choices: tuple[str, ...] = field(default=())


# Every spelling Typer accepts for `check`, mirrored from argmap/cli.py (tests compare them).
CHECK_OPTIONS: dict[str, OptionSpec] = {
    "--format": OptionSpec("output_format", choices=CHECK_FORMATS),
    "-f": OptionSpec("output_format", choices=CHECK_FORMATS),
    "--select": OptionSpec("select", multiple=True),
    "--ignore": OptionSpec("ignore", multiple=True),
    "--fail-on": OptionSpec("fail_on", choices=FAIL_ON_LEVELS),
    "--config": OptionSpec("config"),
    "--no-config": OptionSpec("no_config", flag=True),
    "--maps-only": OptionSpec("maps_only", flag=True),
}


def parse_check_args(argv: Sequence[str]) -> CheckArgs | None:
    """The arguments after ``check`` as CheckArgs, or None when Typer should read them."""
    paths: list[str] = []
    values: dict[str, object] = {}
    lists: dict[str, list[str]] = {"select": [], "ignore": []}
    index = 0
    while index < len(argv):
        arg = argv[index]
        index += 1
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            continue
        # click reads `--name=value`; a short option keeps any "=" as part of its value.
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = CHECK_OPTIONS.get(name)
        if spec is None or (spec.flag and has_value):
            return None  # --help, --, an unknown option or a flag given a value
        if spec.flag:
            value = "true"
        elif not has_value:
            if index == len(argv) or argv[index].startswith("-"):
                return None  # a missing value (or a value that looks like an option)
            value = argv[index]
            index += 1
        if spec.choices and value not in spec.choices:
            return None
        if spec.multiple:
            lists[spec.dest].append(value)
        elif spec.dest in values:
            return None  # given twice: let Typer decide which one counts
        else:
            values[spec.dest] = True if spec.flag else value
    if not paths:
        return None
    return CheckArgs(paths=tuple(paths), select=tuple(lists["select"]),
                     ignore=tuple(lists["ignore"]), **values)  # type: ignore[arg-type]


def _split_ids(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def run_check(args: CheckArgs) -> int:
    """Check the maps, print the report, and return the exit status."""
    from argmap.check_output import file_progress, print_check_report, resolve_format
    from argmap.checking import check_paths, has_load_failures, reaches_fail_on
    from argmap.config import ConfigResolver

    try:
        if args.config is not None and args.no_config:
            raise ArgmapError("--config and --no-config exclude each other")
        configs = ConfigResolver(args.config, use_files=not args.no_config,
                                 select=_split_ids(args.select) or None,
                                 ignore=_split_ids(args.ignore) if args.ignore else None)
        report = check_paths(list(args.paths), configs=configs, progress=file_progress(),
                             maps_only=args.maps_only)
        failing = reaches_fail_on(report, args.fail_on, configs)
    except ArgmapError as exc:
        sys.stderr.write(f"argmap: error: {exc}\n")
        return EXIT_ERROR
    print_check_report(report, resolve_format(args.output_format, sys.stdout))
    if has_load_failures(report):
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK
