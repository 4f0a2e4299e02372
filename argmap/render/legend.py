"""The legend: sample nodes and edges for every kind, relation and marker the diagram uses, in
a grid no taller than the map beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from argmap.findings import Severity
from argmap.model import ClaimKind
from argmap.render.badges import severity_sample
from argmap.render.dot import DotGraph, Html
from argmap.render.style import (
    BLACK,
    CITES,
    FADED_BORDER,
    FADED_FILL,
    FADED_TEXT,
    INFERENCE_STYLE,
    KIND_STYLES,
    LINKED_PREMISE,
    LOAD_BEARING_PENWIDTH,
    REBUT,
    SEVERITY_STYLES,
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
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Never fewer rows than this: a map one box high would otherwise get a legend one row high.
_MIN_ROWS = 3


@dataclass
class LegendContent:
    """What the diagram used, collected while it is drawn, so the legend shows only that."""

    kinds: set[ClaimKind] = field(default_factory=set)
    relations: set[EdgeStyle] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    severities: set[Severity] = field(default_factory=set)
    inference: bool = False
    implicit_claims: bool = False
    implicit_arguments: bool = False
    sources: bool = False
    load_bearing: bool = False
    faded: bool = False
    unplaced_findings: int = 0


Cell = tuple[str, ...]  # the nodes of one sample: one node, or the points of an edge


def add_legend(graph: DotGraph, content: LegendContent, rankdir: str,
               anchor: str | None = None, rows: int = 0) -> None:
    """Add a ``Legend`` cluster to ``graph``: columns of sample nodes, then of sample edges,
    each column at most ``rows`` high (0: no limit) when the map is no taller than that.

    In left-right layouts an invisible edge from ``anchor`` (a conclusion) puts the legend
    after the conclusions, where there is room, level with it.
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
        height = max(len(nodes), len(edges))
        if rows:
            height = min(height, max(rows, _MIN_ROWS))
        columns = _columns(nodes, height) + _columns(edges, height)
        if columns:
            _grid(legend, columns, rankdir)
    if anchor is not None and rankdir in ("LR", "RL") and columns:
        # Tied at its middle row, the legend centres on the conclusion instead of hanging
        # below it.
        graph.edge(anchor, columns[0][len(columns[0]) // 2][0], style="invis")


def _columns(cells: Sequence[Cell], height: int) -> list[list[Cell]]:
    return [list(cells[start:start + height]) for start in range(0, len(cells), height)]


def _grid(legend: DotGraph, columns: list[list[Cell]], rankdir: str) -> None:
    """Lay the columns out side by side, each read from the top down.

    In TB and BT layouts a rank is a row, so each row is pinned to one rank and its cells are
    chained left to right; in LR and RL a rank is a column, so each column of samples shares
    one rank and a row's cells are chained into the next ranks.
    """
    across = rankdir in ("TB", "BT")
    for row in range(len(columns[0])):
        cells = [column[row] for column in columns if row < len(column)]
        if across:
            with legend.subgraph(name=f"legend_row_{row}") as line:
                line.attr(rank="same")
                for name in (n for cell in cells for n in cell):
                    line.node(name)
        for left, right in zip(cells, cells[1:], strict=False):
            legend.edge(left[-1], right[0], style="invis", weight="10")
    for number, column in enumerate(columns):
        if not across:
            with legend.subgraph(name=f"legend_column_{number}") as same:
                same.attr(rank="same")
                for cell in column:
                    same.node(cell[0])
        _chain(legend, [cell[0] for cell in column], rankdir)


def _chain(legend: DotGraph, order: list[str], rankdir: str) -> None:
    """Invisible edges that keep ``order`` reading from the top down.

    Except in TB layouts, an edge (across ranks in BT, within one in LR and RL) puts its head
    above its tail, so the chain runs backwards. Within a rank (LR, RL) the edges ask for no
    rank between their ends, or dot would space the samples as if they were ranks apart.
    """
    flat = {"minlen": "0"} if rankdir in ("LR", "RL") else {}
    for upper, lower in zip(order, order[1:], strict=False):
        tail, head = (upper, lower) if rankdir == "TB" else (lower, upper)
        legend.edge(tail, head, style="invis", **flat)


def _node_samples(legend: DotGraph, content: LegendContent) -> list[Cell]:
    samples: list[Cell] = []

    def sample(name: str, **attrs: str) -> None:
        legend.node(name, **attrs)
        samples.append((name,))

    for kind, look in KIND_STYLES.items():
        if kind in content.kinds:
            sample(f"legend kind {kind.value}", label=f"{kind.value} ({look.name})",
                   **look.attrs())
    if content.implicit_claims:
        premise = KIND_STYLES[ClaimKind.PREMISE]
        sample("legend implicit", label="implicit (dotted border)\\nreconstructed, not in the text",
               **{**premise.attrs(), **implicit_attrs(premise)})
    if content.sources:
        sample("legend source", label="source (note)", **SOURCE_STYLE.attrs())
    for severity in _SEVERITY_ORDER:
        if severity in content.severities:
            style = SEVERITY_STYLES[severity]
            sample(f"legend severity {severity.value}", label=severity_sample(severity),
                   shape="box", style="rounded", color=style.border, penwidth=style.penwidth)
    for status, meaning in STATUS_STYLES.items():
        if status in content.statuses:
            grey = replace(KIND_STYLES[ClaimKind.PREMISE], fill="#D0D0D0")
            sample(f"legend status {status}",
                   label=f"{meaning.marker} {status} ({meaning.pattern})",
                   **{**grey.attrs(), **status_attrs(grey, status)})
    if content.load_bearing:
        sample("legend load-bearing", label=_load_bearing_sample(), shape="box",
               style="rounded", color=BLACK, penwidth=LOAD_BEARING_PENWIDTH)
    if content.faded:
        sample("legend faded", label="not in the highlighted strands", shape="box",
               style="rounded,filled", color=FADED_BORDER, fillcolor=FADED_FILL,
               fontcolor=FADED_TEXT)
    if content.unplaced_findings:
        count = content.unplaced_findings
        sample("legend unplaced", shape="plaintext",
               label=f"+{count} finding{'s' if count != 1 else ''} on items not drawn\\n"
               "(argmap check lists them)")
    return samples


def _load_bearing_sample() -> Html:
    return Html('<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
                f'<TR><TD BGCOLOR="{BLACK}"><FONT COLOR="#FFFFFF"><B>load-bearing</B></FONT>'
                "</TD></TR><TR><TD>the conclusion falls without it</TD></TR></TABLE>>")


def _edge_samples(legend: DotGraph, content: LegendContent) -> list[Cell]:
    point = {"label": "", "shape": "point", "width": "0.05", "color": "#9A9A9A"}
    samples: list[Cell] = []
    for relation in _RELATION_ORDER:
        if relation not in content.relations:
            continue
        tail, head = f"legend {relation.name} from", f"legend {relation.name} to"
        legend.node(tail, **point)
        legend.node(head, **point)
        legend.edge(tail, head, label=relation.name, **relation.attrs())
        samples.append((tail, head))
    for used, name, dot in ((content.inference, "", INFERENCE_STYLE.attrs()),
                            (content.implicit_arguments, "implicit ",
                             {**INFERENCE_STYLE.attrs(), **implicit_attrs(INFERENCE_STYLE)})):
        if not used:
            continue
        names = (f"legend {name}premise", f"legend {name}inference", f"legend {name}conclusion")
        legend.node(names[0], **point)
        legend.node(names[1], **dot, label="", width="0.16", height="0.16", fixedsize="true")
        legend.node(names[2], **point)
        legend.edge(names[0], names[1], label=name.strip() or "linked", **LINKED_PREMISE.attrs())
        legend.edge(names[1], names[2], label="argument", **SUPPORT.attrs())
        samples.append(names)
    return samples
