"""Draw a map file: load and check it, then write its diagram or return its HTML review page."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.config import ConfigResolver
from argmap.engine import RuleSettings, check_map
from argmap.evaluate import check_timeout, evaluate, verdict
from argmap.findings import Finding
from argmap.load.loader import load_map
from argmap.output import refuse_inputs, write_output
from argmap.render.graph import RenderOptions, build_graph
from argmap.render.graphviz import output_format, render_graph
from argmap.render.highlight import Emphasis, emphasis_for


def render_map_file(
    map_path: str, output: str, *, fmt: str | None, options: RenderOptions,
    timeout: float, fallback: bool, warn: Callable[[str], None],
    status: str | None = None, presume: bool = False, highlight: str | None = None,
) -> None:
    """Load, check and draw the map at ``map_path``, and write the diagram to ``output``.

    With ``status`` (a semantics: grounded, preferred, stable) each claim shows its label;
    with ``highlight`` (a thesis or recommendation) its strands stand out, under ``status``'s
    semantics or grounded.
    """
    check_timeout(timeout)
    fmt = output_format(output, fmt)
    amap = load_map(map_path)
    inputs = (map_path, *(doc.path for doc in amap.documents))
    refuse_inputs(output, inputs)  # before any work, not after a long layout
    findings: tuple[Finding, ...] = ()
    if options.show_findings:  # the same findings `argmap check MAP` reports, config and all
        findings = check_map(amap, ConfigResolver().settings_for(map_path)).findings
    labels: Mapping[str, str] = {}
    emphasis: Emphasis | None = None
    if status is not None or highlight is not None:
        evaluation = evaluate(amap, status or "grounded", presume, timeout=timeout,
                              max_extensions=0)
        if status is not None:
            labels = evaluation.labels
        if highlight is not None:
            emphasis = emphasis_for(amap, verdict(amap, evaluation), evaluation.labels,
                                    highlight)
    graph = build_graph(amap, findings, labels=labels, options=options, emphasis=emphasis)
    data = render_graph(graph, fmt, engine=options.engine, timeout=timeout, fallback=fallback,
                        claims=len(amap.claims), warn=warn)
    write_output(output, data, inputs=inputs)


def write_report(map_path: str, output: str, *, settings: RuleSettings | None = None,
                 timeout: float = 60.0, warn: Callable[[str], None] = lambda message: None,
                 ) -> None:
    """Load and check the map, label its claims (grounded), and write its review page.

    When Graphviz is missing or fails, the page still comes, with a note in place of the
    diagram (and ``warn`` is told).
    """
    # The page's modules (html, xml.etree) would add about 30 ms to every `argmap render`.
    from argmap.report.html import review_page

    check_timeout(timeout)
    amap = load_map(map_path)
    files = [doc.path for doc in amap.documents] or [map_path]
    refuse_inputs(output, [map_path, *files])
    findings = check_map(amap, settings).findings
    page = review_page(amap, findings, evaluate(amap).labels, files=files, timeout=timeout,
                       warn=warn)
    write_output(output, page, inputs=[map_path, *files])
