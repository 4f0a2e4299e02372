"""`argmap report`: a self-contained HTML page, checked by parsing it and in headless Chromium."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import browse, png_pixels
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.report.svg import inline_svg

runner = CliRunner()

HOSTILE = """\
argmap: 1
title: "Tram <script>alert('title')</script>"
source:
  title: 'Doc "><img src=x onerror=alert(2)>'
  url: "javascript:alert(3)"
claims:
  tram:
    kind: thesis
    text: "<script>alert(1)</script> The city should build the tram."
    locator: "¶1 <b>bold</b>"
  traffic:
    text: '"><img src=x onerror=alert(1)> Traffic is at capacity.'
    supports: [tram]
    cites: [evil, count]
    note: "</style><script>alert(4)</script>"
  overrun:
    kind: objection
    text: "[red]Costs[/red] will overrun & {curly} \\\\N"
    rebuts: [traffic]
sources:
  evil:
    title: "<svg onload=alert(6)>"
    url: "javascript:alert(7)"
  count:
    title: Traffic count
    url: "https://example.org/count?a=1&b=2"
  unused:
    title: 'x" onmouseover="alert(8)'
    url: " JaVaScRiPt:alert(9)"
"""


class _Elements(HTMLParser):
    """Every start tag with its attributes, and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


@pytest.fixture
def report(tmp_path: Path) -> Path:
    source = tmp_path / "map.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(source), "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    return out


def test_report_is_self_contained_and_hostile_text_stays_text(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    parsed = _parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    assert tags.count("style") == 1 and "link" not in tags  # CSS inline, nothing fetched
    assert tags.count("svg") == 1  # the diagram, inline
    text = "".join(parsed.text)
    for literal in ("<script>alert(1)</script> The city should build the tram.",
                    '"><img src=x onerror=alert(1)> Traffic is at capacity.',
                    "</style><script>alert(4)</script>", "<svg onload=alert(6)>",
                    'x" onmouseover="alert(8)', "javascript:alert(7)",
                    "Tram <script>alert('title')</script>"):
        assert literal in text, literal
    ids = {attrs["id"] for _, attrs in parsed.tags if attrs.get("id")}
    outside = []
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "xlink:href", "src"):
            value = attrs.get(name)
            if value is None:
                continue
            if value.startswith("#"):
                assert value[1:] in ids, f"dangling link {value}"
            else:
                outside.append(value)
    # The only links that leave the page are the map's own http(s) source URL.
    assert set(outside) == {"https://example.org/count?a=1&b=2"}
    assert {"c-tram", "c-traffic", "c-overrun", "s-evil", "s-count", "s-unused", "f-1"} <= ids


def test_findings_link_to_their_claims_and_back(report: Path) -> None:
    parsed = _parse(report.read_text(encoding="utf-8"))
    rows = [attrs["id"] for tag, attrs in parsed.tags if tag == "tr" and attrs.get("id")]
    assert rows == ["f-1", "f-2", "f-3"]
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a" and attrs.get("href")]
    assert "#c-overrun" in links and "#s-unused" in links  # finding -> claim / source
    assert all(links.count(f"#f-{n}") == 1 for n in (1, 2, 3))  # claim card -> finding
    diagram = {attrs["xlink:href"] for tag, attrs in parsed.tags
               if tag == "a" and (attrs.get("xlink:href") or "").startswith("#")}
    assert {"#c-tram", "#c-traffic", "#c-overrun", "#s-evil"} <= diagram  # node -> its card


def test_the_inline_svg_is_sanitised() -> None:
    hostile = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
               b'xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
               b'<script>alert(2)</script><g onclick="x()"><a xlink:href="javascript:alert(3)">'
               b'<text>ok</text></a><a href="https://example.org/">y</a></g>'
               b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">z</div></foreignObject>'
               b'</svg>')
    svg = inline_svg(hostile)
    for banned in ("script", "onload", "onclick", "javascript", "foreignObject"):
        assert banned not in svg
    assert "<text>ok</text>" in svg and 'href="https://example.org/"' in svg


def test_report_refuses_to_overwrite_its_map(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    result = runner.invoke(app, ["report", str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr
    assert source.read_text(encoding="utf-8") == HOSTILE


def test_report_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    dom = browse(report, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    parsed = _parse(dom.stdout)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags  # the browser built no hostile element
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    assert {"c-tram", "c-traffic", "c-overrun", "f-1", "f-2"} <= ids
    text = "".join(parsed.text)
    assert "<script>alert(1)</script> The city should build the tram." in text
    assert "objection 'overrun' rebuts 'traffic' and nothing answers it" in text
    assert not [a for t, a in parsed.tags
                if any("javascript" in (v or "").lower() for k, v in a.items() if "href" in k)]

    shot = tmp_path / "shot.png"
    done = browse(report, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    width, height, every_pixel = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 1400)
    background = every_pixel[0][:3]
    # every fourth pixel of every fourth row
    pixels = [p[:3] for y in range(0, height, 4) for p in every_pixel[y * width:(y + 1) * width:4]]
    inked = sum(p != background for p in pixels)
    assert inked > len(pixels) // 20, "the screenshot is (nearly) blank"
    # The finding colour of the diagram (#E69F00) is on screen: the gaps are marked.
    assert any(abs(p[0] - 0xE6) < 12 and abs(p[1] - 0x9F) < 12 and p[2] < 40 for p in pixels)


def test_without_graphviz_the_page_is_still_written(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.render.graphviz

    monkeypatch.setattr(argmap.render.graphviz.shutil, "which", lambda name: None)
    source = tmp_path / "map.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(source), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr.startswith("argmap: The diagram could not be drawn: Graphviz's `dot` "
                                    "program was not found")
    parsed = _parse(out.read_text(encoding="utf-8"))
    assert "svg" not in [tag for tag, _ in parsed.tags]
    assert "The diagram could not be drawn" in "".join(parsed.text)
    assert "c-tram" in {attrs.get("id") for _, attrs in parsed.tags}
