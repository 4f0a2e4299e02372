"""Read a plain `check` or `render` command line without Typer.

These two commands are the ones run over and over (editors, pre-commit, CI, make), and Typer
with click and pydantic takes about 0.2 s to import and to build its parameter adapters, more
than a small check itself. `parse_command_line` reads only what it is sure of: every option of
the command's table, spelled as click spells it, with a value of the right kind. Anything else
(help, an unknown option, a bad or missing value, `--`, an option given twice…) returns None,
and the launcher hands the whole command line to Typer, which answers with its own messages.
tests/test_quick_cli.py checks each table against the Typer command's parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

ValueKind = Literal["str", "int", "float", "flag"]
# What click's INT and FLOAT read too, kept to the plain spellings; others go to Typer.
_PLAIN_VALUE = {"int": re.compile(r"[0-9]+\Z"), "float": re.compile(r"[0-9]+(?:\.[0-9]+)?\Z")}


@dataclass(frozen=True)
class OptionSpec:
    """One spelling of an option: the field it fills, what it takes, and a flag's value."""

    dest: str
    kind: ValueKind = "str"
    multiple: bool = False
    choices: tuple[str, ...] = ()
    flag_value: bool = True


@dataclass(frozen=True)
class ParsedLine:
    """The positional arguments and the options given (multiple ones as tuples)."""

    positionals: tuple[str, ...]
    options: Mapping[str, object]


def parse_command_line(argv: Sequence[str], options: Mapping[str, OptionSpec],
                       min_positionals: int, max_positionals: int | None = None
                       ) -> ParsedLine | None:
    """The arguments after the command's name, or None when Typer should read them."""
    positionals: list[str] = []
    values: dict[str, object] = {}
    lists: dict[str, list[str]] = {}
    index = 0
    while index < len(argv):
        arg = argv[index]
        index += 1
        if not arg.startswith("-") or arg == "-":
            positionals.append(arg)
            continue
        # click reads `--name=value`; a short option keeps any "=" as part of its value.
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = options.get(name)
        if spec is None or (spec.kind == "flag" and has_value):
            return None  # --help, --, an unknown option or a flag given a value
        parsed: object
        if spec.kind == "flag":
            parsed = spec.flag_value
        else:
            if not has_value:
                if index == len(argv) or argv[index][:1] == "-" != argv[index]:
                    return None  # a missing value, or one that looks like an option ("-" is
                    # a value: standard output)
                value = argv[index]
                index += 1
            if spec.choices and value not in spec.choices:
                return None
            pattern = _PLAIN_VALUE.get(spec.kind)
            if pattern is not None and not pattern.match(value):
                return None
            parsed = int(value) if spec.kind == "int" else (
                float(value) if spec.kind == "float" else value)
        if spec.multiple:
            lists.setdefault(spec.dest, []).append(value)
        elif spec.dest in values:
            return None  # given twice (or --x with --no-x): let Typer decide which counts
        else:
            values[spec.dest] = parsed
    if len(positionals) < min_positionals or (
            max_positionals is not None and len(positionals) > max_positionals):
        return None
    values.update((dest, tuple(items)) for dest, items in lists.items())
    return ParsedLine(tuple(positionals), values)
