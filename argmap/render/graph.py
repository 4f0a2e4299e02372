"""Draw an argument map as DOT (a `graphviz.Source`): a pure function, testable via `.source`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import graphviz

from argmap.errors import UsageError
from argmap.findings import Finding
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.model import Argument, ArgumentMap, AttackKind, Claim, ClaimKind
from argmap.render.dot import DotGraph, Html, element_id, html_text, safe_link, tooltip_text
from argmap.render.focus import Selection, select_all, select_neighbourhood
from argmap.render.labels import (
    argument_tooltip,
    claim_label,
    claim_tooltip,
    source_label,
    source_tooltip,
    title_label,
)
from argmap.render.legend import LegendContent, add_legend
from argmap.render.style import (
    CITES,
    FINDING_COLOR,
    FINDING_PENWIDTH,
    FONT,
    INFERENCE_STYLE,
    KIND_STYLES,
    LINKED_PREMISE,
    REBUT,
    SOURCE_STYLE,
    SUPPORT,
    UNDERCUT,
    WARRANT,
    implicit_attrs,
    status_attrs,
)

RANKDIRS = ("TB", "LR", "BT", "RL")
CLUSTERS = ("tag", "file")
ENGINES = ("dot", "sfdp", "neato", "fdp")
STATUSES = ("in", "out", "undecided")
_NOT_PLAIN = re.compile(r'["\\<>\n]')


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


def claim_node(claim_id: str) -> str:
    """The DOT node name of a claim (its id; claim ids cannot contain spaces)."""
    return claim_id if _plain(claim_id) else f"claim {element_id('x', claim_id)}"


def argument_node(argument_id: str) -> str:
    """The DOT node name of an argument's inference node."""
    return f"argument {argument_id if _plain(argument_id) else element_id('x', argument_id)}"


def source_node(key: str) -> str:
    """The DOT node name of a source."""
    return f"source {key if _plain(key) else element_id('x', key)}"


def _plain(name: str) -> bool:
    # Names from the loader are always plain; maps built in code might hold anything.
    return bool(name) and not _NOT_PLAIN.search(name) and name == name.strip()


def build_graph(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    *,
    labels: Mapping[str, str] | None = None,
    options: RenderOptions | None = None,
) -> graphviz.Source:
    """The diagram of ``amap`` as DOT source, with ``findings`` and acceptance ``labels`` shown."""
    # A DOT line per node and edge, none of them in a cycle: the collector's passes over a
    # big map's objects cost more than the drawing (100,000 claims: 14.7 s -> see the commit).
    with cyclic_gc_paused():
        return _build_graph(amap, findings, labels, options or RenderOptions())


def _build_graph(amap: ArgumentMap, findings: Iterable[Finding],
                 labels: Mapping[str, str] | None, options: RenderOptions) -> graphviz.Source:
    # str(): evaluate's labels are a StrEnum, whose members hash by name, not by value
    labels = {node: str(label) for node, label in (labels or {}).items()}
    selection = (
        select_neighbourhood(amap, options.focus, options.depth)
        if options.focus is not None
        else select_all(amap)
    )
    by_subject = _findings_by_subject(findings) if options.show_findings else {}
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
    if amap.title:
        graph.attr(label=title_label(amap.title, options.focus, options.depth))
    legend = LegendContent()
    inference = _inference_arguments(amap, selection, by_subject)
    _add_claims(graph, amap, selection, by_subject, labels, options, legend)
    _add_arguments(graph, amap, selection, inference, by_subject, labels, legend)
    _add_attacks(graph, amap, selection, inference, legend)
    if options.show_sources:
        _add_sources(graph, amap, selection, by_subject, options, legend)
    if options.cluster is not None:
        _add_clusters(graph, amap, selection, inference, options.cluster)
    unplaced = [f for subject, found in by_subject.items()
                if not _drawn(amap, selection, subject, options.show_sources) for f in found]
    legend.unplaced_findings = len(unplaced) if options.focus is None else 0
    if options.legend:
        add_legend(graph, legend, options.rankdir, _legend_anchor(amap, selection))
    return graphviz.Source(graph.source, engine=options.engine)


def _legend_anchor(amap: ArgumentMap, selection: Selection) -> str | None:
    """A drawn claim that supports nothing, preferably a thesis: the legend goes after it."""
    # Plain adjacency, not amap.graph: importing networkx alone would cost a third of a second.
    has_successor = {node for preds in amap.predecessors.values() for node in preds}
    sinks = [c for c in amap.claims.values()
             if c.id in selection.claims and c.id not in has_successor]
    sinks.sort(key=lambda c: c.kind is not ClaimKind.THESIS)
    return claim_node(sinks[0].id) if sinks else None


def _findings_by_subject(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.claim or "", []).append(finding)
    return grouped


def _drawn(amap: ArgumentMap, selection: Selection, subject: str, sources: bool) -> bool:
    if subject in amap.claims:
        return subject in selection.claims
    if subject in amap.arguments:
        return subject in selection.arguments
    if subject in amap.sources and sources:
        return any(c.id in selection.claims for c in amap.citing(subject))
    return False


def _inference_arguments(
    amap: ArgumentMap, selection: Selection, by_subject: Mapping[str, list[Finding]]
) -> frozenset[str]:
    """Arguments drawn through an inference node: linked ones, and any that is undercut,
    has a warrant or has findings (an arrow cannot point at an edge)."""
    return frozenset(
        a.id
        for a in (amap.arguments[i] for i in selection.arguments)
        if a.linked or a.warrant or amap.attackers_of(a.id) or by_subject.get(a.id)
    )


def _add_claims(
    graph: DotGraph, amap: ArgumentMap, selection: Selection,
    by_subject: Mapping[str, list[Finding]], labels: Mapping[str, str],
    options: RenderOptions, legend: LegendContent,
) -> None:
    for claim in amap.claims.values():
        if claim.id in selection.claims:
            _add_claim(graph, amap, claim, selection, by_subject, labels, options, legend)


def _add_clusters(
    graph: DotGraph, amap: ArgumentMap, selection: Selection,
    inference: frozenset[str], cluster: str,
) -> None:
    """Group the drawn nodes (already declared) into clusters; an inference node goes with
    its conclusion, so a cluster holds whole arguments."""
    groups: dict[str, list[str]] = {}
    for claim in amap.claims.values():
        if claim.id in selection.claims:
            groups.setdefault(_cluster_key(claim, cluster), []).append(claim_node(claim.id))
    for arg in amap.arguments.values():  # map order: a set's order changes between runs
        if arg.id in inference:
            key = _cluster_key(amap.claims[arg.conclusion], cluster)
            groups.setdefault(key, []).append(argument_node(arg.id))
    for number, (key, members) in enumerate(groups.items()):
        if not key:
            continue
        with graph.subgraph(name=f"cluster_{number}") as group:
            group.attr(label=_cluster_label(amap, key, cluster), style="rounded,dashed",
                       color="#9A9A9A", fontsize="11", labeljust="l")
            for name in members:
                group.node(name)


def _cluster_key(claim: Claim, cluster: str | None) -> str:
    if cluster == "tag":
        return f"tag {claim.tags[0]}" if claim.tags else ""
    if cluster == "file":
        return f"file {claim.pos.path}"
    return ""


def _cluster_label(amap: ArgumentMap, key: str, cluster: str | None) -> str:
    value = key.split(" ", 1)[1]
    if cluster == "file":
        title = next((d.title for d in amap.documents if d.path == value and d.title), None)
        name = os.path.basename(value)
        text = f"{name}: {title}" if title else name
    else:
        text = f"tag: {value}"
    return Html(f"<<I>{html_text(text)}</I>>")


def _add_claim(
    graph: DotGraph, amap: ArgumentMap, claim: Claim, selection: Selection,
    by_subject: Mapping[str, list[Finding]], labels: Mapping[str, str],
    options: RenderOptions, legend: LegendContent,
) -> None:
    style = KIND_STYLES[claim.kind]
    status = labels.get(claim.id)
    status = status if status in STATUSES else None
    found = by_subject.get(claim.id, [])
    attrs: dict[str, str] = {**style.attrs()}
    if status:
        attrs.update(status_attrs(style, status))
        legend.statuses.add(status)
    if claim.implicit:
        attrs.update(implicit_attrs(style))
        legend.implicit_claims = True
    if found:
        attrs.update(color=FINDING_COLOR, penwidth=FINDING_PENWIDTH)
        legend.findings = True
    legend.kinds.add(claim.kind)
    sources = [amap.sources[k] for k in claim.cites if k in amap.sources]
    hidden = selection.hidden_links.get(claim.id, 0)
    graph.node(
        claim_node(claim.id),
        label=claim_label(claim, status, len(found), hidden, options.wrap),
        id=element_id("claim", claim.id),
        tooltip=tooltip_text(claim_tooltip(claim, status, sources, found, hidden)),
        **attrs,
    )


