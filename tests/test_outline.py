"""`argmap show`: the outline from each conclusion down, in 80 columns, cycles and depth handled."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.load.loader import load_text
from argmap.outline import print_outline

runner = CliRunner()

MAP = """\
argmap: 1
title: The tram
claims:
  tram:
    kind: thesis
    text: The city should build the tram line along the east-west axis this decade.
    locator: ¶1
  congestion:
    text: The axis is congested.
    supports: [tram]
    cites: [count]
  relieves:
    kind: assumption
    text: Trams relieve congestion.
  cost:
    kind: objection
    text: "[bold]Costs[/bold] overrun."
    rebuts: [tram]
  fixed:
    text: The grant is fixed.
    undercuts: [relief]
  loop-a:
    text: A.
    supports: [loop-b]
  loop-b:
    text: B.
    supports: [loop-a]
arguments:
  relief:
    conclusion: tram
    premises: [congestion, relieves]
    scheme: practical-reasoning
sources:
  count:
    title: Count
"""


def show(path: Path, *args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["show", str(path), *args], env={"COLUMNS": "80"})
    return result.exit_code, [line.rstrip() for line in result.stdout.splitlines()]


def test_outline_from_the_thesis_down(write_map) -> None:  # type: ignore[no-untyped-def]
    code, lines = show(write_map(MAP))
    assert code == 0
    assert lines == [
        "The tram",
        "tram · thesis · ¶1 [in]",
        "The city should build the tram line along the east-west axis this decade.",
        # Both strands into the thesis use 'congestion': it would fall without it.
        "├── pro congestion · premise [in] load-bearing for tram",
        "│   The axis is congested.",
        "├── pro relief · linked argument (practical-reasoning) [in] ⚠",
        "│   open-critical-question",
        "│   ├── congestion (shown above)",
        "│   ├── relieves · assumption [in]",
        "│   │   Trams relieve congestion.",
        "│   └── undercut fixed · premise [out] ⚠ unsupported-claim ⚠",
        "│       unanswered-objection",
        "│       The grant is fixed.",
        "└── con cost · objection [out] ⚠ unsupported-claim ⚠ unanswered-objection",
        "    [bold]Costs[/bold] overrun.",
        "not connected to a conclusion",
        "└── loop-a · premise [undecided] ⚠ circular-support ⚠ orphan-claim",
        "    A.",
        "    └── pro loop-b · premise [undecided] ⚠ orphan-claim",
        "        B.",
        "        └── pro loop-a (shown above)",
    ]


def test_depth_limits_the_levels_shown(write_map) -> None:  # type: ignore[no-untyped-def]
    code, lines = show(write_map(MAP), "--depth", "0")
    assert code == 0
    assert lines[:4] == ["The tram", "tram · thesis · ¶1 [in]",
                         "The city should build the tram line along the east-west axis this "
                         "decade.", "└── … 3 more below (raise --depth)"]
    assert not any("congestion" in line for line in lines)
    assert show(write_map(MAP), "--depth", "-1")[0] == 2


def test_long_texts_wrap_within_80_columns_and_markup_stays_literal() -> None:
    amap = load_text(MAP.replace("The axis is congested.",
                                 "'" + "[link=javascript:x]word[/link] " * 30 + "'")
                     .replace("title: The tram", "title: '[red]T[/red]'"), "m.yaml")
    console = Console(record=True, width=80, force_terminal=True, color_system="truecolor")
    print_outline(amap, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.startswith("[red]T[/red]\n")
    assert text.count("[link=javascript:x]word[/link]") >= 20
    assert "\x1b]8;" not in console.export_text(styles=True)  # no hyperlink escape was made


def test_a_map_without_conclusions_starts_from_its_top_claims(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map("argmap: 1\nclaims:\n  a:\n    text: A.\n  b:\n    kind: evidence\n"
                     "    text: B.\n    supports: [a]\n")
    code, lines = show(path)
    assert code == 0
    assert lines == ["a · premise [in] ⚠ orphan-claim", "A.", "└── pro b · evidence [in]", "    B."]
