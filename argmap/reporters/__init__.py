"""Reporters: each turns a `CheckReport` into the text of one `check --format` choice."""

from __future__ import annotations

from collections.abc import Callable

from argmap.findings import CheckReport
from argmap.reporters.github import report_github
from argmap.reporters.json import report_json
from argmap.reporters.text import report_lines


def report_sarif(report: CheckReport) -> str:
    """SARIF 2.1.0, from argmap/reporters/sarif.py."""
    # Imported when asked for: its hashlib would add about 3 ms to every other format.
    from argmap.reporters.sarif import report_sarif as sarif

    return sarif(report)


# `check --format` choice -> reporter. The CLI resolves "auto" to one of these, and prints
# "text" in a terminal with the rich layout of argmap/reporters/terminal.py instead.
REPORTER_BY_NAME: dict[str, Callable[[CheckReport], str]] = {
    "text": report_lines,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
