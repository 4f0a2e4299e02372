"""`--highlight ID`: a conclusion's strands and load-bearing claims stand out, the rest fades."""

from __future__ import annotations

import pytest
from render_support import render_svg, svg_groups, texts

from argmap.errors import UsageError
from argmap.evaluate import evaluate, grounded, verdict
from argmap.load.loader import load_text
from argmap.model import ArgumentMap
from argmap.render.graph import RenderOptions, build_graph
from argmap.render.highlight import emphasis_for

MAP = """\
argmap: 1
title: Two strands
claims:
  thesis:
    kind: thesis
    text: The plan works.
  grant:
    kind: assumption
    implicit: true
    text: The grant will come.
    supports: [funded]
  funded:
    text: The plan is funded.
    supports: [thesis]
  cheap:
    kind: evidence
    text: It costs little.
    supports: [thesis, act-anyway]
  pricey:
    kind: evidence
    text: The last one cost a lot.
    rebuts: [cheap]
  other:
    kind: evidence
    text: Something else entirely.
  act:
    kind: recommendation
    text: Do it.
  act-anyway:
    kind: recommendation
    text: Do it even if it is dear.
arguments:
  act-case:
    conclusion: act
    premises: [funded]
"""


def drawn(text: str, conclusion: str, semantics: str = "grounded") -> dict[str, set[str]]:
    """The drawn claims and arguments (by id) and support lines (by SVG id), grouped by the
    --highlight class they carry."""
    amap = load_text(text, "strands.yaml")
    evaluation = evaluate(amap, semantics)
    emphasis = emphasis_for(amap, verdict(amap, evaluation), evaluation.labels, conclusion)
    svg = render_svg(build_graph(amap, emphasis=emphasis,
                                 options=RenderOptions(legend=False)).source)
    groups: dict[str, set[str]] = {"strand": set(), "faded": set(), "load-bearing": set()}
    for element_id, group in svg_groups(svg).items():
        for name in group.attrib.get("class", "").split():
            if name in groups and not element_id.startswith(("edge", "node")):  # unnamed
                groups[name].add(element_id.split("-", 1)[1] if element_id.startswith(
                    ("claim-", "argument-")) else element_id)
    return groups


def test_a_standing_conclusion_shows_the_strand_that_holds_it_and_what_it_hangs_on() -> None:
    groups = drawn(MAP, "thesis")
    # funded -> thesis holds; cheap -> thesis is out (pricey defeats cheap), so it fades
    lines = {"support-grant--funded", "support-funded--thesis"}
    assert groups["strand"] == {"thesis", "funded", "grant", *lines}
    assert groups["load-bearing"] == {"funded", "grant", *lines}
    assert groups["faded"] == {"cheap", "pricey", "other", "act", "act-anyway", "act-case",
                               "support-cheap--thesis", "support-cheap--act-anyway",
                               "rebut-pricey-cheap", "support-act-case"}


def test_load_bearing_claims_are_marked_in_their_box_and_heavier() -> None:
    amap = load_text(MAP, "strands.yaml")
    evaluation = grounded(amap)
    emphasis = emphasis_for(amap, verdict(amap, evaluation), evaluation.labels, "thesis")
    source = build_graph(amap, emphasis=emphasis).source
    svg = svg_groups(render_svg(source))
    assert "load-bearing" in texts(svg["claim-grant"])
    assert "load-bearing" not in texts(svg["claim-thesis"])
    assert "strands of thesis, which stands" in texts(svg["graph0"])
    assert "legend load-bearing" in source and "legend faded" in source


def test_two_independent_strands_leave_nothing_load_bearing() -> None:
    independent = MAP.replace("    rebuts: [cheap]\n", "")
    groups = drawn(independent, "thesis")
    assert groups["strand"] == {"thesis", "funded", "grant", "cheap", "support-grant--funded",
                                "support-funded--thesis", "support-cheap--thesis"}
    assert groups["load-bearing"] == set()


def test_a_falling_conclusion_shows_every_line_that_failed() -> None:
    groups = drawn(MAP, "act-anyway")
    assert groups["strand"] == {"act-anyway", "cheap", "support-cheap--act-anyway"}
    assert groups["load-bearing"] == set()
    assert "pricey" in groups["faded"]


def test_highlight_follows_the_semantics_it_is_given() -> None:
    groups = drawn(MAP, "thesis", semantics="preferred")
    assert groups["load-bearing"] == {"funded", "grant", "support-grant--funded",
                                      "support-funded--thesis"}


@pytest.mark.parametrize(("wanted", "message"), [
    ("funded", "'funded' is a premise, not a conclusion (a thesis or recommendation); "
               "its conclusions are 'thesis', 'act', 'act-anyway'"),
    ("thesys", "no conclusion 'thesys' in the map; did you mean 'thesis'?"),
    ("act-anywya", "did you mean 'act-anyway'?"),
])
def test_an_id_that_is_no_conclusion_is_a_usage_error_naming_it(wanted: str,
                                                                 message: str) -> None:
    amap: ArgumentMap = load_text(MAP, "strands.yaml")
    evaluation = grounded(amap)
    with pytest.raises(UsageError, match="--highlight") as caught:
        emphasis_for(amap, verdict(amap, evaluation), evaluation.labels, wanted)
    assert message in str(caught.value)
