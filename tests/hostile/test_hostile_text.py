"""Text carrying rich markup, DOT syntax, HTML and SVG script stays text in every output."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile_support import REPO, cli

HOSTILE = [
    "[bold red]boom[/bold red] [link=https://evil.example]click[/link]",
    '"]; evil [label="pwned"]; tram -> evil; x [label="',
    "} digraph injected { a -> b; <<TABLE><TR><TD>t</TD></TR></TABLE>> \\\" \\l \\N",
    "<b>bold</b> &amp; &lt; <img src=x onerror=alert(1)>",
    '</text><script>alert("svg")</script><text>',
]
SVG = "{http://www.w3.org/2000/svg}"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def hostile_map(texts: list[str]) -> str:
    """A thesis, one supporting claim per text, a cited source and a tag, all carrying text."""
    lines = ["argmap: 1", f"title: {_quote(texts[0])}", "claims:", "  tram:",
             "    kind: thesis", f"    text: {_quote(texts[1])}",
             f"    locator: {_quote(texts[2])}", f"    tags: [{_quote(texts[3])}]",
             "    cites: [src]"]
    for i, text in enumerate(texts):
        lines += [f"  c{i}:", f"    text: {_quote(text)}", f"    note: {_quote(text)}",
                  "    supports: [tram]"]
    lines += ["sources:", "  src:", f"    title: {_quote(texts[4])}"]
    return "\n".join(lines) + "\n"


def svg_counts(svg: bytes) -> tuple[int, int]:
    """(nodes, edges) drawn in an SVG Graphviz made."""
    root = ET.fromstring(svg)
    classes = [g.get("class") for g in root.iter(f"{SVG}g")]
    return classes.count("node"), classes.count("edge")


@pytest.fixture
def maps(tmp_path: Path) -> tuple[Path, Path]:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(hostile_map(HOSTILE), encoding="utf-8")
    benign = tmp_path / "benign.yaml"
    benign.write_text(hostile_map([f"plain text {i}" for i in range(len(HOSTILE))]),
                      encoding="utf-8")
    return hostile, benign


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot not installed")


def test_check_output_keeps_markup_in_a_path_literal(tmp_path: Path) -> None:
    """In a terminal (a real pty) the rich layout prints a markup-laden file name as written."""
    folder = tmp_path / "[blink]"  # '/' cannot be in a file name: closing tags go in the path
    folder.mkdir()
    path = folder / "[red]x[link=https:evil.example]y[link].yaml"
    path.write_text("argmap: 1\nclaims:\n  tram:\n    kind: thesis\n    text: x\n",
                    encoding="utf-8")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 400, 0, 0))
    env = {**os.environ, "COLUMNS": "400", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "check", str(path)], cwd=REPO,
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the pty closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 1
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "Traceback" not in shown
    assert "\x1b]8;" not in shown  # no terminal hyperlink was made from the [link] markup
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown).replace("\r\n", "")  # unfold long lines
    assert "[blink]/[red]x[link=https:evil.example]y[link].yaml" in plain
    assert "thesis 'tram' has no support" in plain


def test_check_reads_hostile_text_as_text(maps: tuple[Path, Path]) -> None:
    """The hostile map has exactly the benign map's findings."""
    hostile, benign = maps
    got, expected = cli("check", str(hostile)), cli("check", str(benign))
    assert got.code == expected.code
    assert got.out == expected.out.replace(str(benign), str(hostile))


@needs_dot
def test_render_dot_keeps_hostile_text_inside_labels(maps: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    """Laid out by dot, the hostile DOT source has the benign one's nodes and edges, no more."""
    counts = []
    for source in maps:
        out = tmp_path / f"{source.stem}.dot"
        outcome = cli("render", str(source), "-f", "dot", "-o", str(out))
        assert (outcome.code, outcome.err) == (0, "")
        laid_out = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, timeout=60)
        assert laid_out.returncode == 0, laid_out.stderr
        counts.append(svg_counts(laid_out.stdout))
    assert counts[0] == counts[1]


@needs_dot
def test_render_svg_has_no_script_and_shows_the_text(maps: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    """No script element, no event attribute, no javascript: link; the text reads literally."""
    hostile, benign = maps
    out, plain_out = tmp_path / "hostile.svg", tmp_path / "benign.svg"
    assert cli("render", str(hostile), "--wrap", "400", "-o", str(out)).code == 0
    assert cli("render", str(benign), "--wrap", "400", "-o", str(plain_out)).code == 0
    svg = out.read_bytes()
    root = ET.fromstring(svg)  # well-formed XML: nothing broke out of its element
    elements = list(root.iter())
    assert not [e for e in elements if e.tag.lower().endswith("script")]
    assert not [name for e in elements for name in e.attrib if name.lower().startswith("on")]
    assert not [v for e in elements for v in e.attrib.values()
                if v.strip().lower().startswith("javascript:")]
    shown = "\n".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    for text in HOSTILE[1:]:  # HOSTILE[0] is the title and the legend's business
        assert text in shown
    assert svg_counts(svg) == svg_counts(plain_out.read_bytes())
