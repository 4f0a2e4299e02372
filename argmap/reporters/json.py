"""The JSON reporter: the documented, stable object of docs/cli.md."""

from __future__ import annotations

import json

from argmap import __version__
from argmap.findings import CheckReport
from argmap.safe_text import json_visible

REPORT_VERSION = 1


def report_json(report: CheckReport) -> str:
    """The report as one JSON object: version, tool, summary, files, the conclusions of each
    file (the verdict) and the findings, each with its impact."""
    document = {
        "version": REPORT_VERSION,
        "tool": {"name": "argmap", "version": __version__},
        "summary": {**report.counts(), "files": len(report.files),
                    "claims": report.claims_checked, "skipped": report.skipped},
        "files": list(report.files),
        "configs": [{"path": path, "maps": maps} for path, maps in report.configs],
        "conclusions": [conclusion.to_dict() for conclusion in report.conclusions],
        "findings": [finding.to_dict() for finding in report.findings],
    }
    return json_visible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
