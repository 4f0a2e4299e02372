"""Open a rendered SVG in headless Chromium: the picture is not blank and the ids are there."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from render_support import FIXTURES, TRAM, need_dot

from argmap.engine import check_map
from argmap.graphviz_run import run_graphviz
from argmap.loader import load_map, load_text
from argmap.render import build_graph

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage")  # containers often have a tiny /dev/shm


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def browse(svg: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, svg.as_uri()],
        capture_output=True, timeout=120, check=False)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels (RGB or RGBA byte strings) of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG layout"
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):  # undo the PNG row filter
            left = row[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[x] = (row[x] + best) & 0xFF
        rows.append(row)
        previous = row
    pixels = [bytes(row[x:x + size]) for row in rows for x in range(0, stride, size)]
    return width, height, pixels


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
    dom = browse(svg, tmp_path, "--dump-dom").stdout.decode("utf-8")
    for claim in amap.claims:
        assert f'id="claim-{claim}"' in dom
    assert "<script" not in dom.lower()
