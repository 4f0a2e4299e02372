"""argmap to AIF (AIFdb JSON): claims as I nodes, arguments as RA, attacks as CA nodes."""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap
from argmap.safe_text import json_visible

_TIMESTAMP = "1970-01-01 00:00:00"  # AIFdb requires one; argmap maps carry none


def write_text(amap: ArgumentMap) -> str:
    """The map as an AIF JSON document that the AIF importer reads back to the same map.

    Node ids are the argmap ids. A warrant is written as one more premise of its RA node (AIF
    has no warrant role), and CA nodes get fresh ids ``CA1``, ``CA2``, … not used by the map.
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def node(ident: str, kind: str, text: str, scheme: str | None = None) -> None:
        entry: dict[str, Any] = {
            "nodeID": ident,
            "text": text,
            "type": kind,
            "timestamp": _TIMESTAMP,
        }
        if scheme:
            entry["scheme"] = scheme
        nodes.append(entry)

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None}
        )

    for claim in amap.claims.values():
        node(claim.id, "I", claim.text)
    for arg in amap.arguments.values():
        node(arg.id, "RA", arg.scheme or "Default Inference", arg.scheme)
        for premise in arg.premises + ((arg.warrant,) if arg.warrant else ()):
            edge(premise, arg.id)
        edge(arg.id, arg.conclusion)
    taken = set(amap.claims) | set(amap.arguments)
    number = 0
    for attack in amap.attacks:
        number += 1
        while f"CA{number}" in taken:
            number += 1
        ca = f"CA{number}"
        node(ca, "CA", "Default Conflict")
        edge(attack.attacker, ca)
        edge(ca, attack.target)
    return (
        json_visible(json.dumps({"nodes": nodes, "edges": edges, "locutions": []},
                                ensure_ascii=False, indent=1))
        + "\n"
    )
