"""The README's tour shows what the commands really print on the shipped map."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
PAPER = "arguments/indonesia-korea/paper.yaml"


def _output_after(command: str) -> list[str]:
    """The sample lines printed under ``$ .venv/bin/argmap COMMAND`` up to the next `…`."""
    block = README.split(f"$ .venv/bin/argmap {command}\n", 1)[1]
    return block.split("\n…\n", 1)[0].splitlines()


def test_check_sample_is_what_check_prints_in_a_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each run of sample lines between `…` is printed, in that order, by the terminal layout
    at 100 columns (the verdict first, then the findings by impact)."""
    import io

    from rich.console import Console

    from argmap.checking import check_paths
    from argmap.reporters.terminal import print_report

    monkeypatch.chdir(REPO)
    block = README.split(f"$ .venv/bin/argmap check {PAPER}\n", 1)[1].split("\n$ ", 1)[0]
    runs = [run.splitlines() for run in block.split("…") if run.strip()]
    assert len(runs) == 2
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    print_report(check_paths([PAPER]), console)
    printed = [line.rstrip() for line in console.export_text().splitlines()]
    start = 0
    for run in runs:
        run = [line for line in run if line]
        found = next(i for i in range(start, len(printed))
                     if printed[i:i + len(run)] == run)  # StopIteration: not printed
        start = found + len(run)


def test_show_sample_is_what_show_prints(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    sample = _output_after(f"show {PAPER} --depth 1")
    printed = CliRunner().invoke(app, ["show", PAPER, "--depth", "1"]).stdout
    assert [line.rstrip() for line in printed.splitlines()][:len(sample)] == sample


def test_set_up_is_the_two_make_targets_and_ci_runs_the_test_one() -> None:
    setup = README.split("## Set-up on a fresh machine", 1)[1].split("```console\n", 1)[1]
    commands = [line.split("#")[0].strip() for line in setup.split("```", 1)[0].splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)
