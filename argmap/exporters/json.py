"""argmap to a node-link JSON document (its shape is documented in docs/interop.md)."""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap
from argmap.safe_text import json_visible

FORMAT_VERSION = 1


def to_document(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data: claims, arguments, attacks and sources, each a list of records."""
    return {
        "version": FORMAT_VERSION,
        "title": amap.title,
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "kind": c.kind.value,
                "locator": c.locator,
                "tags": list(c.tags),
                "note": c.note,
                "factual": c.factual,
                "common-ground": c.common_ground,
                "implicit": c.implicit,
                "cites": list(c.cites),
            }
            for c in amap.claims.values()
        ],
        "arguments": [
            {
                "id": a.id,
                "conclusion": a.conclusion,
                "premises": list(a.premises),
                "linked": a.linked,
                "warrant": a.warrant,
                "scheme": a.scheme,
                "locator": a.locator,
                "note": a.note,
                "implicit": a.implicit,
            }
            for a in amap.arguments.values()
        ],
        "attacks": [
            {"attacker": a.attacker, "target": a.target, "kind": a.kind.value} for a in amap.attacks
        ],
        "sources": [
            {
                "key": s.key,
                "title": s.title,
                "author": s.author,
                "date": s.date,
                "url": s.url,
                "publisher": s.publisher,
                "locator": s.locator,
                "note": s.note,
            }
            for s in amap.sources.values()
        ],
    }


def write_text(amap: ArgumentMap) -> str:
    """The node-link JSON document as text; controls written as JSON escapes (same data)."""
    return json_visible(json.dumps(to_document(amap), ensure_ascii=False, indent=2)) + "\n"
