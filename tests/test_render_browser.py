"""Open a rendered SVG in headless Chromium: the picture is not blank and the ids are there."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import browse, chromium, png_pixels
from render_support import FIXTURES, TRAM, need_dot

from argmap.engine import check_map
from argmap.load.loader import load_map, load_text
from argmap.render.graph import build_graph
from argmap.render.graphviz import run_graphviz


def test_png_reader_decodes_a_dot_drawing(tmp_path: Path) -> None:
    """The reader the browser test relies on agrees with what dot drew."""
    need_dot()
    png = run_graphviz('digraph { bgcolor=white; a [style=filled fillcolor="#FF0000"] }',
                       "png", "dot", 30)
    width, height, pixels = png_pixels(png)
    assert len(pixels) == width * height
    assert any(p[:3] == b"\xff\x00\x00" for p in pixels)
    assert any(p[:3] == b"\xff\xff\xff" for p in pixels)


@pytest.mark.parametrize("name", ["tram", "hostile"])
def test_svg_opens_in_chromium_with_a_picture_and_the_claim_ids(tmp_path: Path,
                                                                 name: str) -> None:
    need_dot()
    chromium()
    amap = load_text(TRAM, "tram.yaml") if name == "tram" else load_map(
        FIXTURES / "hostile.yaml")
    svg = tmp_path / f"{name}.svg"
    svg.write_bytes(run_graphviz(build_graph(amap, check_map(amap).findings).source, "svg",
                                 "dot", 60))
    shot = tmp_path / "shot.png"
    browse(svg, tmp_path, f"--screenshot={shot}", "--window-size=1000,800")
    assert shot.exists(), "Chromium wrote no screenshot"
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 800)
    white = sum(1 for p in pixels if p[:3] == b"\xff\xff\xff")
    assert white < 0.97 * len(pixels), "the screenshot is blank"
    assert len({p[:3] for p in pixels}) > 50  # fills, text and lines, not a flat colour
    dom = browse(svg, tmp_path, "--dump-dom").stdout
    for claim in amap.claims:
        assert f'id="claim-{claim}"' in dom
    assert "<script" not in dom.lower()
