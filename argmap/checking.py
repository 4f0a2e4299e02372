"""`argmap check` as a library call: find map files, load each, run the rules, gather a report."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.engine import RuleSettings, check_map
from argmap.errors import ArgmapError, MapLoadError, NotAMapError, Position
from argmap.findings import (
    DEFAULT_FAIL_ON,
    CheckReport,
    FailOn,
    Finding,
    FindingOrder,
    ReportedConclusion,
    Severity,
    order_findings,
    reported_conclusions,
)
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.load.loader import MAX_MAP_BYTES, load_map

if TYPE_CHECKING:
    from argmap.config import ConfigResolver

# A load failure is reported as a finding of this id, so every output format shows it.
INVALID_MAP = "invalid-map"
MAP_SUFFIXES = (".yaml", ".yml")  # compared without regard to case
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv"})


@dataclass
class Discovery:
    """The files a check reads, and how many YAML files it passed over as not maps.

    Each file comes with whether it is sifted: a sifted file that turns out not to be a map
    (`NotAMapError`) is passed over too, instead of being reported.
    """

    files: list[tuple[str, bool]] = field(default_factory=list)
    skipped: int = 0


def find_maps(paths: Iterable[str], maps_only: bool = False) -> Discovery:
    """Files named on the command line, and the YAML files under directories that may be maps.

    Whether a YAML file is a map is the parser's decision (a mapping with an ``argmap`` key),
    taken when it is loaded; here, files that cannot be maps are passed over: those that are
    not regular files (never opened, so a FIFO cannot hang the scan) and those whose bytes hold
    neither ``argmap`` nor a backslash (a double-quoted key could spell it with escapes).
    With ``maps_only`` named files are sifted the same way (a pre-commit hook names every YAML
    file). Symbolic links to directories are not followed, so a link loop cannot trap the walk.
    """
    found = Discovery()
    for given in paths:
        if not os.path.isdir(given):
            if not maps_only:
                found.files.append((given, False))
            elif _is_yaml(given):
                _sift(given, found)
            continue
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
            for name in sorted(files):
                if _is_yaml(name):
                    _sift(os.path.join(root, name), found)
    return found


def _is_yaml(name: str) -> bool:
    return name.lower().endswith(MAP_SUFFIXES)


def _sift(path: str, found: Discovery) -> None:
    """Add ``path`` to the files to load, or count it as passed over."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            found.skipped += 1
            return
        with open(path, "rb") as handle:
            data = handle.read(MAX_MAP_BYTES + 1)
    except OSError:  # the loader says why it cannot be read
        found.files.append((path, True))
        return
    if b"argmap" in data or b"\\" in data:
        found.files.append((path, True))
    else:
        found.skipped += 1


def check_paths(
    paths: Iterable[str],
    settings: RuleSettings | None = None,
    *,
    configs: ConfigResolver | None = None,
    progress: Callable[[list[str]], Iterable[str]] | None = None,
    maps_only: bool = False,
    order: FindingOrder = FindingOrder.IMPACT,
) -> CheckReport:
    """Check every map under ``paths``; load failures become ``invalid-map`` findings.

    With ``configs``, each map is checked with the settings of its configuration (and
    ``settings`` is ignored); ``progress`` wraps the list of files to show how far it got.
    With ``maps_only``, files that are not maps are passed over, and finding none is no error.
    The findings come in ``order`` (argmap.findings.order_findings), the same for every format.
    """
    settings = settings or RuleSettings()
    settings.enabled()  # unknown rule ids are usage errors before any file is read
    seen: set[Finding] = set()
    findings: list[Finding] = []
    discovery = find_maps(paths, maps_only)
    sifted = {path for path, sift in discovery.files if sift}
    files = [path for path, _ in discovery.files]
    checked: list[str] = []
    skipped = discovery.skipped
    used: dict[str | None, int] = {}  # configuration file (None: none) -> maps it governed
    conclusions: list[ReportedConclusion] = []
    claims = 0
    # Loading and checking pause the cyclic collector themselves, but between the two, and
    # while the findings are gathered and sorted, each burst of allocations would make it walk
    # every object of the map: on 100,000 claims that cost 1.5 s of a 6 s check.
    with cyclic_gc_paused():
        for number, path in enumerate(progress(files) if progress is not None else files, 1):
            map_settings = configs.settings_for(path) if configs is not None else settings
            map_settings.enabled()  # a configuration's rule ids are checked before loading
            try:
                amap = load_map(path)
            except MapLoadError as exc:
                if isinstance(exc, NotAMapError) and path in sifted:
                    skipped += 1
                    continue
                findings.append(_load_failure(exc, path))
                amap = None
            checked.append(path)
            if configs is not None:
                governing = configs.config_for(path).path
                used[governing] = used.get(governing, 0) + 1
            if amap is None:
                continue
            claims += len(amap.claims)
            # Each finding once: a map may repeat one, and a map that extends another repeats
            # the base's. Hashing a finding is a Python call; after the last file, none is kept.
            result = check_map(amap, map_settings)
            conclusions.extend(reported_conclusions(path, amap, result.conclusions))
            fresh = dict.fromkeys(result.findings)
            found = [f for f in fresh if f not in seen] if seen else list(fresh)
            findings.extend(found)
            if number < len(files):
                seen.update(found)
            del amap  # freed now, while the collector is paused, not after
        if not checked and not maps_only:
            raise ArgmapError("no map files found (looked for *.yaml and *.yml files with an "
                              f"'argmap' key){_skipped_note(skipped)}")
        ordered = order_findings(findings, order)
    return CheckReport(tuple(ordered), tuple(checked), claims, tuple(conclusions), skipped,
                       tuple(used.items()))


def _skipped_note(skipped: int) -> str:
    if not skipped:
        return ""
    return f"; {skipped} YAML {'file was not a map' if skipped == 1 else 'files were not maps'}"


def _load_failure(exc: ArgmapError, path: str) -> Finding:
    pos = exc.position or Position(path, 1, 1)
    return Finding(INVALID_MAP, Severity.ERROR, exc.message, pos.path, pos.line, pos.col)


def has_load_failures(report: CheckReport) -> bool:
    """Whether some file could not be loaded (exit status 2)."""
    return any(f.rule == INVALID_MAP for f in report.findings)


def reaches_fail_on(report: CheckReport, fail_on: FailOn | None,
                    configs: ConfigResolver | None = None) -> bool:
    """Whether a finding reaches the failing severity: ``fail_on`` if given, else the
    ``fail-on`` of the configuration governing the finding's file (default ``error``)."""
    for finding in report.findings:
        level = fail_on or (configs.config_for(finding.path).fail_on if configs else None)
        if (level or DEFAULT_FAIL_ON).reached_by(finding.severity):
            return True
    return False

