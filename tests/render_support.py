"""Helpers for the render tests: lay a graph out with dot and read back nodes, edges, SVG."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "render"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

TRAM = """\
argmap: 1
title: Should the city build the tram?
claims:
  tram:
    kind: thesis
    text: The city should build the east-west tram line.
    locator: ¶1
    tags: [transport]
  congestion:
    kind: premise
    text: Traffic on the east-west axis is at capacity at peak hours.
    locator: ¶2
    tags: [transport]
    supports: [tram]
  count-2023:
    kind: evidence
    text: The 2023 traffic count found peak flows 5% above design capacity.
    cites: [count2023]
    supports: [congestion]
  trams-relieve:
    kind: premise
    text: A tram on a congested axis moves commuters out of cars.
    locator: ¶3
  funds:
    kind: assumption
    text: The regional grant will cover most of the cost.
    tags: [money]
  cost-overrun:
    kind: objection
    text: Tram projects of this size routinely overrun their budgets.
    tags: [money]
    rebuts: [funds]
  stay-in-cars:
    kind: objection
    text: Commuters who own cars keep driving whatever the alternative.
    undercuts: [relief]
  build-now:
    kind: recommendation
    text: Start the tender this year.
    waive:
      unsupported-claim: A test map.
arguments:
  relief:
    conclusion: tram
    premises: [congestion, trams-relieve]
    warrant: funds
    scheme: practical-reasoning
sources:
  count2023:
    title: Annual traffic count 2023
    url: https://example.org/count-2023.pdf
"""


def need_dot() -> str:
    """The path of Graphviz's dot, skipping the test when it is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz's dot is not installed")
    return dot


@dataclass
class Layout:
    """A graph as dot read it: nodes by name, edges as (tail, head, attributes), clusters."""

    attrs: dict[str, Any]
    nodes: dict[str, dict[str, Any]]
    edges: list[tuple[str, str, dict[str, Any]]]
    clusters: dict[str, set[str]]
    cluster_attrs: dict[str, dict[str, Any]]

    def edge(self, tail: str, head: str) -> dict[str, Any]:
        """The attributes of the one edge from ``tail`` to ``head``."""
        found = [a for t, h, a in self.edges if (t, h) == (tail, head)]
        assert len(found) == 1, f"{len(found)} edges {tail} -> {head}"
        return found[0]


def layout(source: str) -> Layout:
    """Parse DOT ``source`` with dot itself (``-Tjson``), so tests see what Graphviz sees."""
    done = subprocess.run([need_dot(), "-Tjson"], input=source.encode(), capture_output=True,
                          check=True, timeout=60)
    data = json.loads(done.stdout)
    objects = data.get("objects", [])
    nodes = {o["name"]: o for o in objects if "nodes" not in o}
    names = {o["_gvid"]: o["name"] for o in objects if "nodes" not in o}
    clusters = {o["name"]: {names[i] for i in o["nodes"]} for o in objects if "nodes" in o}
    edges = [(names[e["tail"]], names[e["head"]], e) for e in data.get("edges", [])]
    cluster_attrs = {o["name"]: o for o in objects if "nodes" in o}
    return Layout(data, nodes, edges, clusters, cluster_attrs)


def render_svg(source: str) -> ET.Element:
    """Render DOT ``source`` to SVG with dot and parse it."""
    done = subprocess.run([need_dot(), "-Tsvg"], input=source.encode(), capture_output=True,
                          check=True, timeout=60)
    return ET.fromstring(done.stdout)


def svg_groups(root: ET.Element) -> dict[str, ET.Element]:
    """SVG ``<g>`` elements by id."""
    return {g.attrib["id"]: g for g in root.iter(f"{SVG}g") if "id" in g.attrib}


def texts(element: ET.Element) -> str:
    """The visible text of an SVG element, its ``<text>`` pieces joined by spaces."""
    return " ".join((t.text or "") for t in element.iter(f"{SVG}text"))


def tooltips(element: ET.Element) -> list[str]:
    """The tooltips (``xlink:title``) inside an SVG element."""
    return [a.attrib[f"{XLINK}title"] for a in element.iter(f"{SVG}a")
            if f"{XLINK}title" in a.attrib]


def squash(text: str) -> str:
    """Drop whitespace, since labels wrap lines at spaces and inside over-long words."""
    return "".join(text.split())
