"""The verdict where people read it: `check` in a terminal and in JSON, `show`, `report`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from argmap.checking import check_paths
from argmap.cli.app import app
from argmap.drawing import build_report
from argmap.reporters.terminal import print_report

runner = CliRunner()
MAPS = Path(__file__).resolve().parents[1] / "arguments" / "indonesia-korea"
PAPER, REVIEW = MAPS / "paper.yaml", MAPS / "review.yaml"
CONCLUSIONS = ["uniquely-qualified", "rec-diplomacy", "rec-economy", "rec-peacekeeping",
               "rec-humanitarian"]

# The thesis stands on 'p' alone, through the reconstructed premise 'link'; 'aside', earlier in
# the file, bears on nothing; the recommendation has no reason at all.
SMALL = """\
argmap: 1
claims:
  aside:
    text: The old depot could become a museum.
  t:
    kind: thesis
    text: The tram should be built.
  r:
    kind: recommendation
    text: The city should tender the line this year.
  p:
    text: Traffic is at capacity.
    factual: true
  link:
    kind: assumption
    implicit: true
    text: A line at capacity needs a tram.
  c:
    text: Everyone on the axis knows it is jammed.
    common-ground: true
    supports: [p]
arguments:
  need:
    conclusion: t
    premises: [p, link]
