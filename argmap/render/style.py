"""The visual language of a rendered map: shapes, colours, line styles and status markers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from argmap.findings import Severity
from argmap.model import ClaimKind
from argmap.render.dot import written

# Okabe & Ito's colour-blind-safe palette; fills are light tints so black text stays legible.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6E6E6E"

FONT = "Helvetica"
HEADER_SIZE = "9"


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node looks: a shape, a border colour, a fill and extra DOT styles."""

    name: str
    shape: str
    color: str
    fill: str
    style: str = "filled"
    peripheries: str = "1"
    margin: str | None = None

    def attrs(self) -> Mapping[str, str]:
        """The DOT attributes for this style (written once: every node of the kind repeats them)."""
        return self._attrs

    @cached_property
    def _attrs(self) -> Mapping[str, str]:
        attrs = {
            "shape": self.shape,
            "color": self.color,
            "fillcolor": self.fill,
            "style": self.style,
            "peripheries": self.peripheries,
        }
        if self.margin is not None:
            attrs["margin"] = self.margin
        return MappingProxyType({name: written(value) for name, value in attrs.items()})


KIND_STYLES: dict[ClaimKind, NodeStyle] = {
    ClaimKind.THESIS: NodeStyle("double box", "box", BLUE, "#CFE5F3", peripheries="2"),
    ClaimKind.PREMISE: NodeStyle("rounded box", "box", "#3D3D3D", "#FFFFFF", "rounded,filled"),
    ClaimKind.EVIDENCE: NodeStyle("cylinder", "cylinder", GREEN, "#CCEDE3"),
    ClaimKind.ASSUMPTION: NodeStyle("dashed rounded box", "box", "#8A7F00", "#FAF6C8",
                                    "rounded,dashed,filled"),
    ClaimKind.OBJECTION: NodeStyle("box with cut corners", "box", VERMILLION, "#F9DCC8",
                                   "diagonals,filled"),
    ClaimKind.RECOMMENDATION: NodeStyle("arrow box", "cds", PURPLE, "#F5DFEB",
                                        margin="0.2,0.1"),
    ClaimKind.GOAL: NodeStyle("hexagon", "hexagon", SKY_BLUE, "#DDF0FB", margin="0,0"),
}
SOURCE_STYLE = NodeStyle("note", "note", GREY, "#F4F4F4")
INFERENCE_STYLE = NodeStyle("dot", "circle", "#3D3D3D", "#3D3D3D")


def implicit_attrs(base: NodeStyle) -> dict[str, str]:
    """Overrides that mark what the mapper reconstructed: a claim's border dotted, an
    argument's inference dot hollow."""
    if base is INFERENCE_STYLE:
        return {"fillcolor": "#FFFFFF", "penwidth": "1.5"}
    kept = [part for part in base.style.split(",") if part not in ("dashed", "solid")]
    return {"style": ",".join([*kept, "dotted"]), "penwidth": "2"}


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn; line style and arrowhead carry the meaning without colour."""

    name: str
    color: str
    style: str
    arrowhead: str
    penwidth: str = "1.4"

    def attrs(self) -> Mapping[str, str]:
        """The DOT attributes for this relation (written once: every edge repeats them)."""
        return self._attrs

    @cached_property
    def _attrs(self) -> Mapping[str, str]:
        attrs = {
            "color": self.color,
            "style": self.style,
            "arrowhead": self.arrowhead,
            "penwidth": self.penwidth,
        }
        return MappingProxyType({name: written(value) for name, value in attrs.items()})


SUPPORT = EdgeStyle("supports", "#3D3D3D", "solid", "normal")
LINKED_PREMISE = EdgeStyle("premise of", "#3D3D3D", "solid", "none")
WARRANT = EdgeStyle("warrant of", BLUE, "solid", "empty")
REBUT = EdgeStyle("rebuts", VERMILLION, "dashed", "tee", "1.8")
UNDERCUT = EdgeStyle("undercuts", PURPLE, "dotted", "diamond", "2.2")
CITES = EdgeStyle("cited by", GREY, "solid", "none", "0.8")



@dataclass(frozen=True)
class SeverityStyle:
    """How a finding's severity shows: border colour and weight, badge glyph and colours.

    Weight and glyph tell the severities apart in greyscale; colour only repeats them.
    """

    glyph: str
    border: str
    penwidth: str
    badge_fill: str
    badge_text: str


SEVERITY_STYLES: dict[Severity, SeverityStyle] = {
    Severity.ERROR: SeverityStyle("\u203c", VERMILLION, "4.5", VERMILLION, "#FFFFFF"),
    Severity.WARNING: SeverityStyle("\u26a0", ORANGE, "3", ORANGE, BLACK),
    Severity.INFO: SeverityStyle("\u2139", SKY_BLUE, "2", "#D5ECFA", BLACK),
}


def severity_class(severity: Severity) -> str:
    """The SVG class of an item whose worst finding has ``severity``: ``severity-error``..."""
    return f"severity-{severity.value}"


# --highlight: the conclusion's strands keep their colours, the rest fades to greys, and
# each load-bearing claim gets a heavy black border and a marker in its header.
FADED_BORDER = "#C8C8C8"
FADED_FILL = "#F7F7F7"
FADED_TEXT = "#A0A0A0"
FADED_BADGE = "#E4E4E4"
FADED_EDGE = "#D6D6D6"
LOAD_BEARING_PENWIDTH = "5"


def emphasis_node_attrs(faded: bool, bearing: bool, fill: str = FADED_FILL) -> dict[str, str]:
    """Overrides for a node under --highlight: load-bearing heavy and black, faded grey
    (``fill`` for its fill), a strand as it is."""
    if bearing:
        return {"color": BLACK, "penwidth": LOAD_BEARING_PENWIDTH}
    if faded:
        return {"color": FADED_BORDER, "fillcolor": fill, "fontcolor": FADED_TEXT,
                "penwidth": "1"}
    return {}


def emphasis_edge_attrs(faded: bool, bearing: bool) -> dict[str, str]:
    """Overrides for an edge under --highlight: from a load-bearing node heavy and black,
    faded grey, a strand's a little heavier than usual."""
    if faded:
        return {"color": FADED_EDGE, "fontcolor": FADED_TEXT, "class": "faded"}
    if bearing:
        return {"color": BLACK, "penwidth": "3.5", "class": "strand load-bearing"}
    return {"penwidth": "2.6", "class": "strand"}


@dataclass(frozen=True)
class StatusStyle:
    """How an acceptance label (from ``argmap evaluate``) shows: a marker and a fill pattern."""

    marker: str
    meaning: str
    pattern: str


STATUS_STYLES: dict[str, StatusStyle] = {
    "in": StatusStyle("\u2713", "in: the claim stands", "solid fill"),
    "out": StatusStyle("\u2717", "out: the claim is defeated", "faded: no fill, grey"),
    "undecided": StatusStyle("?", "undecided", "half fill"),
}


def status_attrs(base: NodeStyle, status: str) -> dict[str, str]:
    """Overrides that turn a kind's style into the fill pattern of an acceptance status."""
    if status == "out":
        return {"fillcolor": "#FFFFFF", "fontcolor": GREY, "color": "#A0A0A0"}
    if status == "undecided":
        # A weighted two-colour list is a "degenerate gradient": a sharp half-and-half fill.
        return {"fillcolor": f"{base.fill};0.5:#FFFFFF", "gradientangle": "90"}
    return {}
