"""`argmap report`: one self-contained HTML page reviewing a map."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.errors import user_errors, warn
from argmap.errors import UsageError


def report(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to review.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write.")],
    config: Annotated[str | None, typer.Option(
        "--config", metavar="PATH", help="Use this configuration file.")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore configuration files.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds Graphviz may take.")] = 60.0,
) -> None:
    """Write a self-contained HTML review of a map: summary, diagram, findings, claims."""
    from argmap.config import ConfigResolver
    from argmap.drawing import write_report

    with user_errors():
        if config is not None and no_config:
            raise UsageError("--config and --no-config exclude each other")
        settings = ConfigResolver(config, use_files=not no_config).settings_for(map_path)
        write_report(map_path, output, settings=settings, timeout=timeout, warn=warn)
