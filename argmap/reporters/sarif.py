"""The SARIF 2.1.0 reporter, shaped for GitHub code scanning: rule help, relative URIs."""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from argmap import __version__
from argmap.findings import CheckReport, Finding, Severity
from argmap.reporters.text import impact_note
from argmap.rules import RULES

if TYPE_CHECKING:
    from argmap.rules.base import RuleModule

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
SRCROOT = "%SRCROOT%"
FINGERPRINT = "argmapFinding/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# A map that cannot be loaded is reported under this id (argmap.checking.INVALID_MAP).
_INVALID_MAP = {
    "id": "invalid-map",
    "name": "invalid map",
    "shortDescription": {"text": "A file that cannot be read as an argmap map."},
    "fullDescription": {"text": "The file is not UTF-8, is not valid YAML, or breaks the map "
                                "format (unknown keys, wrong types, unknown references)."},
    "help": {"text": "Fix the file at the position given; docs/format.md lists what the loader "
                     "refuses."},
    "defaultConfiguration": {"level": "error"},
}


def rule_texts(module: RuleModule) -> tuple[str, str, str]:
    """A rule's summary line, its rationale (the docstring before the examples), and all of it."""
    doc = inspect.cleandoc(module.__doc__ or module.ID)
    summary, _, rest = doc.partition("\n\n")
    rationale = rest.split("\nPassing example:", 1)[0].split("Passing example:", 1)[0].strip()
    return summary.strip(), " ".join(rationale.split()) or summary.strip(), doc


def _rule_descriptor(module: RuleModule) -> dict[str, Any]:
    summary, rationale, doc = rule_texts(module)
    return {
        "id": module.ID,
        "name": module.NAME,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rationale},
        "help": {"text": doc, "markdown": _markdown_help(doc)},
        "defaultConfiguration": {"level": _LEVEL[module.SEVERITY]},
        "properties": {"tags": ["argmap", "reasoning"]},
    }


def _markdown_help(doc: str) -> str:
    # The docstring's examples are indented four spaces: Markdown code blocks already.
    return doc.replace("Passing example:", "**Passing example:**").replace(
        "Failing example:", "**Failing example:**")


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """``path`` relative to ``root`` under ``%SRCROOT%``, or an absolute file URI outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}


def fingerprint(finding: Finding, uri: str) -> str:
    """A digest of rule, file, subject and message: stable when lines move."""
    key = "\0".join((finding.rule, uri, finding.claim or "", finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(finding: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
    location = artifact_location(finding.path, root)
    note = impact_note(finding.impact)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.severity],
        "message": {"text": f"{finding.message} ({note})" if note else finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": finding.line, "startColumn": finding.col},
            },
        }],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding, location["uri"])},
        "properties": {"impact": finding.impact.to_dict()},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.claim is not None:
        result["locations"][0]["logicalLocations"] = [{"name": finding.claim,
                                                       "kind": "object"}]
    return result


def report_sarif(report: CheckReport, root: Path | None = None) -> str:
    """The report as a SARIF 2.1.0 log; URIs are relative to ``root`` (the working directory)."""
    root = Path(os.path.abspath(root or os.getcwd()))
    descriptors = [_rule_descriptor(module) for module in RULES.values()] + [_INVALID_MAP]
    index = {d["id"]: number for number, d in enumerate(descriptors)}
    run = {
        "tool": {"driver": {
            "name": "argmap",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index, root) for f in report.findings],
        "properties": {"conclusions": [c.to_dict() for c in report.conclusions]},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
