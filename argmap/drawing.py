"""Draw a map file: load and check it, then write its diagram or return its HTML review page."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.config import ConfigResolver
from argmap.engine import RuleSettings, check_map
from argmap.evaluate import check_timeout, evaluate, grounded, grounded_verdict, verdict
from argmap.findings import Finding, FindingOrder, order_findings, reported_conclusions
from argmap.load.loader import load_map
from argmap.model import ArgumentMap
from argmap.output import refuse_inputs, write_output
from argmap.render.graph import RenderOptions, build_graph
from argmap.render.graphviz import output_format, render_graph
from argmap.render.highlight import Emphasis, emphasis_for


def render_map_file(
    map_path: str, output: str, *, fmt: str | None, options: RenderOptions,
    timeout: float, fallback: bool, warn: Callable[[str], None],
    status: str | None = None, presume: bool = False, highlight: str | None = None,
    order: FindingOrder = FindingOrder.IMPACT,
) -> None:
    """Load, check and draw the map at ``map_path``, and write the diagram to ``output``.

    The findings are numbered in ``order``, as `argmap check` lists them. With ``status`` (a
    semantics: grounded, preferred, stable) each claim shows its label; with ``highlight`` (a
    thesis or recommendation) its strands stand out, under ``status``'s semantics or grounded.
    """
    check_timeout(timeout)
    fmt = output_format(output, fmt)
    amap = load_map(map_path)
    inputs = (map_path, *(doc.path for doc in amap.documents))
    refuse_inputs(output, inputs)  # before any work, not after a long layout
    findings: tuple[Finding, ...] = ()
    if options.show_findings:  # the same findings `argmap check MAP` reports, config and all
        found = check_map(amap, ConfigResolver().settings_for(map_path)).findings
        findings = tuple(order_findings(found, order))
    labels: Mapping[str, str] = {}
    emphasis: Emphasis | None = None
    if status is not None or highlight is not None:
        # grounded: the labels and verdict check_map has already computed for this map
        if status in (None, "grounded"):
            evaluation, judged = grounded(amap, presume), grounded_verdict(amap, presume)
        else:
            evaluation = evaluate(amap, status, presume, timeout=timeout, max_extensions=0)
            judged = verdict(amap, evaluation)
        if status is not None:
            labels = evaluation.labels
        if highlight is not None:
            emphasis = emphasis_for(amap, judged, evaluation.labels, highlight)
    graph = build_graph(amap, findings, labels=labels, options=options, emphasis=emphasis)
    data = render_graph(graph, fmt, engine=options.engine, timeout=timeout, fallback=fallback,
                        claims=len(amap.claims), warn=warn)
    write_output(output, data, inputs=inputs)


def build_report(map_path: str, *, settings: RuleSettings | None = None, timeout: float = 60.0,
                 warn: Callable[[str], None] = lambda message: None,
                 order: FindingOrder = FindingOrder.IMPACT) -> str:
    """Load and check the map, label its claims (grounded), and return its review page, which
    opens with the verdict and lists the findings in ``order``.

    When Graphviz is missing or fails, the page still comes, with a note in place of the
    diagram (and ``warn`` is told).
    """
    check_timeout(timeout)
    return _review_page(map_path, load_map(map_path), settings, timeout, warn, order)


def write_report(map_path: str, output: str, *, settings: RuleSettings | None = None,
                 timeout: float = 60.0, warn: Callable[[str], None] = lambda message: None,
                 order: FindingOrder = FindingOrder.IMPACT) -> None:
    """`build_report`, written to ``output``: refused at once when it is one of the maps read."""
    check_timeout(timeout)
    amap = load_map(map_path)
    inputs = [map_path, *(doc.path for doc in amap.documents)]
    refuse_inputs(output, inputs)
    write_output(output, _review_page(map_path, amap, settings, timeout, warn, order),
                 inputs=inputs)


def _review_page(map_path: str, amap: ArgumentMap, settings: RuleSettings | None,
                 timeout: float, warn: Callable[[str], None], order: FindingOrder) -> str:
    # The page's modules (html, xml.etree) would add about 30 ms to every `argmap render`.
    from argmap.report.html import review_page

    result = check_map(amap, settings)
    files = [doc.path for doc in amap.documents] or [map_path]
    return review_page(amap, order_findings(result.findings, order), grounded(amap).labels,
                       files=files, timeout=timeout, warn=warn,
                       conclusions=reported_conclusions(map_path, amap, result.conclusions))
