"""`argmap check` as a library call: find map files, load each, run the rules, gather a report."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from argmap.engine import RuleSettings, check_map
from argmap.errors import ArgmapError, MapLoadError, Position
from argmap.findings import Finding, Severity
from argmap.loader import load_map
from argmap.reporters import CheckReport

# A load failure is reported as a finding of this id, so every output format shows it.
INVALID_MAP = "invalid-map"
MAP_SUFFIXES = (".yaml", ".yml")
_MAP_MARKER = re.compile(rb"^argmap\s*:", re.MULTILINE)
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv"})


def find_maps(paths: Iterable[str]) -> Iterator[str]:
    """Files named on the command line, and map files found under directories.

    In a directory, a YAML file is a map when a line starts with ``argmap:``, so other YAML
    (CI configs, say) is passed over. Symbolic links to directories are not followed, so a link
    loop cannot trap the walk.
    """
    for given in paths:
        if not os.path.isdir(given):
            yield given
            continue
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
            for name in sorted(files):
                if name.endswith(MAP_SUFFIXES):
                    candidate = os.path.join(root, name)
                    if _looks_like_map(candidate):
                        yield candidate


def _looks_like_map(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return _MAP_MARKER.search(handle.read(1 << 16)) is not None
    except OSError:
        return True  # let the loader report why it cannot be read


def check_paths(paths: Iterable[str], settings: RuleSettings | None = None) -> CheckReport:
    """Check every map under ``paths``; load failures become ``invalid-map`` findings."""
    settings = settings or RuleSettings()
    settings.enabled()  # unknown rule ids are usage errors before any file is read
    seen: set[Finding] = set()
    findings: list[Finding] = []
    files: list[str] = []
    claims = 0
    for path in find_maps(paths):
        files.append(path)
        try:
            amap = load_map(path)
        except MapLoadError as exc:
            findings.append(_load_failure(exc, path))
            continue
        claims += len(amap.claims)
        for finding in check_map(amap, settings).findings:
            # A map that extends another repeats the base's findings; show each once.
            if finding not in seen:
                seen.add(finding)
                findings.append(finding)
    if not files:
        raise ArgmapError("no map files found (looked for *.yaml and *.yml with 'argmap:')")
    findings.sort(key=Finding.sort_key)
    return CheckReport(tuple(findings), tuple(files), claims)


def _load_failure(exc: ArgmapError, path: str) -> Finding:
    pos = exc.position or Position(path, 1, 1)
    return Finding(INVALID_MAP, Severity.ERROR, exc.message, pos.path, pos.line, pos.col)


def has_load_failures(report: CheckReport) -> bool:
    """Whether some file could not be loaded (exit status 2)."""
    return any(f.rule == INVALID_MAP for f in report.findings)
