"""The GitHub Actions reporter: one workflow command per finding, shown as an annotation."""

from __future__ import annotations

import os

from argmap.findings import CheckReport, Finding, Severity
from argmap.reporters.text import impact_note

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_github_data(text: str) -> str:
    """Escape a workflow command's message as @actions/core does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape a workflow command's property value: as data, plus ``:`` and ``,``."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(report: CheckReport) -> str:
    """``::error file=…,line=…,col=…,title=…::message (impact)``, one line per finding."""
    return "".join(_command(finding) for finding in report.findings)


def _command(finding: Finding) -> str:
    properties = {
        "file": _workspace_path(finding.path),
        "line": str(finding.line),
        "col": str(finding.col),
        "title": f"argmap {finding.rule}",
    }
    written = ",".join(f"{name}={escape_github_property(value)}"
                       for name, value in properties.items())
    note = impact_note(finding.impact)
    message = f"{finding.message} ({note})" if note else finding.message
    return f"::{_COMMAND[finding.severity]} {written}::{escape_github_data(message)}\n"


def _workspace_path(path: str) -> str:
    # Annotations name files relative to the repository root, where workflows run argmap.
    if not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative
