"""`argmap render` on the command line: formats, stdout, missing Graphviz, time limits, safety."""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from render_support import SVG, TRAM, need_dot, svg_groups
from typer.testing import CliRunner

from argmap.cli.app import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tram(write_map) -> Path:  # type: ignore[no-untyped-def]
    return write_map(TRAM, "tram.yaml")  # type: ignore[no-any-return]


def fake_dot(directory: Path, script: str) -> None:
    """Put a `dot` that runs ``script`` (POSIX sh) first on PATH."""
    directory.mkdir(exist_ok=True)
    dot = directory / "dot"
    dot.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    dot.chmod(0o755)


def test_renders_svg_with_claim_ids(tram: Path, tmp_path: Path) -> None:
    need_dot()
    out = tmp_path / "tram.svg"
    code, stdout, stderr = run(str(tram), "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    ids = svg_groups(ET.parse(out).getroot())
    assert {"claim-tram", "claim-congestion", "argument-relief", "source-count2023"} <= set(ids)


@pytest.mark.parametrize(("suffix", "magic"), [
    (".png", b"\x89PNG\r\n\x1a\n"), (".pdf", b"%PDF"), (".svg", b"<?xml"), (".dot", b"digraph"),
    (".gv", b"digraph"),
])
def test_format_follows_the_output_suffix(tram: Path, tmp_path: Path, suffix: str,
                                          magic: bytes) -> None:
    if suffix not in (".dot", ".gv"):
        need_dot()
    out = tmp_path / f"tram{suffix}"
    assert run(str(tram), "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(magic)


def test_format_option_overrides_the_suffix(tram: Path, tmp_path: Path) -> None:
    out = tmp_path / "diagram.txt"
    assert run(str(tram), "-o", str(out), "--format", "dot")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("digraph argmap {")


def test_unknown_suffix_is_a_usage_error(tram: Path, tmp_path: Path) -> None:
    code, _, stderr = run(str(tram), "-o", str(tmp_path / "tram.jpg"))
    assert code == 2
    assert stderr.count("\n") == 1 and "--format" in stderr


def test_dash_writes_to_stdout(tram: Path) -> None:
    code, stdout, _ = run(str(tram), "-o", "-", "--format", "dot")
    assert code == 0
    assert stdout.startswith("digraph argmap {") and 'id="claim-tram"' in stdout
    need_dot()
    code, stdout, _ = run(str(tram), "-o", "-")
    assert code == 0
    assert svg_groups(ET.fromstring(stdout))["claim-tram"].find(f"{SVG}title") is not None


def test_dot_format_needs_no_graphviz(tram: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "tram.dot"
    assert run(str(tram), "-o", str(out))[0] == 0
    assert "claim-tram" in out.read_text(encoding="utf-8")


def test_missing_dot_is_one_line_saying_how_to_install(tram: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "tram.svg"
    code, stdout, stderr = run(str(tram), "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1
    for hint in ("apt-get install graphviz", "brew install graphviz", "graphviz.org",
                 "--format dot"):
        assert hint in stderr
    assert not out.exists()


@pytest.mark.parametrize("spelling", ["same", "dotted", "extended"])
def test_output_onto_an_input_map_is_refused(tmp_path: Path, spelling: str) -> None:
    paper = tmp_path / "paper.yaml"
    paper.write_text(TRAM, encoding="utf-8")
    review = tmp_path / "review.yaml"
    review.write_text("argmap: 1\nextends: paper.yaml\nclaims:\n  x:\n    text: X\n"
                      "    rebuts: [tram]\n", encoding="utf-8")
    target = {"same": str(review), "dotted": str(tmp_path / "sub" / ".." / "review.yaml"),
              "extended": str(paper)}[spelling]
    (tmp_path / "sub").mkdir()
    before = (paper.read_bytes(), review.read_bytes())
    code, _, stderr = run(str(review), "-o", target, "--format", "dot")
    assert code == 2
    assert "refusing to overwrite" in stderr and stderr.count("\n") == 1
    assert (paper.read_bytes(), review.read_bytes()) == before


def test_a_failing_dot_leaves_no_partial_file(tram: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    fake_dot(bin_dir, 'printf "<svg><g>half"\necho "Error: something broke" >&2\nexit 1')
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "tram.svg"
    out.write_text("the previous diagram", encoding="utf-8")
    code, _, stderr = run(str(tram), "-o", str(out))
    assert code == 2
    assert stderr == "argmap: error: Graphviz (dot) failed: Error: something broke\n"
    assert out.read_text(encoding="utf-8") == "the previous diagram"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "tram.svg", "tram.yaml"]


def test_time_limit_names_the_way_out(tram: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    fake_dot(bin_dir, "exec /bin/sleep 20")
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "tram.svg"
    started = time.monotonic()
    code, _, stderr = run(str(tram), "-o", str(out), "--engine", "dot", "--timeout", "0.5")
    assert time.monotonic() - started < 10
    assert code == 2
    assert stderr.count("\n") == 1
    assert "within 0.5 s" in stderr
    assert "--focus ID --depth N" in stderr and "--engine sfdp" in stderr
    assert not out.exists()


def test_dot_running_out_of_time_falls_back_to_sfdp_and_says_so(
        tram: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    fake_dot(bin_dir, 'if [ "$1" = "-Kdot" ]; then exec /bin/sleep 20; fi\n'
                      'printf \'<svg xmlns="http://www.w3.org/2000/svg"/>\'')
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "tram.svg"
    code, _, stderr = run(str(tram), "-o", str(out), "--timeout", "0.5")
    assert code == 0
    assert "sfdp" in stderr and stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8").startswith("<svg")


def test_unknown_focus_is_one_line_with_a_suggestion(tram: Path, tmp_path: Path) -> None:
    code, _, stderr = run(str(tram), "-o", str(tmp_path / "x.dot"), "--focus", "tarm")
    assert code == 2
    assert stderr == "argmap: error: --focus: no claim or argument 'tarm' in the map; " \
                     "did you mean 'tram'?\n"


def test_options_reach_the_drawing(tram: Path) -> None:
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot", "--rankdir", "TB", "--no-legend",
                          "--no-findings", "--cluster", "tag", "--focus", "tram",
                          "--depth", "1", "--no-sources", "--wrap", "20")
    assert code == 0
    assert "rankdir=TB" in stdout and "cluster_legend" not in stdout
    assert "\u26a0" not in stdout and "subgraph cluster_" in stdout
    assert '"count-2023"' not in stdout and "source count2023" not in stdout


def test_a_bad_map_is_one_line_with_its_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nclaims:\n  a:\n    txt: typo\n", encoding="utf-8")
    code, _, stderr = run(str(bad), "-o", str(tmp_path / "x.svg"))
    assert code == 2
    assert stderr.startswith(f"argmap: error: {bad}:4:") and stderr.count("\n") == 1


def big_map(claims: int) -> str:
    """A support tree with an objection in every ten claims."""
    lines = ["argmap: 1", "title: Generated", "claims:", "  c0:", "    kind: thesis",
             "    text: The generated thesis that everything else supports."]
    for i in range(1, claims):
        parent = (i - 1) // 3
        if i % 10 == 0:
            lines += [f"  c{i}:", "    kind: objection",
                      f"    text: Objection number {i} to claim {parent}, worded at some length.",
                      f"    rebuts: [c{parent}]"]
        else:
            kind = "evidence" if i > claims // 2 else "premise"
            lines += [f"  c{i}:", f"    kind: {kind}",
                      f"    text: Claim number {i} gives a reason for claim {parent}.",
                      f"    supports: [c{parent}]"]
    return "\n".join(lines) + "\n"


def test_a_thousand_claims_render_to_svg(tmp_path: Path) -> None:
    need_dot()
    source = tmp_path / "big.yaml"
    source.write_text(big_map(1000), encoding="utf-8")
    out = tmp_path / "big.svg"
    code, _, stderr = run(str(source), "-o", str(out), "--timeout", "120")
    assert (code, stderr) == (0, "")
    ids = svg_groups(ET.parse(out).getroot())
    assert {f"claim-c{i}" for i in range(1000)} <= set(ids)
    assert os.path.getsize(out) > 100_000


def test_findings_follow_the_maps_configuration(tram: Path) -> None:
    (tram.parent / ".argmap.yaml").write_text("ignore: [unsupported-claim]\n", encoding="utf-8")
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot")
    assert code == 0
    assert "unsupported-claim" not in stdout
    assert "unanswered-objection" in stdout  # the rules it does not ignore still show


def test_when_sfdp_runs_out_of_time_too_only_focus_and_time_remain(
        tram: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    fake_dot(bin_dir, "exec /bin/sleep 20")
    monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "tram.svg"
    code, _, stderr = run(str(tram), "-o", str(out), "--timeout", "0.3")
    assert code == 2
    announced, error = stderr.splitlines()
    assert "laying them out with sfdp" in announced
    assert error.startswith("argmap: error: neither dot nor sfdp laid out 8 claims within 0.3 s")
    assert "--focus ID --depth N" in error and "--engine" not in error
    assert not out.exists()


def test_status_marks_each_claim_with_its_acceptance_label(tram: Path) -> None:
    from argmap.evaluate import evaluate
    from argmap.load.loader import load_map

    labels = evaluate(load_map(tram)).labels
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot", "--status", "grounded")
    assert code == 0
    markers = {"in": "\u2713", "out": "\u2717", "undecided": "?"}
    for claim, label in labels.items():
        if claim in ("tram", "funds", "cost-overrun", "count-2023"):
            line = next(x for x in stdout.splitlines() if f'id="claim-{claim}"' in x)
            assert f"<B>{markers[str(label)]}</B>" in line, (claim, label)
    assert "legend status" in stdout
    assert "legend status" not in run(str(tram), "-o", "-", "-f", "dot")[1]


def test_unknown_status_semantics_is_one_line(tram: Path) -> None:
    code, _, stderr = run(str(tram), "-o", "-", "-f", "dot", "--status", "complete")
    assert code == 2
    assert "unknown semantics 'complete'" in stderr and stderr.count("\n") == 1


def test_findings_are_numbered_and_listed_unless_asked_not_to(tram: Path) -> None:
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot")
    assert code == 0
    assert "<B>Findings</B>" in stdout and "severity-warning" in stdout
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot", "--no-findings-list")
    assert code == 0
    assert "<B>Findings</B>" not in stdout and "severity-warning" in stdout


def test_highlight_draws_a_conclusions_strands(tram: Path) -> None:
    code, stdout, _ = run(str(tram), "-o", "-", "-f", "dot", "--highlight", "tram")
    assert code == 0
    line = next(x for x in stdout.splitlines() if 'id="claim-congestion"' in x)
    assert 'class="strand load-bearing"' in line  # the one strand that stands runs through it
    line = next(x for x in stdout.splitlines() if 'id="claim-funds"' in x)
    assert 'class=faded' in line


@pytest.mark.parametrize(("wanted", "error"), [
    ("congestion", "argmap: error: --highlight: 'congestion' is a premise, not a conclusion "
                   "(a thesis or recommendation); its conclusions are 'tram', 'build-now'\n"),
    ("trma", "argmap: error: --highlight: no conclusion 'trma' in the map; did you mean "
             "'tram'?\n"),
])
def test_highlighting_what_is_no_conclusion_is_one_line(tram: Path, wanted: str,
                                                        error: str) -> None:
    code, _, stderr = run(str(tram), "-o", "-", "-f", "dot", "--highlight", wanted)
    assert (code, stderr) == (2, error)
