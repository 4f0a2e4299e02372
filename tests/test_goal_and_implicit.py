"""Claim kind `goal` and `implicit: true`: read, refused when malformed, validated, drawn, shown."""

from __future__ import annotations

import json

import pytest
import yaml
from render_support import layout

from argmap.diff import diff_maps
from argmap.errors import MapLoadError
from argmap.evaluate import Label, evaluate
from argmap.load.dump import dump_map
from argmap.load.loader import load_text
from argmap.model import ClaimKind
from argmap.render.graph import build_graph
from argmap.schema import schema_text

MAP = """\
argmap: 1
claims:
  build:
    kind: recommendation
    text: The city should build the tram.
  relieve:
    text: A tram would take cars off the east-west axis.
  fewer-cars:
    kind: goal
    text: The city's aim is fewer cars in the centre.
  grant:
    kind: assumption
    text: The regional grant will cover most of the cost.
    implicit: true
arguments:
  case:
    conclusion: build
    premises: [relieve, fewer-cars]
    warrant: grant
    implicit: true
"""


def test_goal_and_implicit_are_read_and_survive_a_dump() -> None:
    amap = load_text(MAP, "m.yaml")
    assert amap.claims["fewer-cars"].kind is ClaimKind.GOAL
    assert amap.claims["grant"].implicit and not amap.claims["fewer-cars"].implicit
    assert amap.arguments["case"].implicit
    again = load_text(dump_map(amap), "again.yaml")
    assert again.claims["grant"].implicit and again.arguments["case"].implicit
    assert again.claims["fewer-cars"].kind is ClaimKind.GOAL


def test_a_goal_stands_without_support_like_an_assumption() -> None:
    amap = load_text(MAP.replace("    text: A tram would", "    kind: assumption\n"
                                 "    text: A tram would"), "m.yaml")
    labels = evaluate(amap).labels
    assert labels["fewer-cars"] is Label.IN and labels["build"] is Label.IN


CLAIM_SAYS_YES = MAP.replace("    implicit: true\narguments", '    implicit: "yes"\narguments')
ARGUMENT_SAYS_YES = MAP[: MAP.rindex("    implicit: true")] + "    implicit: yes\n"


@pytest.mark.parametrize(("text", "position"), [(CLAIM_SAYS_YES, (14, 15)),
                                                (ARGUMENT_SAYS_YES, (20, 15))],
                         ids=["claim", "argument"])
def test_implicit_must_be_true_or_false(text: str, position: tuple[int, int]) -> None:
    with pytest.raises(MapLoadError) as caught:
        load_text(text, "m.yaml")
    line, col = position
    assert str(caught.value) == f"m.yaml:{line}:{col}: 'implicit' must be true or false, not 'yes'"


def test_the_schema_accepts_goal_and_implicit_and_refuses_a_string() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json.loads(schema_text()))
    assert list(validator.iter_errors(yaml.safe_load(MAP))) == []
    bad = yaml.safe_load(CLAIM_SAYS_YES)
    assert [e.message for e in validator.iter_errors(bad)] == ["'yes' is not of type 'boolean'"]


def test_the_diagram_marks_goals_and_reconstructions_and_its_legend_says_so() -> None:
    graph = layout(build_graph(load_text(MAP, "m.yaml")).source)
    assert graph.nodes["fewer-cars"]["shape"] == "hexagon"
    assert "dotted" in graph.nodes["grant"]["style"].split(",")
    assert "implicit assumption" in graph.nodes["grant"]["label"]
    assert "dotted" not in graph.nodes["relieve"]["style"].split(",")
    assert graph.nodes["argument case"]["fillcolor"] == "#FFFFFF"
    legend = graph.clusters["cluster_legend"]
    assert {"legend kind goal", "legend implicit", "legend implicit inference"} <= legend



def test_diff_reports_a_claim_becoming_implicit() -> None:
    old = load_text(MAP.replace("    implicit: true\narguments", "arguments"), "old.yaml")
    new = load_text(MAP, "new.yaml")
    assert diff_maps(old, new).changed == [("grant", "implicit", False, True)]
