"""The SVG dot makes of a map: stable ids, and hostile text shown literally, never obeyed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from render_support import (
    FIXTURES,
    SVG,
    XLINK,
    layout,
    render_svg,
    squash,
    svg_groups,
    texts,
    tooltips,
)

from argmap.engine import check_map
from argmap.load.loader import load_map
from argmap.render.graph import RenderOptions, build_graph

HOSTILE = (
    '"]; evil [label="x',
    "C:\\temp\\new \\N",
    "<script>alert(1)</script>",
    '<<TABLE HREF="javascript:alert(1)">x</TABLE>>',
    "&amp; &#60;",
)


@pytest.fixture(scope="module")
def hostile_map():  # type: ignore[no-untyped-def]
    return load_map(FIXTURES / "hostile.yaml")


@pytest.fixture(scope="module")
def hostile_svg(hostile_map) -> ET.Element:  # type: ignore[no-untyped-def]
    findings = check_map(hostile_map).findings
    return render_svg(build_graph(hostile_map, findings).source)


def test_hostile_strings_create_no_nodes_or_edges(hostile_map) -> None:  # type: ignore[no-untyped-def]
    graph = layout(build_graph(hostile_map, options=RenderOptions(legend=False)).source)
    expected = set(hostile_map.claims) | {"argument linked"} | {
        f"source {key}" for key in hostile_map.sources}
    assert set(graph.nodes) == expected
    assert not any("evil" in name for name in graph.nodes)


def test_every_claim_has_its_svg_id_and_title(hostile_svg, hostile_map) -> None:  # type: ignore[no-untyped-def]
    groups = svg_groups(hostile_svg)
    for claim in hostile_map.claims:
        group = groups[f"claim-{claim}"]
        assert group.find(f"{SVG}title").text == claim  # type: ignore[union-attr]


@pytest.mark.parametrize("claim", ["quote-break", "windows:path.1", "script", "table",
                                   "entities"])
def test_claim_texts_appear_literally(hostile_svg, hostile_map, claim: str) -> None:  # type: ignore[no-untyped-def]
    text = hostile_map.claims[claim].text
    assert text in HOSTILE
    group = svg_groups(hostile_svg)[f"claim-{claim}"]
    assert squash(text) in squash(texts(group))
    assert any(text in tip for tip in tooltips(group))


def test_locators_notes_and_tags_appear_literally(hostile_svg) -> None:  # type: ignore[no-untyped-def]
    groups = svg_groups(hostile_svg)
    thesis = groups["claim-quote-break"]
    assert "C:\\temp\\new \\N" in texts(thesis)  # the locator, in the header
    assert "tags: <script>alert(1)</script>" in tooltips(thesis)[0]
    premise = groups["claim-windows:path.1"]
    assert "&amp; &#60;" in texts(premise)
    assert "note: \\G \\L \\E \\T \\H trailing backslash \\" in tooltips(premise)[0]


def test_source_fields_and_title_appear_literally(hostile_svg) -> None:  # type: ignore[no-untyped-def]
    groups = svg_groups(hostile_svg)
    source = groups["source-js-title"]
    assert "<script>alert(1)</script>" in texts(source)
    assert '"]; evil [label="x' in texts(source)
    assert "<<TABLE HREF=" in texts(groups["source-protocol-relative"])
    graph = groups["graph0"]
    assert '<<TABLE HREF="javascript:alert(1)">x</TABLE>>' in texts(graph)


def test_argument_fields_stay_in_the_tooltip(hostile_svg) -> None:  # type: ignore[no-untyped-def]
    tip = tooltips(svg_groups(hostile_svg)["argument-linked"])[0]
    assert 'scheme: "]; evil [label="x' in tip
    assert "note: <script>alert(1)</script>" in tip


def test_no_script_and_only_http_or_relative_links(hostile_svg) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in hostile_svg.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
    links = [value for e in hostile_svg.iter() for key, value in e.attrib.items()
             if key in (f"{XLINK}href", "href")]
    assert links, "the http(s) and relative sources should be links"
    for link in links:
        assert link.startswith(("https://", "http://", "docs/")), link
        assert not link.strip().lower().startswith(("javascript:", "data:", "//"))
    assert "docs/ref.html" in links
    assert "https://example.org/a?b=1&c=%222%22%3C3%3E" in links


@pytest.mark.parametrize("key", ["js-title", "js-upper", "spaced-js", "protocol-relative",
                                 "entity-url"])
def test_unsafe_source_urls_are_not_links(hostile_svg, key: str) -> None:  # type: ignore[no-untyped-def]
    group = svg_groups(hostile_svg)[f"source-{key}"]
    assert not [a for a in group.iter(f"{SVG}a") if f"{XLINK}href" in a.attrib]


@pytest.mark.parametrize(("url", "link"), [
    ("https://example.org/a b", None),  # whitespace: browsers would strip or split it
    ("https://example.org/x?a=1&b=2", "https://example.org/x?a=1&amp;b=2"),
    ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
    ("docs/ref.html#p3", "docs/ref.html#p3"),
    ("../ref.pdf", "../ref.pdf"),
    ("https://example.org/\u00e9", "https://example.org/%C3%A9"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("vbscript:x", None),
    ("//evil.example/", None),
    ("/\\evil.example/", None),
    ("https:evil", None),
    ("1:2", None),
    ("javascript&colon;alert(1)", None),
    ("", None),
])
def test_only_http_or_relative_urls_become_links(url: str, link: str | None) -> None:
    from argmap.render.dot import safe_link

    assert safe_link(url) == link


def test_ids_no_loader_would_accept_still_cannot_break_out() -> None:
    """Maps built in code (an importer, say) may carry any id: names and ids stay safe."""
    from argmap.errors import Position
    from argmap.model import Argument, ArgumentMap, Claim, ClaimKind, convergent_id

    odd = ['say "hi"', "back\\slash\\", "<b>bold</b>", "graph"]
    pos = Position("code", 1, 1)
    claims = [Claim(id=i, text=f"text of {i}", kind=ClaimKind.PREMISE, pos=pos) for i in odd]
    args = [Argument(id=convergent_id(odd[0], odd[1]), conclusion=odd[1], premises=(odd[0],),
                     pos=pos, linked=False)]
    graph = build_graph(ArgumentMap(claims, args), options=RenderOptions(legend=False))
    svg = render_svg(graph.source)
    groups = svg_groups(svg)
    assert {"claim-say__hi_", "claim-back_slash_", "claim-_b_bold__b_", "claim-graph"} <= set(
        groups)
    for claim in odd:
        assert any(squash(f"text of {claim}") in squash(texts(g)) for g in groups.values()), claim
        assert any(f"text of {claim}" in tip for g in groups.values() for tip in tooltips(g))
    assert len(layout(graph.source).edges) == 1
