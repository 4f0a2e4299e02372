"""`argmap stats`, `show`, `diff` and `init`: read a map, compare two, or start one."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from argmap.cli.console import DataFormat, plain_console
from argmap.cli.errors import user_errors


def stats(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="A map file.")],
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.TEXT,
) -> None:
    """Count a map's claims, arguments, supports, attacks and sources."""
    import json

    from argmap.load.loader import load_map

    with user_errors():
        counts = load_map(map_path).stats()
    if output_format is DataFormat.JSON:
        typer.echo(json.dumps(counts))
    else:
        for name, value in counts.items():
            typer.echo(f"{name:<10} {value}")


def show(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to show.")],
    depth: Annotated[int | None, typer.Option(
        help="Levels of support and attack to show below each conclusion.")] = None,
) -> None:
    """Print the argument as an outline: each conclusion, its support and the attacks on it."""
    from argmap.outline import show_map

    with user_errors():
        show_map(map_path, plain_console(), depth)


def diff_maps(
    old: Annotated[str, typer.Argument(help="The earlier version of the map.")],
    new: Annotated[str, typer.Argument(help="The later version.")],
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.TEXT,
) -> None:
    """Show what changed between two versions of a map: claims, relations, findings."""
    from argmap.diff import diff_files, diff_json, diff_text

    with user_errors():
        changes = diff_files(old, new)
    sys.stdout.write(diff_json(changes) if output_format is DataFormat.JSON
                     else diff_text(changes))


def init(
    path: Annotated[str, typer.Argument(help="The map file to create.")] = "argmap.yaml",
    title: Annotated[str | None, typer.Option(help="The map's title.")] = None,
) -> None:
    """Start a new map with the editor schema line, and write argmap.schema.json beside it."""
    from argmap.new_map import create_map

    with user_errors():
        for written in create_map(path, title):
            typer.echo(f"wrote {written}")
