"""Text carrying rich markup, DOT syntax, HTML and SVG script stays text in every output; text
carrying escape sequences, controls, bidi overrides and CI workflow commands reaches no terminal
or log raw."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile_support import cli, in_terminals
from typer.testing import CliRunner

from argmap.cli.app import app

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
    [outcome] = in_terminals(("check", str(path)), columns=400)
    assert outcome.code == 1
    shown = outcome.out
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


# Everything a map's text can carry to a terminal or a CI log, in one string.
TERMINAL_HOSTILE = (
    "\x1b[2J\x1b[H"  # CSI: clear the screen
    "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\ "  # OSC 8: a hidden link
    "\x1b]52;c;ZXZpbA==\x07 "  # OSC 52: write the clipboard
    "\u202eevil\u202c \u2066isolated\u2069 \u200f "  # bidi override, isolate, mark
    "a\rb\r\nc \x01\x08\x7f \x9b2J "  # CR, CR LF, C0 controls, DEL, a C1 CSI
    "[bold red]markup[/bold red]\n"
    "::add-mask::secret\n"  # GitHub Actions workflow commands
    "  ::stop-commands::token\u2028::error::x ##[add-mask]v1"
)
# What must never reach a terminal or a log as it is.
ATTACKS = ("\x1b[2J", "\x1b]8;", "\x1b]52;", "\x9b", "\u202e", "\u2066", "\u200f", "\u2028")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                         "\u202a-\u202e\u2066-\u2069]")
# argmap's own sequences in a terminal: rich's colours, and its progress bar hiding the cursor
# and redrawing its line.
OWN_SEQUENCE = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\r?(\x1b\[1A)?\x1b\[2K")
ANNOTATION = re.compile(r"::(error|warning|notice) file=[^:]*::")


def every_field_map(text: str) -> str:
    """A map in which every string field holds ``text``: title, source, claim texts, notes,
    locators, tags, a waiver's reason, a scheme name and answered question ids, and one id with
    a workflow command inside."""
    q = json.dumps  # a JSON string is a YAML double-quoted scalar, escapes and all
    return "\n".join([
        "argmap: 1",
        f"title: {q(text)}",
        f"source: {{title: {q(text)}, author: {q(text)}, publisher: {q(text)}}}",
        "claims:",
        "  tram:",
        "    kind: thesis",
        f"    text: {q(text)}",
        f"    locator: {q(text)}",
        f"    tags: [{q(text)}]",
        f"    note: {q(text)}",
        "    cites: [src]",
        "  x::add-mask::secret:",
        f"    text: {q(text)}",
        "    supports: [tram]",
        f"    waive: {{orphan-claim: {q(text)}}}",
        "  plant:",
        "    kind: evidence",
        f"    text: {q(text)}",
        "  answer:",
        "    kind: evidence",
        f"    text: {q(text)}",
        f"    answers: {{closure: [CQ1, {q('CQ9 ' + text)}]}}",
        "  objection:",
        "    kind: objection",
        f"    text: {q(text)}",
        "    rebuts: [tram]",
        "arguments:",
        "  closure:",
        "    conclusion: tram",
        "    premises: [plant]",
        "    scheme: cause-to-effect",
        f"    locator: {q(text)}",
        f"    note: {q(text)}",
        "  odd:",
        "    conclusion: tram",
        "    premises: [answer]",
        f"    scheme: {q('scheme ' + text)}",
        "sources:",
        f"  src: {{title: {q(text)}, author: {q(text)}, publisher: {q(text)}, "
        f"locator: {q(text)}, note: {q(text)}}}",
    ]) + "\n"


@pytest.fixture
def terminal_maps(tmp_path: Path) -> dict[str, Path]:
    """The hostile map, its benign twin, a map that extends a hostile name, and a folder of two
    maps, one with a hostile file name."""
    paths = {"hostile": tmp_path / "hostile.yaml", "benign": tmp_path / "benign.yaml",
             "extends": tmp_path / "extends.yaml", "folder": tmp_path / "folder"}
    paths["hostile"].write_text(every_field_map(TERMINAL_HOSTILE), encoding="utf-8")
    paths["benign"].write_text(every_field_map("plain words"), encoding="utf-8")
    paths["extends"].write_text(f"argmap: 1\nextends: {json.dumps(TERMINAL_HOSTILE)}\n"
                                "claims:\n  a: {kind: thesis, text: x}\n", encoding="utf-8")
    paths["folder"].mkdir()
    (paths["folder"] / "a.yaml").write_text(every_field_map("plain"), encoding="utf-8")
    (paths["folder"] / "\x1b[2J\u202e\n::add-mask::name.yaml").write_text(
        every_field_map(TERMINAL_HOSTILE), encoding="utf-8")
    return paths


def commands(paths: dict[str, Path]) -> list[tuple[str, ...]]:
    """Every command that prints, on the hostile maps; errors included."""
    h, b = str(paths["hostile"]), str(paths["benign"])
    return [
        *(("check", h, "--format", fmt) for fmt in ("text", "json", "github", "sarif")),
        ("check", str(paths["folder"])), ("check", str(paths["extends"])),
        ("show", h), ("show", h, "--depth", "1"), ("show", str(paths["extends"])),
        ("evaluate", h), ("evaluate", h, "--format", "json"),
        ("evaluate", h, "--why", "x::add-mask::secret"),
        ("evaluate", h, "--semantics", "preferred"),
        ("evaluate", str(paths["folder"] / "\x1b]52;c;ZXZpbA==\x07missing.yaml")),
        ("diff", b, h), ("diff", h, b, "--format", "json"),
        ("stats", h), ("rules",), ("explain", "\x1b[2Jno-such-rule\u202e"),
    ]


def assert_shown_safely(shown: str, annotations: bool = False) -> None:
    """No attack sequence, no raw control or bidi character besides argmap's own sequences, and
    no line a GitHub Actions log would run as a workflow command (``annotations``: besides the
    github format's own)."""
    for attack in ATTACKS:
        assert attack not in shown, (attack, shown)
    rest = OWN_SEQUENCE.sub("", shown.replace("\r\n", "\n"))
    assert not RAW_CONTROL.search(rest), RAW_CONTROL.findall(rest)
    assert "##[" not in rest
    for line in rest.splitlines():
        if annotations and ANNOTATION.match(line):
            continue
        assert not line.lstrip().startswith("::"), line


def test_every_command_piped_shows_hostile_text_as_escapes(
        terminal_maps: dict[str, Path]) -> None:
    """Piped (as into a CI log), every command shows a map's controls as escapes and lets no
    line start a workflow command; JSON keeps the data exact."""
    runner = CliRunner()
    env = {"GITHUB_ACTIONS": None, "FORCE_COLOR": None, "COLUMNS": "80"}
    for args in commands(terminal_maps):
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), args
        assert_shown_safely(result.stdout, annotations="github" in args)
        assert_shown_safely(result.stderr)
    check = runner.invoke(app, ["check", str(terminal_maps["hostile"]), "--format", "text"],
                          env=env)
    assert r"answers CQ9 \x1b[2J\x1b[H\x1b]8;;https://evil.example/\x1b\click here" in check.stdout
    assert r"\u202eevil\u202c \u2066isolated\u2069 \u200f a b c \x01\x08\x7f \x9b2J" in check.stdout
    assert r"[bold red]markup[/bold red] \x3a:add-mask::secret" not in check.stdout  # mid-line
    assert "[bold red]markup[/bold red] ::add-mask::secret   ::stop-commands::token" \
        in check.stdout
    report = json.loads(runner.invoke(app, ["check", str(terminal_maps["hostile"]),
                                            "--format", "json"], env=env).stdout)
    assert any(TERMINAL_HOSTILE in finding["message"] for finding in report["findings"])


