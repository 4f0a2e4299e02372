"""`argmap render` as a plain function, and its option table for the quick start-up path."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from argmap.cli.quick import OptionSpec, parse_command_line
from argmap.errors import EXIT_ERROR, EXIT_OK, ArgmapError


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


RENDER_FORMATS = tuple(fmt.value for fmt in RenderFormat)
RANK_DIRECTIONS = tuple(direction.value for direction in RankDir)
CLUSTER_KEYS = tuple(key.value for key in ClusterBy)
LAYOUT_ENGINES = tuple(engine.value for engine in LayoutEngine)


@dataclass(frozen=True)
class RenderArgs:
    """What one `argmap render` command line asks for (defaults as in the Typer command)."""

    map_path: str
    output: str
    output_format: str | None = None
    rankdir: str = "LR"
    legend: bool = True
    findings: bool = True
    sources: bool = True
    focus: str | None = None
    depth: int = 2
    cluster: str | None = None
    engine: str | None = None
    timeout: float = 60.0
    wrap: int = 34
    status: str | None = None
    presume: bool = False
    findings_list: bool = True
    highlight: str | None = None


# Every spelling Typer accepts for `render` (argmap/cli/app.py); tests compare the two.
RENDER_OPTIONS: dict[str, OptionSpec] = {
    "--output": OptionSpec("output"),
    "-o": OptionSpec("output"),
    "--format": OptionSpec("output_format", choices=RENDER_FORMATS),
    "-f": OptionSpec("output_format", choices=RENDER_FORMATS),
    "--rankdir": OptionSpec("rankdir", choices=RANK_DIRECTIONS),
    "--legend": OptionSpec("legend", kind="flag"),
    "--no-legend": OptionSpec("legend", kind="flag", flag_value=False),
    "--findings": OptionSpec("findings", kind="flag"),
    "--no-findings": OptionSpec("findings", kind="flag", flag_value=False),
    "--sources": OptionSpec("sources", kind="flag"),
    "--no-sources": OptionSpec("sources", kind="flag", flag_value=False),
    "--focus": OptionSpec("focus"),
    "--depth": OptionSpec("depth", kind="int"),
    "--cluster": OptionSpec("cluster", choices=CLUSTER_KEYS),
    "--engine": OptionSpec("engine", choices=LAYOUT_ENGINES),
    "--timeout": OptionSpec("timeout", kind="float"),
    "--wrap": OptionSpec("wrap", kind="int"),
    "--status": OptionSpec("status"),
    "--presume": OptionSpec("presume", kind="flag"),
    "--findings-list": OptionSpec("findings_list", kind="flag"),
    "--no-findings-list": OptionSpec("findings_list", kind="flag", flag_value=False),
    "--highlight": OptionSpec("highlight"),
}


def parse_render_args(argv: Sequence[str]) -> RenderArgs | None:
    """The arguments after ``render``, or None when Typer should read them."""
    line = parse_command_line(argv, RENDER_OPTIONS, min_positionals=1, max_positionals=1)
    if line is None or "output" not in line.options:
        return None  # without --output Typer reports the missing option
    return RenderArgs(line.positionals[0], **line.options)  # type: ignore[arg-type]


def _warn(message: str) -> None:
    sys.stderr.write(message + "\n")


def run_render(args: RenderArgs) -> int:
    """Draw the map as asked and return the exit status."""
    from argmap.drawing import render_map_file
    from argmap.render.graph import RenderOptions

    try:
        options = RenderOptions(
            rankdir=args.rankdir, legend=args.legend, show_findings=args.findings,
            show_sources=args.sources, focus=args.focus, depth=args.depth,
            cluster=args.cluster, wrap=args.wrap, engine=args.engine or "dot",
            findings_list=args.findings_list,
        )
        render_map_file(args.map_path, args.output, fmt=args.output_format, options=options,
                        timeout=args.timeout, fallback=args.engine is None,
                        warn=_warn,
                        status=args.status, presume=args.presume, highlight=args.highlight)
    except ArgmapError as exc:
        sys.stderr.write(f"argmap: error: {exc}\n")
        return EXIT_ERROR
    return EXIT_OK
