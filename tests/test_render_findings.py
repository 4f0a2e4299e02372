"""Findings on the diagram: severity in colour, weight and SVG class, numbered badges, and the
numbered list drawn with the map."""

from __future__ import annotations

import pytest
from render_support import layout, render_svg, svg_groups, texts

from argmap.findings import Finding, Severity
from argmap.load.loader import load_text
from argmap.model import ArgumentMap
from argmap.render.badges import LIST_LIMIT, MESSAGE_WIDTH, badge_numbers
from argmap.render.graph import RenderOptions, build_graph

MAP = """\
argmap: 1
title: Three gaps
claims:
  thesis:
    kind: thesis
    text: The plan works.
  cost:
    text: It costs little.
    supports: [thesis]
  speed:
    text: It is quick.
    supports: [thesis]
  risk:
    kind: objection
    text: It is risky.
    rebuts: [thesis]
arguments:
  plan:
    conclusion: thesis
    premises: [cost, speed]
sources:
  unread:
    title: Nobody cites this
"""


def finding(severity: Severity, subject: str | None, rule: str = "some-rule",
            message: str = "a gap") -> Finding:
    return Finding(rule, severity, message, "three.yaml", 1, 1, subject)


@pytest.fixture(scope="module")
def amap() -> ArgumentMap:
    return load_text(MAP, "three.yaml")


# In the order a check would list them: numbers 1 to 6.
FINDINGS = (
    finding(Severity.INFO, "cost", "info-rule", "cost is only a guess"),
    finding(Severity.WARNING, "speed", "warning-rule"),
    finding(Severity.ERROR, "risk", "error-rule", "risk has no answer"),
    finding(Severity.INFO, "risk"),
    finding(Severity.INFO, "plan", "open-question"),
    finding(Severity.WARNING, "unread", "unused-source", "source 'unread' is not cited"),
)


def classes(group) -> set[str]:  # type: ignore[no-untyped-def]
    return set(group.attrib.get("class", "").split())


def test_each_claim_takes_the_class_colour_and_weight_of_its_worst_finding(amap) -> None:  # type: ignore[no-untyped-def]
    svg = svg_groups(render_svg(build_graph(amap, FINDINGS).source))
    assert "severity-info" in classes(svg["claim-cost"])
    assert "severity-warning" in classes(svg["claim-speed"])
    assert "severity-error" in classes(svg["claim-risk"])  # an info as well: the error wins
    assert "severity-info" in classes(svg["argument-plan"])
    assert not {c for c in classes(svg["claim-thesis"]) if c.startswith("severity")}
    graph = layout(build_graph(amap, FINDINGS).source)
    looks = {claim: (graph.nodes[claim]["color"], float(graph.nodes[claim]["penwidth"]))
             for claim in ("cost", "speed", "risk")}
    assert len({color for color, _ in looks.values()}) == 3
    # in greyscale the weight still tells them apart: error heaviest, info lightest
    assert looks["risk"][1] > looks["speed"][1] > looks["cost"][1] > 1


def test_badges_carry_the_numbers_of_their_findings(amap) -> None:  # type: ignore[no-untyped-def]
    svg = svg_groups(render_svg(build_graph(amap, FINDINGS).source))
    assert "\u203c 3, 4" in texts(svg["claim-risk"])  # the error's glyph, both numbers
    assert "\u26a0 2" in texts(svg["claim-speed"])
    assert "\u2139 1" in texts(svg["claim-cost"])
    assert "\u2139 5" in texts(svg["argument-plan"])


@pytest.mark.parametrize(("numbers", "badge"), [
    ([3], "3"),
    ([3, 7], "3, 7"),
    ([3, 4], "3, 4"),
    ([12, 13, 14, 15, 20], "12\u201315, 20"),
    ([1, 3, 5, 7, 9], "1, 3, 5 +2"),
    ([1, 2, 3, 5, 7, 9], "1\u20133, 5, 7 +1"),
])
def test_many_numbers_make_a_compact_badge(numbers: list[int], badge: str) -> None:
    assert badge_numbers(numbers) == badge


def test_numbers_past_the_list_are_counted_not_shown() -> None:
    assert badge_numbers([3, 120, 121], frozenset({120, 121})) == "3 +2"
    assert badge_numbers([120], frozenset({120})) == "+1"


def test_the_list_names_every_finding_by_number_in_order(amap) -> None:  # type: ignore[no-untyped-def]
    svg = render_svg(build_graph(amap, FINDINGS).source)
    words = texts(svg).split()
    assert "Findings" in words
    rules = ("info-rule", "warning-rule", "error-rule", "some-rule", "open-question",
             "unused-source")
    places = [words.index(rule) for rule in rules]
    assert places == sorted(places)
    for number, place in enumerate(places, 1):
        # each row: number, severity glyph and name, rule, message
        assert words[place - 3:place] == [str(number), *{
            "info": ["\u2139", "info"], "warning": ["\u26a0", "warning"],
            "error": ["\u203c", "error"]}[FINDINGS[number - 1].severity.value]]
    assert "risk has no answer" in texts(svg)
    assert "(not drawn)" in texts(svg)  # the unused source has no node to carry a badge


def test_the_list_can_be_left_out(amap) -> None:  # type: ignore[no-untyped-def]
    graph = layout(build_graph(amap, FINDINGS,
                               options=RenderOptions(findings_list=False)).source)
    assert "Findings" not in graph.attrs["label"]
    assert "\u203c 3, 4" in graph.nodes["risk"]["label"]  # the badges keep their numbers


def test_long_lists_stop_and_say_how_many_more(amap) -> None:  # type: ignore[no-untyped-def]
    many = [finding(Severity.INFO, "cost", f"rule-{n}") for n in range(LIST_LIMIT + 20)]
    many.append(finding(Severity.ERROR, "risk", "last-rule"))
    graph = layout(build_graph(amap, many).source)
    label = graph.attrs["label"]
    assert "rule-99" in label and "rule-100" not in label and "last-rule" not in label
    assert "and 21 more" in label
    assert "\u203c +1" in graph.nodes["risk"]["label"]  # number 121 is not in the list
    assert "\u2139 1\u2013100 +20" in graph.nodes["cost"]["label"]


def test_long_messages_are_cut_and_hostile_ones_stay_text(amap) -> None:  # type: ignore[no-untyped-def]
    hostile = '"]; evil [label="x <b>&amp; \\N'
    long = "word " * 40
    found = [finding(Severity.WARNING, "cost", message=hostile),
             finding(Severity.WARNING, "speed", message=long)]
    source = build_graph(amap, found).source
    graph = layout(source)
    assert not [name for name in graph.nodes if "evil" in name]
    svg_text = texts(render_svg(source))
    assert hostile in svg_text
    cut = long[:MESSAGE_WIDTH - 1].rstrip() + "\u2026"
    assert cut in svg_text and long.strip() not in svg_text


def test_a_focused_view_lists_what_it_draws_under_the_map_wide_numbers(amap) -> None:  # type: ignore[no-untyped-def]
    graph = layout(build_graph(amap, FINDINGS,
                               options=RenderOptions(focus="risk", depth=0)).source)
    label = graph.attrs["label"]
    assert "error-rule" in label and "some-rule" in label
    assert "info-rule" not in label and "unused-source" not in label
    assert "\u203c 3, 4" in graph.nodes["risk"]["label"]
