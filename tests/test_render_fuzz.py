"""Any text a map can hold renders: dot accepts the DOT, and the text shows literally."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import need_dot, render_svg, squash, svg_groups, texts, tooltips

from argmap.errors import Position
from argmap.model import ArgumentMap, Claim, ClaimKind, Source
from argmap.render.dot import clean
from argmap.render.graph import RenderOptions, build_graph

FRAGMENTS = st.sampled_from(['"', "\\", "\\N", "\\G", "\\n", "<", ">", "&", "&amp;", "&#60;",
                             "]", "[", ";", "{", "}", "<<", ">>", "<TABLE>", "\n", "\t", "\r",
                             "\x00", "\x1b", "\u2028", "\ufffe", "é", "✓", "😀", "]]>"])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), min_size=1, max_size=12).map(
    "".join).filter(lambda t: t.strip() != "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, locator=TEXTS, title=TEXTS)
def test_any_text_renders_and_reads_back_literally(text: str, locator: str, title: str) -> None:
    need_dot()
    pos = Position("fuzz.yaml", 1, 1)
    amap = ArgumentMap(
        [Claim(id="c", text=text, kind=ClaimKind.THESIS, pos=pos, locator=locator,
               cites=("s",), tags=(title,))],
        sources=[Source(key="s", title=title, pos=pos, url=title)],
    )
    svg = render_svg(build_graph(amap, options=RenderOptions(cluster="tag")).source)
    groups = svg_groups(svg)
    claim = groups["claim-c"]
    assert squash(clean(text)) in squash(texts(claim))
    assert squash(clean(locator)) in squash(texts(claim))
    tip = tooltips(claim)[0]
    # Graphviz writes tabs and runs of spaces in a tooltip as they come (XML then reads a tab
    # as a space) or as no-break spaces; everything else comes back as it was.
    assert squash(f"{clean(text)}\nlocator: {clean(locator)}") in squash(tip)
    assert squash(clean(title)) in squash(texts(groups["source-s"]))
    assert squash(f"tag: {clean(title)}") in squash(texts(svg))  # the cluster's label
