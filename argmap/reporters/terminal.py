"""The rich terminal layout: the verdict on each conclusion, the findings by impact, a summary."""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from argmap.findings import CheckReport, Finding, ReportedConclusion
from argmap.reporters.text import summary_line

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# status -> (mark, word, style)
VERDICT_MARK = {
    "in": ("✔", "stands", "bold green"),
    "out": ("✘", "falls", "bold red"),
    "undecided": ("?", "undecided", "bold yellow"),
}


def print_report(report: CheckReport, console: Console) -> None:
    """Print the verdict, then the findings, then the summary; every user string goes in as
    plain Text."""
    for path, group in groupby(report.conclusions, key=lambda c: c.path):
        console.print(_verdict_table(path, list(group)))
        console.print()
    if report.findings:
        console.print(_findings_table(report.findings))
        console.print()
    counts = report.counts()
    style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "green"
    console.print(Text(summary_line(report), style=style))


def _verdict_table(path: str, conclusions: Sequence[ReportedConclusion]) -> Table:
    table = Table(title=Text(f"Verdict · {path}", style="bold underline"), title_justify="left",
                  show_header=False, box=None, pad_edge=False, expand=False)
    table.add_column("status", no_wrap=True)
    table.add_column("conclusion", no_wrap=True)
    table.add_column("why", overflow="fold")
    for reported in conclusions:
        conclusion = reported.conclusion
        mark, word, style = VERDICT_MARK[conclusion.status]
        why = Text(conclusion.reason)
        if reported.hangs_on:
            why.append("\nhangs on: ", style="bold")
            for number, node in enumerate(reported.hangs_on):
                why.append(", " if number else "")
                why.append(node, style="bold" if node in reported.reconstructed else "")
                if node in reported.reconstructed:
                    why.append(" (reconstructed)", style="magenta")
        label = Text(conclusion.id, style="bold")
        label.append(f"\n{conclusion.kind}", style="dim")
        table.add_row(Text(f"{mark} {word}", style=style), label, why)
    return table


def _findings_table(findings: Sequence[Finding]) -> Table:
    table = Table(title=Text("Findings, most consequential first", style="bold underline"),
                  title_justify="left", show_header=False, box=None, pad_edge=False,
                  expand=False)
    table.add_column("where", style="dim", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("impact", no_wrap=True)
    table.add_column("message", overflow="fold")
    short = _short_paths(findings)
    for finding in findings:
        message = Text(finding.message)
        message.append(f" {finding.rule}", style="magenta")
        table.add_row(
            Text(f"{short[finding.path]}:{finding.line}:{finding.col}"),
            Text(finding.severity.value, style=SEVERITY_STYLE[finding.severity.value]),
            _impact(finding),
            message,
        )
    return table


def _impact(finding: Finding) -> Text:
    impact = finding.impact
    if impact.load_bearing:
        return Text("load-bearing", style="bold")
    count = len(impact.conclusions)
    return Text(f"{count} conclusion{'s' if count != 1 else ''}" if count else "")


def _short_paths(findings: Sequence[Finding]) -> dict[str, str]:
    """Each path as its file name when that names one file only, else in full."""
    paths = {finding.path for finding in findings}
    names = [os.path.basename(path) for path in paths]
    return {path: os.path.basename(path) if names.count(os.path.basename(path)) == 1 else path
            for path in paths}