def test_hostile_text_changes_no_finding(terminal_maps: dict[str, Path]) -> None:
    """The hostile map has its benign twin's findings, rule for rule and position for position."""
    found = []
    for name in ("hostile", "benign"):
        report = json.loads(cli("check", str(terminal_maps[name]), "--format", "json").out)
        found.append([(f["rule"], f["line"], f["col"]) for f in report["findings"]])
    assert found[0] == found[1]
    assert {("open-critical-question", 19, 3), ("open-critical-question", 34, 3)} <= set(found[0])


def test_every_command_in_a_terminal_shows_hostile_text_as_escapes(
        terminal_maps: dict[str, Path]) -> None:
    """In a real terminal (rich layout, colours, a progress bar) only argmap's own sequences
    reach the screen, and markup in the text prints as written."""
    h = str(terminal_maps["hostile"])
    # The commands that print differently in a terminal; the others write the same lines.
    with_text = [("check", h), ("check", str(terminal_maps["folder"])), ("show", h),
                 ("evaluate", h)]
    run = [*with_text, ("evaluate", h, "--why", "x::add-mask::secret"),
           ("show", str(terminal_maps["extends"]))]
    for args, outcome in zip(run, in_terminals(*run), strict=True):
        assert outcome.code == (2 if args[1].endswith("extends.yaml") else 0), args
        assert "Traceback" not in outcome.out
        assert_shown_safely(outcome.out)
        if args in with_text:
            assert "red]markup[/bold" in OWN_SEQUENCE.sub("", outcome.out), args


