"""`--cluster tag|file`: box the drawn claims by their first tag or by the file that writes them."""

from __future__ import annotations

import os
from collections.abc import Callable

from argmap.model import ArgumentMap, Claim
from argmap.render.dot import DotGraph, Html, html_text
from argmap.render.focus import Selection


def add_clusters(
    graph: DotGraph, amap: ArgumentMap, selection: Selection, inference: frozenset[str],
    cluster: str, claim_node: Callable[[str], str], argument_node: Callable[[str], str],
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