def _add_arguments(
    graph: DotGraph, amap: ArgumentMap, selection: Selection,
    inference: frozenset[str], by_subject: Mapping[str, list[Finding]],
    labels: Mapping[str, str], legend: LegendContent,
) -> None:
    for arg in amap.arguments.values():  # in map order, not the selection's set order
        if arg.id not in selection.arguments:
            continue
        premises = [p for p in arg.premises if p in selection.claims]
        legend.relations.add(SUPPORT)
        if arg.id not in inference:
            for premise in premises:
                graph.edge(claim_node(premise), claim_node(arg.conclusion),
                           id=element_id("support", arg.id.replace("->", "--")),
                           tooltip=tooltip_text(f"{premise} supports {arg.conclusion}"),
                           **SUPPORT.attrs())
            continue
        _add_inference(graph, arg, premises, selection, by_subject.get(arg.id, []),
                       labels.get(arg.id), legend)


def _add_inference(
    graph: DotGraph, arg: Argument, premises: list[str], selection: Selection,
    found: list[Finding], status: str | None, legend: LegendContent,
) -> None:
    node = argument_node(arg.id)
    attrs: dict[str, Any] = {**INFERENCE_STYLE.attrs(), "width": "0.16", "height": "0.16",
                             "fixedsize": "true", "label": ""}
    if arg.implicit:
        attrs.update(implicit_attrs(INFERENCE_STYLE))
        legend.implicit_arguments = True
    if found:
        attrs.update(color=FINDING_COLOR, penwidth=FINDING_PENWIDTH,
                     xlabel=Html(f"<<B>\u26a0 {len(found)}</B>>"))
        legend.findings = True
    legend.inference = True
    graph.node(node, id=element_id("argument", arg.id),
               tooltip=tooltip_text(argument_tooltip(arg, status, found)), **attrs)
    for premise in premises:
        graph.edge(claim_node(premise), node, **LINKED_PREMISE.attrs())
    if arg.warrant is not None and arg.warrant in selection.claims:
        legend.relations.add(WARRANT)
        graph.edge(claim_node(arg.warrant), node, **WARRANT.attrs())
    graph.edge(node, claim_node(arg.conclusion), id=element_id("support", arg.id),
               **SUPPORT.attrs())


def _add_attacks(
    graph: DotGraph, amap: ArgumentMap, selection: Selection,
    inference: frozenset[str], legend: LegendContent,
) -> None:
    for attack in amap.attacks:
        if attack.attacker not in selection.claims:
            continue
        if attack.kind is AttackKind.REBUT and attack.target in selection.claims:
            legend.relations.add(REBUT)
            graph.edge(claim_node(attack.attacker), claim_node(attack.target),
                       id=element_id("rebut", f"{attack.attacker}-{attack.target}"),
                       tooltip=tooltip_text(f"{attack.attacker} rebuts {attack.target}"),
                       **REBUT.attrs())
        elif attack.kind is AttackKind.UNDERCUT and attack.target in inference:
            legend.relations.add(UNDERCUT)
            graph.edge(claim_node(attack.attacker), argument_node(attack.target),
                       id=element_id("undercut", f"{attack.attacker}-{attack.target}"),
                       tooltip=tooltip_text(
                           f"{attack.attacker} undercuts the inference of {attack.target}"),
                       **UNDERCUT.attrs())


def _add_sources(
    graph: DotGraph, amap: ArgumentMap, selection: Selection,
    by_subject: Mapping[str, list[Finding]], options: RenderOptions, legend: LegendContent,
) -> None:
    for source in amap.sources.values():
        citing = [c.id for c in amap.citing(source.key) if c.id in selection.claims]
        if not citing:
            continue
        legend.sources = True
        legend.relations.add(CITES)
        found = by_subject.get(source.key, [])
        attrs: dict[str, str] = {**SOURCE_STYLE.attrs(), "fontsize": "10"}
        link = safe_link(source.url)
        if link is not None:
            attrs.update(URL=link, target="_blank")
        if found:
            attrs.update(color=FINDING_COLOR, penwidth=FINDING_PENWIDTH)
        graph.node(source_node(source.key), label=source_label(source, options.wrap),
                   id=element_id("source", source.key),
                   tooltip=tooltip_text(source_tooltip(source, found)), **attrs)
        for claim_id in citing:
            graph.edge(source_node(source.key), claim_node(claim_id), **CITES.attrs())