def test_a_wrapped_line_cannot_start_a_workflow_command(tmp_path: Path) -> None:
    """Rich wraps a long text where it must; a piece that would begin a line with ``::`` is
    written ``\\x3a:``, piped and with colours forced as CI logs often are."""
    text = "word " * 15 + "::add-mask::wrapped"  # wraps after the 15th word at 80 columns
    path = tmp_path / "wrap.yaml"
    path.write_text("argmap: 1\nclaims:\n  tram: {kind: thesis, text: t}\n"
                    f"  p: {{text: {json.dumps(text)}, supports: [tram]}}\n", encoding="utf-8")
    for force_color in (None, "1"):
        result = CliRunner().invoke(app, ["show", str(path)],
                                    env={"COLUMNS": "80", "FORCE_COLOR": force_color})
        lines = OWN_SEQUENCE.sub("", result.stdout).splitlines()
        assert r"\x3a:add-mask::wrapped" in [line.strip() for line in lines]
        assert_shown_safely(result.stdout)


@needs_dot
def test_render_dot_to_stdout_sends_no_escape_sequence(terminal_maps: dict[str, Path]) -> None:
    """DOT on standard output carries no C0 or C1 control: they are drawn as U+FFFD."""
    outcome = cli("render", str(terminal_maps["hostile"]), "--format", "dot", "-o", "-")
    assert outcome.code == 0
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", outcome.out)


def test_a_console_that_cannot_encode_shows_escapes(terminal_maps: dict[str, Path]) -> None:
    """On a cp1252 console the outline's "⚠" (and any map text cp1252 lacks) is written as an
    escape; the command finishes."""
    done = subprocess.run([sys.executable, "-m", "argmap", "show", str(terminal_maps["hostile"])],
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert (done.returncode, done.stderr) == (0, b"")
    assert rb"\u26a0 open-critical-question" in done.stdout


def test_sarif_names_a_file_that_is_not_utf8_by_its_bytes(tmp_path: Path) -> None:
    """A file name with bytes that are not UTF-8 (and an ESC) is a percent-encoded URI."""
    name = os.fsdecode(b"\xff\x1b.yaml")
    (tmp_path / name).write_text("argmap: 1\nclaims:\n  a: {kind: thesis, text: x}\n",
                                 encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = CliRunner().invoke(app, ["check", ".", "--format", "sarif"],
                                    catch_exceptions=False)
    assert result.exit_code == 1
    [run] = json.loads(result.stdout)["runs"]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "%FF%1B.yaml", "uriBaseId": "%SRCROOT%"}


def test_json_and_aif_exports_print_controls_as_json_escapes(
        terminal_maps: dict[str, Path]) -> None:
    """Exported to a terminal, JSON and AIF show no raw control; the decoded data is exact."""
    runner = CliRunner()
    for target in ("json", "aif"):
        result = runner.invoke(app, ["export", str(terminal_maps["hostile"]), "--to", target],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert_shown_safely(result.stdout)
        assert any(TERMINAL_HOSTILE in text for text in _strings(json.loads(result.stdout)))


def _strings(value: object) -> list[str]:
    """Every string in a decoded JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_render_dot_shows_bidi_controls_as_escapes(tmp_path: Path) -> None:
    """DOT printed to a terminal (or drawn in SVG) never reorders text with bidi controls."""
    path = tmp_path / "bidi.yaml"
    path.write_text(every_field_map("abc \u202e evil \u2066 x \u2028 y"), encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(path), "-f", "dot", "-o", "-"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u2028\u2029]", result.stdout)
    assert "abc \\\\u202e evil \\\\u2066 x" in result.stdout  # HTML label: \\ is shown as \
