"""The legend: sample nodes and edges for every kind, relation and marker the diagram uses."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import zip_longest

from argmap.model import ClaimKind
from argmap.render.dot import DotGraph, Html
from argmap.render.style import (
    CITES,
    FINDING_COLOR,
    FINDING_PENWIDTH,
    INFERENCE_STYLE,
    KIND_STYLES,
    LINKED_PREMISE,
    REBUT,
    SOURCE_STYLE,
    STATUS_STYLES,
    SUPPORT,
    UNDERCUT,
    WARRANT,
    EdgeStyle,
    implicit_attrs,
    status_attrs,
)

_RELATION_ORDER = (SUPPORT, WARRANT, REBUT, UNDERCUT, CITES)


@dataclass
class LegendContent:
    """What the diagram used, collected while it is drawn, so the legend shows only that."""

    kinds: set[ClaimKind] = field(default_factory=set)
    relations: set[EdgeStyle] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    findings: bool = False
    inference: bool = False
    implicit_claims: bool = False
    implicit_arguments: bool = False
    sources: bool = False
    unplaced_findings: int = 0


def add_legend(graph: DotGraph, content: LegendContent, rankdir: str,
               anchor: str | None = None) -> None:
    """Add a ``Legend`` cluster to ``graph``: sample nodes beside (or above) sample edges.

    In left-right layouts an invisible edge from ``anchor`` (a conclusion) puts the legend
    after the conclusions, where there is room.
    """
    with graph.subgraph(name="cluster_legend") as legend:
        # Graphviz flips a cluster's label with the layout: in BT "b" lands on top, in RL "r"
        # lands on the left.
        legend.attr(label=Html("<<B>Legend</B>>"), style="rounded", color="#9A9A9A", fontsize="11",
                    labeljust="r" if rankdir == "RL" else "l",
                    labelloc="b" if rankdir == "BT" else "t", id="legend")
        legend.attr("node", fontsize="10", margin="0.08,0.04")
        nodes = _node_samples(legend, content)
        edges = _edge_samples(legend, content)
        _grid(legend, nodes, edges, rankdir)
    if anchor is not None and rankdir in ("LR", "RL") and (nodes or edges):
        graph.edge(anchor, nodes[0] if nodes else edges[0][0], style="invis")


def _grid(legend: DotGraph, nodes: list[str], edges: list[tuple[str, ...]],
          rankdir: str) -> None:
    """Rows of a sample node followed by a sample edge, the rows stacked top to bottom.

    In TB and BT layouts a rank is a row, so each row is pinned to one rank; in LR and RL a
    rank is a column, so the sample nodes share one rank and the edges reach into the next
    ones (after the conclusions, where those ranks are empty and narrow).
    """
    across = rankdir in ("TB", "BT")
    leaders: list[str] = []
    for number, (node, edge) in enumerate(zip_longest(nodes, edges)):
        if node is None:
            node = f"legend blank {number}"
            legend.node(node, label="", shape="point", style="invis")
        leaders.append(node)
        if edge is None:
            continue
        if across:
            with legend.subgraph(name=f"legend_row_{number}") as row:
                row.attr(rank="same")
                for name in (node, *edge):
                    row.node(name)
        legend.edge(node, edge[0], style="invis", weight="10")
    if not across:
        with legend.subgraph(name="legend_column") as column:
            column.attr(rank="same")
            for name in leaders:
                column.node(name)
    _chain(legend, leaders, upward=rankdir != "TB")


def _chain(legend: DotGraph, order: list[str], upward: bool) -> None:
    """Invisible edges that keep ``order`` reading from the top down.

    Except in TB layouts, an edge (across ranks in BT, within one in LR and RL) puts its head
    above its tail, so the chain runs backwards.
    """
    for upper, lower in zip(order, order[1:], strict=False):
        tail, head = (lower, upper) if upward else (upper, lower)
        legend.edge(tail, head, style="invis")


def _node_samples(legend: DotGraph, content: LegendContent) -> list[str]:
    samples: list[str] = []
    for kind, style in KIND_STYLES.items():
        if kind in content.kinds:
            name = f"legend kind {kind.value}"
            legend.node(name, label=f"{kind.value} ({style.name})", **style.attrs())
            samples.append(name)
    if content.implicit_claims:
        sample = KIND_STYLES[ClaimKind.PREMISE]
        legend.node("legend implicit",
                    label="implicit (dotted border)\\nreconstructed, not in the text",
                    **{**sample.attrs(), **implicit_attrs(sample)})
        samples.append("legend implicit")
    if content.sources:
        legend.node("legend source", label="source (note)", **SOURCE_STYLE.attrs())
        samples.append("legend source")
    if content.findings:
        legend.node("legend findings", label=_finding_sample(), shape="box",
                    style="rounded", color=FINDING_COLOR, penwidth=FINDING_PENWIDTH)
        samples.append("legend findings")
    for status, meaning in STATUS_STYLES.items():
        if status in content.statuses:
            name = f"legend status {status}"
            sample = replace(KIND_STYLES[ClaimKind.PREMISE], fill="#D0D0D0")
            legend.node(name, label=f"{meaning.marker} {status} ({meaning.pattern})",
                        **{**sample.attrs(), **status_attrs(sample, status)})
            samples.append(name)
    if content.unplaced_findings:
        count = content.unplaced_findings
        legend.node("legend unplaced", shape="plaintext",
                    label=f"+{count} finding{'s' if count != 1 else ''} on items not drawn\\n"
                    "(argmap check lists them)")
        samples.append("legend unplaced")
    return samples


def _finding_sample() -> Html:
    return Html(f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD>has findings </TD>'
            f'<TD BGCOLOR="{FINDING_COLOR}"><B>\u26a0 n</B></TD></TR></TABLE>>')


def _edge_samples(legend: DotGraph, content: LegendContent) -> list[tuple[str, ...]]:
    point = {"label": "", "shape": "point", "width": "0.05", "color": "#9A9A9A"}
    samples: list[tuple[str, ...]] = []
    for relation in _RELATION_ORDER:
        if relation not in content.relations:
            continue
        tail, head = f"legend {relation.name} from", f"legend {relation.name} to"
        legend.node(tail, **point)
        legend.node(head, **point)
        legend.edge(tail, head, label=relation.name, **relation.attrs())
        samples.append((tail, head))
    if content.inference:
        names = ("legend premise", "legend inference", "legend conclusion")
        legend.node(names[0], **point)
        legend.node(names[1], **INFERENCE_STYLE.attrs(), label="", width="0.16",
                    height="0.16", fixedsize="true")
        legend.node(names[2], **point)
        legend.edge(names[0], names[1], label="linked", **LINKED_PREMISE.attrs())
        legend.edge(names[1], names[2], label="argument", **SUPPORT.attrs())
        samples.append(names)
    if content.implicit_arguments:
        names = ("legend implicit premise", "legend implicit inference",
                 "legend implicit conclusion")
        legend.node(names[0], **point)
        legend.node(names[1], **{**INFERENCE_STYLE.attrs(), **implicit_attrs(INFERENCE_STYLE)},
                    label="", width="0.16", height="0.16", fixedsize="true")
        legend.node(names[2], **point)
        legend.edge(names[0], names[1], label="implicit", **LINKED_PREMISE.attrs())
        legend.edge(names[1], names[2], label="argument", **SUPPORT.attrs())
        samples.append(names)
    return samples
