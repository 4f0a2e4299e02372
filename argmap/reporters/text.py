"""The plain-text reporter: one finding per line, and the one-line summary of a check."""

from __future__ import annotations

from argmap.findings import CheckReport, Finding
from argmap.safe_text import visible
from argmap.semantics.verdict import Impact


def format_line(finding: Finding) -> str:
    """The one-line form: ``path:line:col: rule-id severity message``."""
    return (f"{visible(finding.path)}:{finding.line}:{finding.col}: {finding.rule} "
            f"{finding.severity.value} {visible(finding.message)}")


def report_lines(report: CheckReport) -> str:
    """One finding per line, unwrapped, for pipes and editors."""
    return "".join(format_line(finding) + "\n" for finding in report.findings)


def summary_line(report: CheckReport) -> str:
    """``2 errors, 1 warning, 0 info in 3 files (40 claims checked)``."""
    counts = report.counts()
    parts = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning"),
             f"{counts['info']} info"]
    files = _plural(len(report.files), "file")
    skipped = f"; {skipped_note(report)}" if report.skipped else ""
    return f"{', '.join(parts)} in {files} ({report.claims_checked} claims checked{skipped})"


def skipped_note(report: CheckReport) -> str:
    """``2 YAML files skipped as not maps``: what a scan passed over."""
    if report.skipped == 1:
        return "1 YAML file skipped as not a map"
    return f"{report.skipped} YAML files skipped as not maps"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def impact_note(impact: Impact) -> str:
    """``bears on t; load-bearing`` (the conclusions named when one or two, else counted), or
    "" when the subject bears on none."""
    count = len(impact.conclusions)
    if not count:
        return ""
    named = ", ".join(impact.conclusions) if count <= 2 else f"{count} conclusions"
    return f"bears on {named}; load-bearing" if impact.load_bearing else f"bears on {named}"
