"""Reporters: each formats a `CheckReport` and nothing else."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from argmap import __version__
from argmap.findings import Finding, Severity

REPORT_VERSION = 1


@dataclass(frozen=True)
class CheckReport:
    """What one `argmap check` run found across its files."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    claims_checked: int

    def counts(self) -> dict[str, int]:
        """Findings per severity, every severity present."""
        counted = Counter(f.severity.value for f in self.findings)
        return {s.value: counted.get(s.value, 0) for s in Severity}


def format_line(finding: Finding) -> str:
    """The one-line form: ``path:line:col: rule-id severity message``."""
    return (f"{finding.path}:{finding.line}:{finding.col}: {finding.rule} "
            f"{finding.severity.value} {finding.message}")


def report_lines(report: CheckReport) -> str:
    """One finding per line, unwrapped, for pipes and editors."""
    # format_line's f-string written out: one call fewer per finding, on maps with thousands.
    severity = {s: s.value for s in Severity}
    return "".join([f"{f.path}:{f.line}:{f.col}: {f.rule} {severity[f.severity]} {f.message}\n"
                    for f in report.findings])


def report_json(report: CheckReport) -> str:
    """The documented, stable JSON object (docs/cli.md)."""
    document = {
        "version": REPORT_VERSION,
        "tool": {"name": "argmap", "version": __version__},
        "summary": {**report.counts(), "files": len(report.files),
                    "claims": report.claims_checked},
        "files": list(report.files),
        "findings": [f.to_dict() for f in report.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def summary_line(report: CheckReport) -> str:
    """``2 errors, 1 warning, 0 info in 3 files (40 claims checked)``."""
    counts = report.counts()
    parts = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning"),
             f"{counts['info']} info"]
    files = _plural(len(report.files), "file")
    return f"{', '.join(parts)} in {files} ({report.claims_checked} claims checked)"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_github_data(text: str) -> str:
    """Escape a workflow command's message as @actions/core does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape a workflow command's property value: as data, plus ``:`` and ``,``."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: one ``::error file=…,line=…::message`` per finding."""
    lines = []
    for f in report.findings:
        properties = ",".join(
            f"{name}={escape_github_property(value)}"
            for name, value in (("file", _workspace_path(f.path)), ("line", str(f.line)),
                                ("col", str(f.col)),
                                ("title", f"argmap {f.rule}"))
        )
        lines.append(f"::{_GITHUB_COMMAND[f.severity]} {properties}::"
                     f"{escape_github_data(f.message)}\n")
    return "".join(lines)


def _workspace_path(path: str) -> str:
    # Annotations name files relative to the repository root, where workflows run argmap.
    if not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def report_sarif(report: CheckReport) -> str:
    """SARIF 2.1.0 (argmap/reporters/sarif.py, imported only when asked for: it needs hashlib)."""
    from argmap.reporters.sarif import report_sarif as sarif

    return sarif(report)


# --format choice -> formatter returning the whole text; "text" and "auto" are special-cased by
# the CLI, which uses the rich layout in a terminal and report_lines when piped ("auto" picks
# "github" under GitHub Actions).
REPORTER_BY_NAME: dict[str, Callable[[CheckReport], str]] = {
    "text": report_lines,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
