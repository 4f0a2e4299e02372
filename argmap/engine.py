"""Run the enabled rules over a map, stamp id and severity, apply waivers, sort."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from argmap import rules as rule_registry
from argmap.findings import FINDING_ORDER, Finding, Severity
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.model import ArgumentMap, Waiver
from argmap.model.frozen_builder import positional_builder
from argmap.rules import unused_waiver
from argmap.rules.base import Problem

_new_finding = positional_builder(Finding)


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
    """Run every enabled rule on ``amap`` and return its sorted findings.

    When ``unused-waiver`` is enabled, rules that some waiver names also run in the background
    (their problems only mark waivers as used), then every waiver left unused is reported.
    """
    settings = settings or RuleSettings()
    waivers = _waivers_by_subject(amap)
    used: set[Waiver] = set()
    findings: list[Finding] = []
    modules = settings.enabled()
    shown = {module.ID for module in modules}
    judge_waivers = unused_waiver.ID in shown
    with cyclic_gc_paused():  # rules allocate findings and sets by the hundred thousand
        for module in _modules_to_run(shown, waivers, judge_waivers):
            # Looked up once per rule, not once per problem: a rule may report thousands.
            rule_id, is_shown = module.ID, module.ID in shown
            severity = settings.severity.get(rule_id)
            for problem in module.check(amap, _options(module, settings)):
                if waivers and problem.waivable:
                    waiver = _matching_waiver(waivers.get(problem.subject or ""), rule_id)
                    if waiver is not None:
                        used.add(waiver)
                        continue
                if is_shown:
                    pos = problem.pos
                    findings.append(_new_finding(
                        rule_id, severity or problem.severity or module.SEVERITY,
                        problem.message, pos.path, pos.line, pos.col, problem.subject))
        if judge_waivers:
            stale = unused_waiver.check_waivers(amap, _options(unused_waiver, settings), used)
            for problem in stale:
                waiver = _matching_waiver(waivers.get(problem.subject or ""), unused_waiver.ID)
                if waiver is not None:
                    used.add(waiver)
                else:
                    findings.append(_finding(unused_waiver, problem, settings))
    findings.sort(key=FINDING_ORDER)
    return CheckResult(tuple(findings), frozenset(used), tuple(m.ID for m in modules))


def _modules_to_run(
    shown: Collection[str], waivers: Mapping[str, tuple[Waiver, ...]], judge_waivers: bool
) -> list[ModuleType]:
    """Shown rules, plus (to judge waivers) the rules a waiver names; registry order."""
    waived = {w.rule for ws in waivers.values() for w in ws} if judge_waivers else set()
    return [
        module
        for rule_id, module in rule_registry.RULES.items()
        if (rule_id in shown or rule_id in waived) and not getattr(module, "AFTER_WAIVERS", False)
    ]


def _options(module: ModuleType, settings: RuleSettings) -> dict[str, Any]:
    return {**module.OPTIONS, **settings.options.get(module.ID, {})}


def _finding(module: ModuleType, problem: Problem, settings: RuleSettings) -> Finding:
    severity = settings.severity.get(module.ID) or problem.severity or module.SEVERITY
    return Finding(
        rule=module.ID,
        severity=severity,
        message=problem.message,
        path=problem.pos.path,
        line=problem.pos.line,
        col=problem.pos.col,
        claim=problem.subject,
    )


def _matching_waiver(candidates: Iterable[Waiver] | None, rule_id: str) -> Waiver | None:
    for waiver in candidates or ():
        if waiver.rule == rule_id:
            return waiver
    return None
