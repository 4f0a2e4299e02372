"""The `Finding`: one reasoning gap at one place, with one serialiser every format reads."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter
from typing import Any


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Numeric order, for comparing against ``--fail-on``."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FailOn(StrEnum):
    """The lowest severity that fails a check: ``--fail-on``, or ``fail-on`` in a config."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    def reached_by(self, severity: Severity) -> bool:
        """Whether a finding of ``severity`` makes the check fail at this level."""
        return self is not FailOn.NEVER and severity.rank >= Severity(self.value).rank


# When neither the command line nor a configuration names a level.
DEFAULT_FAIL_ON = FailOn.ERROR


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on one claim, argument, relation or source."""

    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    col: int
    claim: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one serialised form; JSON, SARIF and the others read this."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "claim": self.claim,
        }


# The order findings are shown in: by file, then place, then rule (and message).
FINDING_ORDER = attrgetter("path", "line", "col", "rule", "message")


@dataclass(frozen=True)
class CheckReport:
    """The check result: what one `argmap check` run found across its files."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    claims_checked: int
    skipped: int = 0  # YAML files a directory scan passed over as not maps
    # Each configuration file used (None: maps governed by none), with how many maps it governed.
    configs: tuple[tuple[str | None, int], ...] = ()

    def counts(self) -> dict[str, int]:
        """Findings per severity, every severity present."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts
