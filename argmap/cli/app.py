"""The `argmap` command line: parse options, call the library, map errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from argmap import __version__
from argmap.cli.check import CheckFormat, FailOn
from argmap.cli.render import ClusterBy, LayoutEngine, RankDir, RenderFormat
from argmap.errors import EXIT_ERROR, EXIT_OK, ArgmapError
from argmap.findings import FindingOrder

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="argmap",
    help="Find the reasoning gaps in an argument map, and draw it.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class DataFormat(StrEnum):
    """Output formats of the commands that print data."""

    TEXT = "text"
    JSON = "json"


def _fail(message: str) -> NoReturn:
    typer.echo(f"argmap: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an ArgmapError into one line on stderr and exit status 2."""
    try:
        yield
    except ArgmapError as exc:
        _fail(str(exc))


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


@app.command()
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
) -> None:
    """Check maps for reasoning gaps; exit 1 when a finding reaches --fail-on."""
    from argmap.cli.check import CheckArgs, run_check

    status = run_check(CheckArgs(
        paths=tuple(paths), output_format=output_format.value, select=tuple(select or ()),
        ignore=tuple(ignore or ()), fail_on=fail_on.value if fail_on else None, config=config,
        no_config=no_config, maps_only=maps_only, sort=sort.value))
    if status != EXIT_OK:
        raise typer.Exit(status)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False)


