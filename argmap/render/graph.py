"""Draw an argument map as DOT (a `graphviz.Source`): a pure function, testable via `.source`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import graphviz

from argmap.errors import UsageError
from argmap.findings import Finding
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.model import ArgumentMap, ClaimKind
from argmap.render.badges import LIST_LIMIT, findings_rows, number_findings
from argmap.render.clusters import add_clusters
from argmap.render.dot import DotGraph
from argmap.render.elements import (
    Drawing,
    add_arguments,
    add_attacks,
    add_claim,
    add_sources,
    inference_arguments,
)
from argmap.render.extent import Extent
from argmap.render.focus import Selection, select_all, select_neighbourhood
from argmap.render.highlight import Emphasis
from argmap.render.labels import title_label
from argmap.render.legend import add_legend
from argmap.render.names import argument_node, claim_node, source_node
from argmap.render.style import FONT

__all__ = ["RenderOptions", "argument_node", "build_graph", "claim_node", "source_node"]

RANKDIRS = ("TB", "LR", "BT", "RL")
CLUSTERS = ("tag", "file")
ENGINES = ("dot", "sfdp", "neato", "fdp")
_ESTIMATE_UP_TO = 3000
_VERDICT = {"in": "stands", "out": "does not stand", "undecided": "is undecided"}


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a map; by default reasons run left to right into their conclusions."""

    rankdir: str = "LR"
    legend: bool = True
    show_findings: bool = True
    show_sources: bool = True
    focus: str | None = None
    depth: int = 2
    cluster: str | None = None
    wrap: int = 34
    engine: str = "dot"
    findings_list: bool = True

    def __post_init__(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise UsageError(
                f"--rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}")
        if self.cluster is not None and self.cluster not in CLUSTERS:
            raise UsageError(f"--cluster must be 'tag' or 'file', not {self.cluster!r}")
        if self.engine not in ENGINES:
            raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more, not {self.depth}")
        if self.wrap < 10:
            raise UsageError(f"the wrap width must be at least 10 characters, not {self.wrap}")


def build_graph(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    *,
    labels: Mapping[str, str] | None = None,
    options: RenderOptions | None = None,
    emphasis: Emphasis | None = None,
) -> graphviz.Source:
    """The diagram of ``amap`` as DOT source, with ``findings`` and acceptance ``labels`` shown.

    The findings are numbered in the order given; ``emphasis`` (from
    :func:`argmap.render.highlight.emphasis_for`) draws one conclusion's strands and fades
    the rest.
    """
    # A DOT line per node and edge, none of them in a cycle: the collector's passes over a
    # big map's objects cost more than the drawing (100,000 claims: 14.7 s -> see the commit).
    with cyclic_gc_paused():
        return _build_graph(amap, findings, labels, options or RenderOptions(), emphasis)


def _build_graph(amap: ArgumentMap, findings: Iterable[Finding],
                 labels: Mapping[str, str] | None, options: RenderOptions,
                 emphasis: Emphasis | None) -> graphviz.Source:
    selection = (
        select_neighbourhood(amap, options.focus, options.depth)
        if options.focus is not None
        else select_all(amap)
    )
    graph = DotGraph(
        "argmap",
        graph_attr={
            "rankdir": options.rankdir, "fontname": FONT, "bgcolor": "white",
            "nodesep": "0.3", "ranksep": "0.45", "labelloc": "t", "fontsize": "16",
            "outputorder": "edgesfirst",
            # dot ignores these; sfdp and neato (chosen, or the fallback) would overlap boxes
            "overlap": "prism", "sep": "+4",
        },
        node_attr={"fontname": FONT, "fontsize": "12", "margin": "0.12,0.06"},
        edge_attr={"fontname": FONT, "fontsize": "10"},
    )
    drawing = Drawing(
        amap, graph, selection,
        number_findings(findings) if options.show_findings else {},
        # str(): evaluate's labels are a StrEnum, whose members hash by name, not by value
        {node: str(label) for node, label in (labels or {}).items()},
        options.wrap, options.show_sources, emphasis,
        # Past a few thousand claims Graphviz falls back to sfdp, and the map dwarfs any legend.
        extent=(Extent() if options.legend and options.engine == "dot"
                and len(selection.claims) <= _ESTIMATE_UP_TO else None),
    )
    drawing.inference = inference_arguments(amap, selection, drawing.marks)
    _add_caption(drawing, options)
    for claim in amap.claims.values():
        if claim.id in selection.claims:
            add_claim(drawing, claim)
    add_arguments(drawing)
    add_attacks(drawing)
    if options.show_sources:
        add_sources(drawing)
    if options.cluster is not None:
        add_clusters(graph, amap, selection, drawing.inference, options.cluster, claim_node,
                     argument_node)
    if options.legend:
        if not _listed(drawing, options):
            drawing.legend.unplaced_findings = sum(
                len(marks.numbered) for subject, marks in drawing.marks.items()
                if not drawing.drawn(subject)) if options.focus is None else 0
        rows = (drawing.extent.legend_rows(across=options.rankdir in ("TB", "BT"))
                if drawing.extent is not None else 0)
        add_legend(graph, drawing.legend, options.rankdir, _legend_anchor(amap, selection), rows)
    return graphviz.Source(graph.source, engine=options.engine)


def _listed(drawing: Drawing, options: RenderOptions) -> bool:
    return options.findings_list and bool(drawing.marks)


def _add_caption(drawing: Drawing, options: RenderOptions) -> None:
    """The title, what the drawing shows, and the numbered list of its findings."""
    emphasis = drawing.emphasis
    highlight = None
    if emphasis is not None:
        conclusion = emphasis.conclusion
        highlight = f"strands of {conclusion.id}, which {_VERDICT[conclusion.status]}: "
        highlight += conclusion.reason
        if len(highlight) > 140:
            highlight = highlight[:139].rstrip() + "\u2026"
    rows = ""
    if _listed(drawing, options):
        numbered = sorted(
            ((number, finding, drawing.drawn(subject), drawing.faded_subject(subject))
             for subject, marks in drawing.marks.items() for number, finding in marks.numbered),
            key=lambda row: row[0])
        if options.focus is not None:  # a focused view lists what it draws
            numbered = [row for row in numbered if row[2]]
        rows = findings_rows(numbered)
        if len(numbered) > LIST_LIMIT:
            unlisted = frozenset(row[0] for row in numbered[LIST_LIMIT:])
            drawing.marks = {subject: replace(marks, unlisted=unlisted)
                             for subject, marks in drawing.marks.items()}
    label = title_label(drawing.amap.title, options.focus, options.depth, highlight, rows)
    if label is not None:
        drawing.graph.attr(label=label)


def _legend_anchor(amap: ArgumentMap, selection: Selection) -> str | None:
    """A drawn claim that supports nothing, preferably a thesis: the legend goes after it."""
    # Plain adjacency, not amap.graph: importing networkx alone would cost a third of a second.
    has_successor = {node for preds in amap.predecessors.values() for node in preds}
    sinks = [c for c in amap.claims.values()
             if c.id in selection.claims and c.id not in has_successor]
    sinks.sort(key=lambda c: c.kind is not ClaimKind.THESIS)
    return claim_node(sinks[0].id) if sinks else None
