"""`argmap render`: draw a map with Graphviz."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from argmap.cli.errors import user_errors


class RenderFormat(StrEnum):
    """Output formats of `render`."""

    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"


class RankDir(StrEnum):
    """Which way a rendered map runs: BT puts conclusions on top."""

    TB = "TB"
    LR = "LR"
    BT = "BT"
    RL = "RL"


class ClusterBy(StrEnum):
    """What `render --cluster` groups claims by."""

    TAG = "tag"
    FILE = "file"


class LayoutEngine(StrEnum):
    """Graphviz layout engines `render` offers."""

    DOT = "dot"
    SFDP = "sfdp"
    NEATO = "neato"


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
    from argmap.drawing import render_map_file
    from argmap.render.graph import RenderOptions

    with user_errors():
        options = RenderOptions(
            rankdir=rankdir.value, legend=legend, show_findings=findings, show_sources=sources,
            focus=focus, depth=depth, cluster=cluster.value if cluster else None, wrap=wrap,
            engine=engine.value if engine else "dot", findings_list=findings_list,
        )
        render_map_file(map_path, output, fmt=output_format.value if output_format else None,
                        options=options, timeout=timeout, fallback=engine is None, warn=_warn,
                        status=status, presume=presume, highlight=highlight)


def _warn(message: str) -> None:
    sys.stderr.write(message + "\n")
