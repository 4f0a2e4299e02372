"""The Typer app: `argmap`, its --version option, and its commands in the order --help lists."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap import __version__
from argmap.cli import check, evaluate, interop, maps, reference, render, report
from argmap.errors import EXIT_OK

app = typer.Typer(
    name="argmap",
    help="Find the reasoning gaps in an argument map, and draw it.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find the reasoning gaps in an argument map, and draw it."""


# Each command imports what it runs when it runs, so `argmap` starts without loading them all.
app.command("check")(check.check)
app.command("rules")(reference.list_rules)
app.command("explain")(reference.explain)
app.command("schema")(reference.schema)
app.command("stats")(maps.stats)
app.command("import")(interop.import_map)
app.command("export")(interop.export_map)
app.command("render")(render.render)
app.command("report")(report.report)
app.command("show")(maps.show)
app.command("evaluate")(evaluate.evaluate)
app.command("diff")(maps.diff_maps)
app.command("init")(maps.init)
