"""The rich terminal layout of findings: grouped by file, coloured by severity, with a summary."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from argmap.findings import CheckReport
from argmap.reporters.text import summary_line
from argmap.safe_text import visible

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_report(report: CheckReport, console: Console) -> None:
    """Print findings as tables per file; every user string goes in as plain Text,
    its controls made visible."""
    for path, group in groupby(report.findings, key=lambda f: f.path):
        table = Table(title=Text(visible(path), style="bold underline"), title_justify="left",
                      show_header=False, box=None, pad_edge=False, expand=False)
        table.add_column("where", style="dim", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule", style="magenta", no_wrap=True)
        table.add_column("message", overflow="fold")
        for finding in group:
            table.add_row(
                Text(f"{finding.line}:{finding.col}"),
                Text(finding.severity.value, style=SEVERITY_STYLE[finding.severity.value]),
                Text(finding.rule),
                Text(visible(finding.message)),
            )
        console.print(table)
        console.print()
    counts = report.counts()
    style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "green"
    console.print(Text(summary_line(report), style=style))