"""


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", [PAPER, REVIEW], ids=["paper", "review"])
def test_json_lists_each_conclusion_with_the_status_evaluate_gives(path: Path) -> None:
    document = _json(str(path))
    labels = json.loads(runner.invoke(app, ["evaluate", str(path), "--format", "json"])
                        .stdout)["labels"]
    conclusions = document["conclusions"]
    assert [c["id"] for c in conclusions] == CONCLUSIONS
    assert {c["id"]: c["status"] for c in conclusions} == {c: labels[c] for c in CONCLUSIONS}
    assert {c["path"] for c in conclusions} == {str(path)}
    assert all(set(c) == {"path", "id", "kind", "status", "reason", "strands", "load_bearing"}
               for c in conclusions)
    assert labels["uniquely-qualified"] == "in"
    assert all(labels[c] == "out" for c in CONCLUSIONS[1:])
    # Every finding says what it bears on; the order puts load-bearing ones first, then by reach.
    impacts = [f["impact"] for f in document["findings"]]
    assert impacts and all(set(i) == {"conclusions", "load_bearing"} for i in impacts)
    keys = [(not i["load_bearing"], -len(i["conclusions"])) for i in impacts]
    assert keys == sorted(keys)


def test_the_review_hangs_the_thesis_on_a_reconstructed_premise() -> None:
    document = _json(str(REVIEW))
    thesis = document["conclusions"][0]
    assert "peacekeeping-transfers" in thesis["load_bearing"]
    first = document["findings"][0]
    assert (first["rule"], first["claim"]) == ("load-bearing-assumption",
                                               "peacekeeping-transfers")
    assert first["impact"]["load_bearing"] is True


def test_several_files_give_conclusions_per_file(write_map) -> None:  # type: ignore[no-untyped-def]
    one = write_map(SMALL, "one.yaml")
    two = write_map("argmap: 1\nclaims:\n  t2:\n    kind: thesis\n    text: T.\n", "two.yaml")
    document = _json(str(one), str(two))
    assert [(c["path"], c["id"], c["status"]) for c in document["conclusions"]] == [
        (str(one), "t", "in"), (str(one), "r", "out"), (str(two), "t2", "out")]


def _terminal(path: Path, width: int = 120) -> list[str]:
    console = Console(record=True, width=width, force_terminal=True, color_system="truecolor")
    print_report(check_paths([str(path)]), console)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_the_terminal_opens_with_the_verdict(write_map) -> None:  # type: ignore[no-untyped-def]
    lines = _terminal(write_map(SMALL), width=100)
    assert lines[0].startswith("Verdict · ")
    assert lines[1].split() == ["✔", "stands", "t", "supported", "by", "need,", "which", "is",
                                "in"]
    assert lines[2].split() == ["thesis", "hangs", "on:", "link", "(reconstructed),", "c,", "p"]
    falls = next(line for line in lines if line.startswith("✘ falls"))
    assert falls.split()[2] == "r"
    findings = lines.index("Findings, most consequential first")
    assert findings < len(lines) - 1
    # the reconstructed premise the thesis hangs on comes first, the unrelated claim last
    assert "load-bearing-assumption" in " ".join(lines[findings + 1:findings + 5])
    assert lines[findings + 1].split()[2] == "load-bearing"
    assert "'aside'" in lines[-4]
    assert lines[-1].endswith("claims checked)")
    assert all(len(line) <= 100 for line in lines)


def test_the_first_screen_of_the_review_says_what_stands_and_what_decides_it() -> None:
    screen = "\n".join(_terminal(REVIEW)[:25])
    assert re.search(r"✔ stands\s+uniquely-qualified", screen)
    for recommendation in CONCLUSIONS[1:]:
        assert re.search(rf"✘ falls\s+{recommendation}", screen), recommendation
    assert "peacekeeping-transfers (reconstructed)" in screen
    assert "load-bearing-assumption" in screen


def test_piped_check_prints_findings_only() -> None:
    out = runner.invoke(app, ["check", str(REVIEW)]).stdout
    assert all(re.match(r"\S+:\d+:\d+: [a-z-]+ (error|warning|info) ", line)
               for line in out.splitlines())


def test_show_marks_load_bearing_claims(write_map) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["show", str(write_map(SMALL))], env={"COLUMNS": "120"})
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "    ├── p · premise [in] load-bearing for t ⚠ missing-evidence" in lines
    assert ("    └── link · implicit assumption [in] load-bearing for t ⚠ "
            "load-bearing-assumption") in lines
    assert not any("aside" in line and "load-bearing" in line for line in lines)


def test_report_opens_with_the_verdict_and_numbers_findings_as_check_orders_them(
        write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(SMALL)
    page = build_report(str(path))
    sections = re.findall(r'<section id="([a-z]+)">', page)
    assert sections[:3] == ["verdict", "summary", "diagram"]
    verdict = page.split('<section id="verdict">', 1)[1].split("</section>", 1)[0]
    assert "<th>conclusion</th><th>status</th><th>reason</th><th>hangs on</th>" in verdict
    assert "✔ stands" in verdict and "✘ falls" in verdict
    assert 'link</a> <span class="recon">(reconstructed)</span>' in verdict
    rows = re.findall(r'<tr id="f-(\d+)"[^>]*><td class="num">(\d+)</td>.*?'
                      r'<td class="rule"><code>([a-z-]+)</code>', page)
    checked = [f["rule"] for f in _json(str(path))["findings"]]
    assert [rule for _, _, rule in rows] == checked
    assert all(anchor == number for anchor, number, _ in rows)


def test_render_numbers_badges_in_check_order(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_map(SMALL)
    out = tmp_path / "small.dot"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    dot = out.read_text(encoding="utf-8")
    checked = _json(str(path))["findings"]

    def badge(node: str) -> str:
        match = re.search(rf"\n\t{node} \[label=<.*?<B>\S+ ([0-9, +–]+)</B>", dot)
        assert match, node
        return match.group(1)

    numbers: dict[str, list[str]] = {}
    for number, finding in enumerate(checked, 1):
        numbers.setdefault(finding["claim"], []).append(str(number))
    # by impact: the gaps the thesis hangs on first, the unrelated claim last
    assert numbers == {"p": ["1"], "link": ["2"], "r": ["3"], "aside": ["4", "5"]}
    assert [badge(node) for node in ("p", "link", "r", "aside")] == ["1", "2", "3", "4, 5"]
