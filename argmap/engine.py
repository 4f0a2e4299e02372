"""Run the enabled rules over a map, stamp id and severity, apply waivers, sort."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from argmap import rules as rule_registry
from argmap.findings import Finding, Severity
from argmap.model import ArgumentMap, Waiver


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run, at what severity, with which options."""

    select: Collection[str] | None = None
    ignore: Collection[str] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def enabled(self) -> list[ModuleType]:
        """Rule modules to run, in registry order; unknown ids are usage errors."""
        for rule_id in [*(self.select or ()), *self.ignore, *self.severity, *self.options]:
            rule_registry.get(rule_id)
        chosen = self.select if self.select else rule_registry.RULES
        return [
            module
            for rule_id, module in rule_registry.RULES.items()
            if rule_id in chosen and rule_id not in self.ignore
        ]


@dataclass(frozen=True)
class CheckResult:
    """Findings for one map, with the waivers that suppressed something."""

    findings: tuple[Finding, ...]
    used_waivers: frozenset[Waiver]
    rules_run: tuple[str, ...]


def _waivers_by_subject(amap: ArgumentMap) -> dict[str, tuple[Waiver, ...]]:
    waivers: dict[str, tuple[Waiver, ...]] = {}
    for claim in amap.claims.values():
        if claim.waivers:
            waivers[claim.id] = claim.waivers
    for argument in amap.arguments.values():
        if argument.waivers:
            waivers[argument.id] = argument.waivers
    return waivers


def check_map(amap: ArgumentMap, settings: RuleSettings | None = None) -> CheckResult:
    """Run every enabled rule on ``amap`` and return its sorted findings."""
    settings = settings or RuleSettings()
    waivers = _waivers_by_subject(amap)
    used: set[Waiver] = set()
    findings: list[Finding] = []
    modules = settings.enabled()
    for module in modules:
        options = {**module.OPTIONS, **settings.options.get(module.ID, {})}
        configured = settings.severity.get(module.ID)
        for problem in module.check(amap, options):
            waiver = _matching_waiver(waivers.get(problem.subject or ""), module.ID)
            if waiver is not None:
                used.add(waiver)
                continue
            severity = configured or problem.severity or module.SEVERITY
            findings.append(
                Finding(
                    rule=module.ID,
                    severity=severity,
                    message=problem.message,
                    path=problem.pos.path,
                    line=problem.pos.line,
                    col=problem.pos.col,
                    claim=problem.subject,
                )
            )
    findings.sort(key=Finding.sort_key)
    return CheckResult(tuple(findings), frozenset(used), tuple(m.ID for m in modules))


def _matching_waiver(candidates: Iterable[Waiver] | None, rule_id: str) -> Waiver | None:
    for waiver in candidates or ():
        if waiver.rule == rule_id:
            return waiver
    return None
