"""`argmap import` and `export`: maps to and from other formats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, TypeVar

import typer

from argmap.cli.errors import user_errors
from argmap.errors import UsageError

T = TypeVar("T")


def import_map(
    file: Annotated[str, typer.Argument(help="The file to read.")],
    source_format: Annotated[str, typer.Option("--from", help="Its format.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The map to write; - for stdout.")
                      ] = "-",
) -> None:
    """Read a map in another format and write it as an argmap map."""
    from pathlib import Path

    from argmap.importers import IMPORTERS
    from argmap.load.dump import dump_map
    from argmap.output import write_output
    from argmap.reporters.text import format_line

    with user_errors():
        result = _registered(IMPORTERS, source_format, "--from")(Path(file))
        for warning in result.warnings:
            typer.echo(format_line(warning), err=True)
        write_output(output, dump_map(result.amap), inputs=(file, *result.inputs))


def export_map(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to export.")],
    target_format: Annotated[str, typer.Option("--to", help="The format to write.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The file to write; - for stdout.")
                      ] = "-",
) -> None:
    """Write a map in another format."""
    from argmap.exporters import EXPORTERS
    from argmap.load.loader import load_map
    from argmap.output import write_output

    with user_errors():
        exporter = _registered(EXPORTERS, target_format, "--to")
        amap = load_map(map_path)
        read = (map_path, *(doc.path for doc in amap.documents))  # and every map it extends
        write_output(output, exporter(amap), inputs=read)


def _registered(registry: Mapping[str, T], name: str, option: str) -> T:
    """The registry entry called ``name``; a usage error listing the choices otherwise."""
    if name not in registry:
        raise UsageError(f"unknown {option} format {name!r}; choose from "
                         + ", ".join(sorted(registry)))
    return registry[name]