@app.command("rules")
def list_rules() -> None:
    """List the rules with their default severity."""
    from argmap.rules import RULES

    width = max(len(rule_id) for rule_id in RULES)
    for rule_id, module in RULES.items():
        summary = (module.__doc__ or "").strip().splitlines()[0]
        typer.echo(f"{rule_id:<{width}}  {module.SEVERITY.value:<7}  {summary}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule id, as `argmap rules` lists.")],
            ) -> None:
    """Print a rule's documentation: rationale and examples."""
    import inspect

    from argmap import rules

    with user_errors():
        module = rules.get(rule)
    typer.echo(f"{module.ID} ({module.NAME}), default severity {module.SEVERITY.value}\n")
    typer.echo(inspect.cleandoc(module.__doc__ or ""))
    if module.OPTIONS:
        typer.echo("\nOptions: " + ", ".join(f"{k} (default {v!r})"
                                           for k, v in module.OPTIONS.items()))


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft-07) of the map format, for editors."""
    from argmap.schema import schema_text

    sys.stdout.write(schema_text())


@app.command()
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


T = TypeVar("T")


def _registered(registry: Mapping[str, T], name: str, option: str) -> T:
    """The registry entry called ``name``; a usage error listing the choices otherwise."""
    if name not in registry:
        raise ArgmapError(f"unknown {option} format {name!r}; choose from "
                          + ", ".join(sorted(registry)))
    return registry[name]


@app.command("import")
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
        write_output(output, dump_map(result.amap), inputs=(file,))


@app.command("export")
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
        write_output(output, exporter(load_map(map_path)), inputs=(map_path,))


@app.command()
def render(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to draw.")],
    output: Annotated[str, typer.Option(
        "--output", "-o", help="The file to write (.svg, .png, .pdf, .dot); - for stdout.")],
    output_format: Annotated[RenderFormat | None, typer.Option(
        "--format", "-f", help="Output format; by default taken from the output's suffix.")] = None,
    rankdir: Annotated[RankDir, typer.Option(help="Direction of support.")] = RankDir.LR,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw the legend.")] = True,
    findings: Annotated[bool, typer.Option("--findings/--no-findings",
                                           help="Mark claims that `argmap check` flags.")] = True,
    sources: Annotated[bool, typer.Option("--sources/--no-sources",
                                          help="Draw cited sources as notes.")] = True,
    focus: Annotated[str | None, typer.Option(help="Draw only around this claim.")] = None,
    depth: Annotated[int, typer.Option(help="Steps around --focus to draw.")] = 2,
    cluster: Annotated[ClusterBy | None, typer.Option(
        help="Group claims by their first tag or by the file that writes them.")] = None,
    engine: Annotated[LayoutEngine | None, typer.Option(
        help="Graphviz layout engine; default dot, or sfdp above 3,000 claims or when dot "
        "runs out of time.")
    ] = None,
    timeout: Annotated[float, typer.Option(
        help="Seconds Graphviz may take, and the --status preferred|stable search.")] = 60.0,
    wrap: Annotated[int, typer.Option(help="Wrap claim texts at this many characters.")] = 34,
    status: Annotated[str | None, typer.Option(
        metavar="grounded|preferred|stable",
        help="Mark each claim in, out or undecided under this semantics.")] = None,
    presume: Annotated[bool, typer.Option(
        "--presume", help="With --status: presume every claim no argument supports.")] = False,
    findings_list: Annotated[bool, typer.Option(
        "--findings-list/--no-findings-list",
        help="List the numbered findings under the title.")] = True,
    highlight: Annotated[str | None, typer.Option(
        metavar="ID", help="Draw this conclusion's strands and what it hangs on; fade the rest."
    )] = None,
) -> None:
    """Draw a map as a diagram with Graphviz, its findings marked on the claims."""
    from argmap.cli.render import RenderArgs, run_render

    status_code = run_render(RenderArgs(
        map_path, output, output_format=output_format.value if output_format else None,
        rankdir=rankdir.value, legend=legend, findings=findings, sources=sources, focus=focus,
        depth=depth, cluster=cluster.value if cluster else None,
        engine=engine.value if engine else None, timeout=timeout, wrap=wrap, status=status,
        presume=presume, findings_list=findings_list, highlight=highlight))
    if status_code != EXIT_OK:
        raise typer.Exit(status_code)


@app.command()
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
    from argmap.drawing import build_report
    from argmap.output import write_output

    with user_errors():
        if config is not None and no_config:
            raise ArgmapError("--config and --no-config exclude each other")
        settings = ConfigResolver(config, use_files=not no_config).settings_for(map_path)
        page = build_report(map_path, settings=settings, timeout=timeout,
                            warn=lambda message: typer.echo(message, err=True))
        write_output(output, page, inputs=(map_path,))


@app.command()
def show(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to show.")],
    depth: Annotated[int | None, typer.Option(
        help="Levels of support and attack to show below each conclusion.")] = None,
) -> None:
    """Print the argument as an outline: each conclusion, its support and the attacks on it."""
    from argmap.outline import show_map

    with user_errors():
        show_map(map_path, _console(), depth)


class Semantics(StrEnum):
    """Acceptance semantics of `evaluate`."""

    GROUNDED = "grounded"
    PREFERRED = "preferred"
    STABLE = "stable"


@app.command()
def evaluate(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to evaluate.")],
    semantics: Annotated[Semantics, typer.Option(help="Acceptance semantics.")
                         ] = Semantics.GROUNDED,
    presume: Annotated[bool, typer.Option(
        help="Let claims that nothing supports stand unless attacked.")] = False,
    why: Annotated[str | None, typer.Option(
        metavar="ID", help="Explain this claim's or argument's label.")] = None,
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.TEXT,
    # argmap.evaluate's defaults, written out: the library is imported only when run
    timeout: Annotated[float, typer.Option(
        help="Seconds the preferred or stable search may take.")] = 10.0,
    max_extensions: Annotated[int, typer.Option(
        metavar="N", help="List at most N preferred or stable extensions.")] = 100,
) -> None:
    """Label every claim and argument in, out or undecided (docs/semantics.md)."""
    from argmap.cli import evaluate_output as out
    from argmap.evaluate import evaluate as evaluate_map
    from argmap.load.loader import load_map

    with user_errors():
        amap = load_map(map_path)
        result = evaluate_map(amap, semantics.value, presume, timeout=timeout,
                              max_extensions=max_extensions)
        steps = result.why(why) if why is not None else None
    if output_format is DataFormat.JSON:
        sys.stdout.write(out.evaluation_json(result, steps))
    elif sys.stdout.isatty():
        if steps is None:
            out.print_evaluation(amap, result, _console())
        else:
            out.print_why(steps, _console())
    else:
        sys.stdout.write(out.evaluation_text(amap, result) if steps is None
                         else out.why_text(steps))


@app.command("diff")
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


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="The map file to create.")] = "argmap.yaml",
    title: Annotated[str | None, typer.Option(help="The map's title.")] = None,
) -> None:
    """Start a new map with the editor schema line, and write argmap.schema.json beside it."""
    from argmap.new_map import create_map

    with user_errors():
        for written in create_map(path, title):
            typer.echo(f"wrote {written}")


def main() -> None:
    """Run the Typer app; an unexpected error is one line and status 2 (see launcher.guarded)."""
    from argmap.cli.main import guarded

    sys.exit(guarded(app))
