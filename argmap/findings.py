"""The `Finding`: one reasoning gap at one place, with one serialiser every format reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from argmap.semantics.verdict import NO_IMPACT, Conclusion, Impact

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


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
    # What the subject bears on, stamped by the engine. Left out of equality, so a finding
    # repeated by a map that extends another is still one finding.
    impact: Impact = field(default=NO_IMPACT, compare=False)

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
            "impact": self.impact.to_dict(),
        }


class FindingOrder(StrEnum):
    """How `check` orders its findings: ``--sort``."""

    IMPACT = "impact"
    LOCATION = "location"


# File order: by file, then place, then rule (and message).
FINDING_ORDER = attrgetter("path", "line", "col", "rule", "message")


def _impact_key(finding: Finding) -> tuple[Any, ...]:
    impact = finding.impact
    return (not impact.load_bearing, -len(impact.conclusions), -finding.severity.rank,
            finding.path, finding.line, finding.col, finding.rule, finding.message)


def order_findings(findings: Iterable[Finding], order: FindingOrder = FindingOrder.IMPACT
                   ) -> list[Finding]:
    """``findings`` in the order every format shows them.

    By impact: findings about a claim some standing conclusion hangs on first, then by how
    many conclusions their subject bears on, then errors before warnings before info, then
    by place. By location: file order.
    """
    return sorted(findings, key=_impact_key if order is FindingOrder.IMPACT else FINDING_ORDER)


@dataclass(frozen=True, slots=True)
class ReportedConclusion:
    """The verdict on one conclusion of a checked file, with what it hangs on said plainly."""

    path: str
    conclusion: Conclusion
    # Its load-bearing claims and reconstructed arguments (arguments the text states are
    # implied by their claims), reconstructed ones first.
    hangs_on: tuple[str, ...]
    reconstructed: frozenset[str]

    def to_dict(self) -> dict[str, object]:
        """``{path, id, kind, status, reason, strands, load_bearing}``."""
        return {"path": self.path, **self.conclusion.to_dict()}


def reported_conclusions(path: str, amap: ArgumentMap, conclusions: Iterable[Conclusion]
                         ) -> tuple[ReportedConclusion, ...]:
    """The conclusions of the map checked as ``path``, ready for the reporters."""
    reported = []
    for conclusion in conclusions:
        implicit, stated = [], []
        for node in conclusion.load_bearing:
            item = amap.claims.get(node) or amap.arguments.get(node)
            if item is not None and item.implicit:
                implicit.append(node)
            elif node in amap.claims:
                stated.append(node)
        reported.append(ReportedConclusion(path, conclusion, (*implicit, *stated),
                                           frozenset(implicit)))
    return tuple(reported)


@dataclass(frozen=True)
class CheckReport:
    """The check result: what one `argmap check` run found across its files."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    claims_checked: int
    # Each checked file's theses and recommendations, file by file.
    conclusions: tuple[ReportedConclusion, ...] = ()
    skipped: int = 0  # YAML files a directory scan passed over as not maps
    # Each configuration file used (None: maps governed by none), with how many maps it governed.
    configs: tuple[tuple[str | None, int], ...] = ()

    def counts(self) -> dict[str, int]:
        """Findings per severity, every severity present."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts
