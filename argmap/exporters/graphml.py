"""argmap to GraphML: the map's graph of claims and arguments, with their fields as attributes."""

from __future__ import annotations

import re
from collections.abc import Mapping

import networkx as nx

from argmap.model import ArgumentMap

# characters XML 1.0 cannot hold at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def to_graph(amap: ArgumentMap) -> nx.DiGraph:
    """A plain DiGraph: one node per claim and argument, edges with a ``role``."""
    graph = nx.DiGraph()
    for claim in amap.claims.values():
        attrs = {
            "type": "claim",
            "text": claim.text,
            "kind": claim.kind.value,
            "locator": claim.locator,
            "tags": " ".join(claim.tags) or None,
            "note": claim.note,
            "factual": claim.factual,
            "common_ground": claim.common_ground,
            "implicit": claim.implicit,
        }
        graph.add_node(_xml_safe(claim.id), **_present(attrs))
    for arg in amap.arguments.values():
        attrs = {
            "type": "argument",
            "linked": arg.linked,
            "scheme": arg.scheme,
            "locator": arg.locator,
            "note": arg.note,
            "implicit": arg.implicit,
        }
        graph.add_node(_xml_safe(arg.id), **_present(attrs))
    for source, target, data in amap.graph.edges(data=True):
        graph.add_edge(_xml_safe(source), _xml_safe(target), role=data["role"])
    return graph


def _present(attrs: Mapping[str, object]) -> dict[str, object]:
    # GraphML has no null; absent fields are left out, strings made XML-safe
    return {k: _xml_safe(v) if isinstance(v, str) else v for k, v in attrs.items() if v is not None}


def write_text(amap: ArgumentMap) -> str:
    """The map as a GraphML document (networkx escapes markup characters)."""
    return "\n".join(nx.generate_graphml(to_graph(amap))) + "\n"
