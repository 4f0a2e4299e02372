"""Run Graphviz on a drawn map with a time limit, falling back from dot to sfdp when asked."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import graphviz

from argmap.errors import RenderError, UsageError

FORMATS = ("svg", "png", "pdf", "dot")
_SUFFIXES = {"svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot", "gv": "dot"}
INSTALL_HINT = (
    "Graphviz's `dot` program was not found: install Graphviz (`apt-get install graphviz`, "
    "`brew install graphviz`, or the Windows installer from https://graphviz.org/download/), "
    "or write DOT source with --format dot"
)


class LayoutTimeout(RenderError):
    """Graphviz did not finish laying out the map within the time limit."""


def output_format(output: str, requested: str | None) -> str:
    """The format to write: ``requested``, else the one ``output``'s suffix names."""
    if requested is not None:
        if requested not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {requested!r}")
        return requested
    if output == "-":
        return "svg"
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in _SUFFIXES:
        raise UsageError(f"cannot tell the format from {output!r}: give the file a .svg, .png, "
                         ".pdf or .dot suffix, or use --format")
    return _SUFFIXES[suffix]


def run_graphviz(source: str, fmt: str, engine: str, timeout: float) -> bytes:
    """Lay out DOT ``source`` with ``engine`` and return it rendered as ``fmt``.

    The graphviz package's own ``pipe`` has no time limit, so `dot` runs here directly.
    """
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError(INSTALL_HINT)
    try:
        done = subprocess.run(
            [executable, f"-K{engine}", f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has already killed dot
        raise LayoutTimeout(f"Graphviz ({engine}) did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"cannot run Graphviz's dot: {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[0] if message else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz ({engine}) failed: {detail}")
    return done.stdout


# Above this many claims an unspecified engine means sfdp from the start.
DOT_CLAIM_LIMIT = 3000


def render_graph(
    graph: graphviz.Source, fmt: str, *, engine: str, timeout: float, fallback: bool,
    claims: int, warn: Callable[[str], None],
) -> bytes:
    """The rendered bytes of ``graph``; with ``fallback``, a dot time-out retries with sfdp."""
    source: str = graph.source
    if fmt == "dot":
        return source.encode("utf-8")
    if fallback and engine == "dot" and claims > DOT_CLAIM_LIMIT:
        # dot's layout grows much faster than linearly: 1,000 claims take seconds, 10,000 take
        # minutes. Waiting out the time limit before falling back would only waste it.
        warn(f"argmap: {claims} claims is more than dot lays out in reasonable time; laying "
             "them out with sfdp (--engine dot insists on dot; --focus ID --depth N draws a "
             "readable part)")
        engine = "sfdp"
    try:
        return run_graphviz(source, fmt, engine, timeout)
    except LayoutTimeout:
        if not (fallback and engine == "dot"):
            raise RenderError(_too_slow(engine, timeout, claims)) from None
    warn(f"argmap: dot did not lay out {claims} claims within {timeout:g} s; "
         "laying them out with sfdp instead (--focus ID --depth N draws a readable part)")
    try:
        return run_graphviz(source, fmt, "sfdp", timeout)
    except LayoutTimeout:
        raise RenderError(
            f"neither dot nor sfdp laid out {claims} claims within {timeout:g} s each: draw part "
            "of the map with --focus ID --depth N, or allow more time with --timeout") from None


def _too_slow(engine: str, timeout: float, claims: int) -> str:
    faster = "" if engine == "sfdp" else ", try --engine sfdp"
    return (f"Graphviz ({engine}) did not lay out {claims} claims within {timeout:g} s: "
            f"draw part of the map with --focus ID --depth N{faster}, "
            "or allow more time with --timeout")
