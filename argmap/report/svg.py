"""Graphviz SVG made safe to inline in an HTML page: known drawing elements only, no scripts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from urllib.parse import urlsplit

from argmap.errors import RenderError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# What Graphviz's SVG writer emits; anything else (script, foreignObject, use, animate, style,
# image) is dropped with its content.
_ALLOWED = frozenset({
    "svg", "g", "title", "text", "tspan", "path", "polygon", "polyline", "ellipse", "circle",
    "rect", "line", "a", "defs", "linearGradient", "radialGradient", "stop",
})
_LINK_ATTRS = frozenset({"href", f"{{{XLINK_NS}}}href"})

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def inline_svg(data: bytes, node_links: Mapping[str, str] | None = None) -> str:
    """Graphviz's SVG document as an ``<svg>`` element for an HTML page, sanitised.

    The XML prolog and doctype go; elements outside the drawing vocabulary, event-handler
    attributes and links that are not http(s) or in-page are removed. Graphviz already escapes
    label text; this is a second line of defence should a label ever slip through.
    ``node_links`` maps SVG node ids (``claim-tram``) to in-page anchors (``c-tram``): clicking
    such a node that has no link of its own jumps to the anchor.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise RenderError(f"Graphviz wrote SVG that cannot be read: {exc}") from None
    if _local(root.tag) != "svg":
        raise RenderError("Graphviz did not write an SVG document")
    _clean(root)
    if node_links:
        _link_nodes(root, node_links)
    root.set("role", "img")
    return ET.tostring(root, encoding="unicode")


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or _local(child.tag) not in _ALLOWED:
            element.remove(child)  # comments and processing instructions too
            continue
        _clean(child)
    for name in list(element.attrib):
        local = _local(name).lower()
        if local.startswith("on") or local == "style":
            del element.attrib[name]
        elif name in _LINK_ATTRS and not _safe_href(element.attrib[name]):
            del element.attrib[name]


def _link_nodes(root: ET.Element, node_links: Mapping[str, str]) -> None:
    for group in root.iter(f"{{{SVG_NS}}}g"):
        target = node_links.get(group.get("id", ""))
        if target is None:
            continue
        link = next(group.iter(f"{{{SVG_NS}}}a"), None)
        if link is not None and not any(name in link.attrib for name in _LINK_ATTRS):
            link.set(f"{{{XLINK_NS}}}href", "#" + target)


def _safe_href(value: str) -> bool:
    text = value.strip()
    if text.startswith("#"):
        return True
    if any(ch.isspace() or ord(ch) < 0x20 for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
