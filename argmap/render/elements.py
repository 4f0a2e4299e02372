"""The parts of a drawing: claims, arguments, attacks and sources as DOT nodes and edges,
marked with their findings and, under --highlight, emphasised or faded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.model import Argument, ArgumentMap, AttackKind, Claim
from argmap.render.badges import Marks, badge_label
from argmap.render.dot import DotGraph, Html, element_id, safe_link, tooltip_text
from argmap.render.extent import Extent
from argmap.render.focus import Selection
from argmap.render.highlight import Emphasis
from argmap.render.labels import (
    argument_tooltip,
    claim_label,
    claim_tooltip,
    source_label,
    source_tooltip,
)
from argmap.render.legend import LegendContent
from argmap.render.names import argument_node, claim_node, source_node
from argmap.render.style import (
    CITES,
    FADED_BORDER,
    FADED_FILL,
    INFERENCE_STYLE,
    KIND_STYLES,
    LINKED_PREMISE,
    REBUT,
    SEVERITY_STYLES,
    SOURCE_STYLE,
    SUPPORT,
    UNDERCUT,
    WARRANT,
    EdgeStyle,
    emphasis_edge_attrs,
    emphasis_node_attrs,
    implicit_attrs,
    severity_class,
    status_attrs,
)

STATUSES = ("in", "out", "undecided")
# Points per line of a claim's label, and its padding: for the legend's estimate of the height.
_LINE, _PADDING = 14.4, 14.0


@dataclass
class Drawing:
    """What every part of one drawing reads: the map, what is drawn, and how."""

    amap: ArgumentMap
    graph: DotGraph
    selection: Selection
    marks: Mapping[str, Marks]
    labels: Mapping[str, str]
    wrap: int
    show_sources: bool
    emphasis: Emphasis | None
    inference: frozenset[str] = frozenset()
    legend: LegendContent = field(default_factory=LegendContent)
    extent: Extent | None = None

    def faded(self, node_id: str) -> bool:
        """Whether --highlight fades this claim or argument."""
        return self.emphasis is not None and node_id not in self.emphasis.strands

    def bearing(self, node_id: str) -> bool:
        """Whether the highlighted conclusion hangs on this claim or argument."""
        return self.emphasis is not None and node_id in self.emphasis.load_bearing

    def edge(self, tail: str, head: str, style: EdgeStyle, ends: tuple[str, ...],
             bearer: str | None = None, **attrs: str) -> None:
        """An edge drawn as ``style``; under --highlight emphasised when all its ``ends``
        (claim or argument ids) are in the strands, else faded, and heavy when ``bearer`` is
        load-bearing."""
        if self.emphasis is not None:
            attrs.update(emphasis_edge_attrs(
                faded=any(self.faded(end) for end in ends),
                bearing=bearer is not None and self.bearing(bearer)))
        self.graph.edge(tail, head, **{**style.attrs(), **attrs})
        if self.extent is not None:
            self.extent.edge(tail, head)

    def drawn(self, subject: str) -> bool:
        """Whether the claim, argument or source a finding is about is drawn."""
        amap, selection = self.amap, self.selection
        if subject in amap.claims:
            return subject in selection.claims
        if subject in amap.arguments:
            return subject in selection.arguments
        if subject in amap.sources and self.show_sources:
            return any(c.id in selection.claims for c in amap.citing(subject))
        return False

    def faded_subject(self, subject: str) -> bool:
        """Whether --highlight fades what a finding is about (a source: every claim citing it)."""
        if self.emphasis is None:
            return False
        if subject in self.amap.sources and subject not in self.amap.claims:
            return all(self.faded(c.id) for c in self.amap.citing(subject))
        return self.faded(subject)


def inference_arguments(
    amap: ArgumentMap, selection: Selection, marks: Mapping[str, Marks]
) -> frozenset[str]:
    """Arguments drawn through an inference node: linked ones, and any that is undercut,
    has a warrant or has findings (an arrow cannot point at an edge)."""
    return frozenset(
        a.id
        for a in (amap.arguments[i] for i in selection.arguments)
        if a.linked or a.warrant or amap.attackers_of(a.id) or a.id in marks
    )


def _marked(drawing: Drawing, subject: str, attrs: dict[str, Any]) -> Marks | None:
    """The subject's findings, if any: its border takes the worst one's colour and weight."""
    marks = drawing.marks.get(subject)
    if marks is not None:
        style = SEVERITY_STYLES[marks.worst]
        attrs.update(color=style.border, penwidth=style.penwidth)
        drawing.legend.severities.add(marks.worst)
    return marks


def _emphasis(drawing: Drawing, attrs: dict[str, Any], marks: Marks | None, faded: bool,
              bearing: bool, fill: str = FADED_FILL) -> None:
    """SVG classes for severity and --highlight, and the highlight's fading or marking."""
    classes = [severity_class(marks.worst)] if marks is not None else []
    if drawing.emphasis is not None:
        attrs.update(emphasis_node_attrs(faded, bearing, fill))
        classes.append("faded" if faded else "strand")
        if bearing:
            classes.append("load-bearing")
        drawing.legend.faded |= faded
        drawing.legend.load_bearing |= bearing
    if classes:
        attrs["class"] = " ".join(classes)


def _bears(drawing: Drawing, node_id: str) -> str:
    return drawing.emphasis.conclusion.id if drawing.emphasis and drawing.bearing(node_id) else ""


def add_claim(drawing: Drawing, claim: Claim) -> None:
    legend = drawing.legend
    style = KIND_STYLES[claim.kind]
    status = drawing.labels.get(claim.id)
    status = status if status in STATUSES else None
    attrs: dict[str, Any] = {**style.attrs()}
    if status:
        attrs.update(status_attrs(style, status))
        legend.statuses.add(status)
    if claim.implicit:
        attrs.update(implicit_attrs(style))
        legend.implicit_claims = True
    marks = _marked(drawing, claim.id, attrs)
    bearing = drawing.bearing(claim.id)
    _emphasis(drawing, attrs, marks, drawing.faded(claim.id), bearing)
    legend.kinds.add(claim.kind)
    amap = drawing.amap
    sources = [amap.sources[k] for k in claim.cites if k in amap.sources]
    hidden = drawing.selection.hidden_links.get(claim.id, 0)
    label = claim_label(claim, status, marks, hidden, drawing.wrap,
                        faded=drawing.faded(claim.id), load_bearing=bearing)
    name = claim_node(claim.id)
    drawing.graph.node(
        name, label=label, id=element_id("claim", claim.id),
        tooltip=tooltip_text(claim_tooltip(claim, status, sources, marks, hidden,
                                           _bears(drawing, claim.id))),
        **attrs,
    )
    if drawing.extent is not None:
        rows = label.count("<BR/>") + 2 + bool(hidden) + bearing
        drawing.extent.node(name, _PADDING + _LINE * rows)


def add_arguments(drawing: Drawing) -> None:
    amap, selection, legend = drawing.amap, drawing.selection, drawing.legend
    for arg in amap.arguments.values():  # in map order, not the selection's set order
        if arg.id not in selection.arguments:
            continue
        premises = [p for p in arg.premises if p in selection.claims]
        legend.relations.add(SUPPORT)
        if arg.id not in drawing.inference:
            for premise in premises:
                drawing.edge(claim_node(premise), claim_node(arg.conclusion), SUPPORT,
                             (premise, arg.id), arg.id,
                             id=element_id("support", arg.id.replace("->", "--")),
                             tooltip=tooltip_text(f"{premise} supports {arg.conclusion}"))
            continue
        _add_inference(drawing, arg, premises)


def _add_inference(drawing: Drawing, arg: Argument, premises: list[str]) -> None:
    node = argument_node(arg.id)
    attrs: dict[str, Any] = {**INFERENCE_STYLE.attrs(), "width": "0.16", "height": "0.16",
                             "fixedsize": "true", "label": ""}
    if arg.implicit:
        attrs.update(implicit_attrs(INFERENCE_STYLE))
        drawing.legend.implicit_arguments = True
    marks = _marked(drawing, arg.id, attrs)
    bearing = drawing.bearing(arg.id)
    _emphasis(drawing, attrs, marks, drawing.faded(arg.id), bearing,
              "#FFFFFF" if arg.implicit else FADED_BORDER)
    if marks is not None:
        attrs["xlabel"] = badge_label(marks, drawing.faded(arg.id),
                                      "load-bearing" if bearing else "")
    elif bearing:
        attrs["xlabel"] = Html("<<B>load-bearing</B>>")
    drawing.legend.inference = True
    drawing.graph.node(node, id=element_id("argument", arg.id),
                       tooltip=tooltip_text(argument_tooltip(
                           arg, drawing.labels.get(arg.id), marks, _bears(drawing, arg.id))),
                       **attrs)
    if drawing.extent is not None:
        drawing.extent.node(node, 11.5)
    for premise in premises:
        drawing.edge(claim_node(premise), node, LINKED_PREMISE, (premise, arg.id), premise)
    if arg.warrant is not None and arg.warrant in drawing.selection.claims:
        drawing.legend.relations.add(WARRANT)
        drawing.edge(claim_node(arg.warrant), node, WARRANT, (arg.warrant, arg.id),
                     arg.warrant)
    drawing.edge(node, claim_node(arg.conclusion), SUPPORT, (arg.id,), arg.id,
                 id=element_id("support", arg.id))


def add_attacks(drawing: Drawing) -> None:
    amap, selection, legend = drawing.amap, drawing.selection, drawing.legend
    for attack in amap.attacks:
        if attack.attacker not in selection.claims:
            continue
        # Under --highlight an attack stands out only when it defends the strands: its
        # attacker is one of the claims the conclusion hangs on.
        ends = (attack.attacker,) if drawing.bearing(attack.attacker) else (
            attack.attacker, attack.target)
        if attack.kind is AttackKind.REBUT and attack.target in selection.claims:
            legend.relations.add(REBUT)
            drawing.edge(claim_node(attack.attacker), claim_node(attack.target), REBUT, ends,
                         attack.attacker,
                         id=element_id("rebut", f"{attack.attacker}-{attack.target}"),
                         tooltip=tooltip_text(f"{attack.attacker} rebuts {attack.target}"))
        elif attack.kind is AttackKind.UNDERCUT and attack.target in drawing.inference:
            legend.relations.add(UNDERCUT)
            drawing.edge(claim_node(attack.attacker), argument_node(attack.target), UNDERCUT,
                         ends, attack.attacker,
                         id=element_id("undercut", f"{attack.attacker}-{attack.target}"),
                         tooltip=tooltip_text(
                             f"{attack.attacker} undercuts the inference of {attack.target}"))


def add_sources(drawing: Drawing) -> None:
    amap, selection, legend = drawing.amap, drawing.selection, drawing.legend
    for source in amap.sources.values():
        citing = [c.id for c in amap.citing(source.key) if c.id in selection.claims]
        if not citing:
            continue
        legend.sources = True
        legend.relations.add(CITES)
        attrs: dict[str, Any] = {**SOURCE_STYLE.attrs(), "fontsize": "10"}
        link = safe_link(source.url)
        if link is not None:
            attrs.update(URL=link, target="_blank")
        marks = _marked(drawing, source.key, attrs)
        # A source belongs to the strands when a claim of them cites it.
        faded = all(drawing.faded(c) for c in citing)
        _emphasis(drawing, attrs, marks, faded, False)
        name = source_node(source.key)
        drawing.graph.node(name, label=source_label(source, marks, drawing.wrap,
                                                    faded=faded),
                           id=element_id("source", source.key),
                           tooltip=tooltip_text(source_tooltip(source, marks)), **attrs)
        if drawing.extent is not None:
            drawing.extent.node(name, 40.0)
        for claim_id in citing:
            drawing.edge(name, claim_node(claim_id), CITES, (claim_id,))
