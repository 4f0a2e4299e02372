"""Run the enabled rules over a map, stamp id, severity and impact, apply waivers, sort."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap import rules as rule_registry
from argmap.evaluate import grounded_verdict
from argmap.findings import FINDING_ORDER, Finding, Severity
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.model import ArgumentMap, Waiver
from argmap.rules import unused_waiver
from argmap.rules.base import Problem, RuleModule
from argmap.semantics.verdict import Conclusion, Verdict


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run, at what severity, with which options."""

    select: Collection[str] | None = None
    ignore: Collection[str] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def enabled(self) -> list[RuleModule]:
        """Rule modules to run, in registry order; unknown ids are usage errors."""
        for rule_id in [*(self.select or ()), *self.ignore, *self.severity, *self.options]:
            rule_registry.get(rule_id)
        chosen = self.select if self.select else rule_registry.RULES
        return [
            rule
            for rule_id, rule in rule_registry.RULES.items()
            if rule_id in chosen and rule_id not in self.ignore
        ]


@dataclass(frozen=True)
class CheckResult:
    """Findings for one map, with the waivers that suppressed something and the map's
    conclusions (the grounded verdict on each thesis and recommendation)."""

    findings: tuple[Finding, ...]
    used_waivers: frozenset[Waiver]
    conclusions: tuple[Conclusion, ...] = ()


def check_map(amap: ArgumentMap, settings: RuleSettings | None = None) -> CheckResult:
    """Run every enabled rule on ``amap`` and return its findings in file order.

    Each finding carries the impact of its subject under the map's grounded verdict.

    When ``unused-waiver`` is enabled, rules that some waiver names also run in the background
    (their problems only mark waivers as used), then every waiver left unused is reported.
    """
    settings = settings or RuleSettings()
    waivers = _waivers_by_subject(amap)
    shown = {rule.ID for rule in settings.enabled()}
    judge_waivers = unused_waiver.ID in shown
    waived = {w.rule for ws in waivers.values() for w in ws} if judge_waivers else set()
    used: set[Waiver] = set()
    findings: list[Finding] = []
    verdict = grounded_verdict(amap)  # cached: the verdict rules read the same one
    with cyclic_gc_paused():  # rules allocate findings and sets by the hundred thousand
        for rule_id, rule in rule_registry.RULES.items():
            if rule is unused_waiver or (rule_id not in shown and rule_id not in waived):
                continue
            for problem in rule.check(amap, _options(rule, settings)):
                waiver = _waiver_for(problem, rule_id, waivers)
                if waiver is not None:
                    used.add(waiver)
                elif rule_id in shown:
                    findings.append(_finding(rule, problem, settings, verdict))
        if judge_waivers:
            # Run last, as it judges the waivers every other rule used.
            options = _options(unused_waiver, settings)
            for problem in unused_waiver.check(amap, options, used):
                waiver = _waiver_for(problem, unused_waiver.ID, waivers)
                if waiver is not None:
                    used.add(waiver)
                else:
                    findings.append(_finding(unused_waiver, problem, settings, verdict))
    findings.sort(key=FINDING_ORDER)
    return CheckResult(tuple(findings), frozenset(used), verdict.conclusions)


def _waivers_by_subject(amap: ArgumentMap) -> dict[str, tuple[Waiver, ...]]:
    """The waivers of each claim and argument that has some, by its id."""
    waivers: dict[str, tuple[Waiver, ...]] = {}
    for claim in amap.claims.values():
        if claim.waivers:
            waivers[claim.id] = claim.waivers
    for argument in amap.arguments.values():
        if argument.waivers:
            waivers[argument.id] = argument.waivers
    return waivers


def _waiver_for(
    problem: Problem, rule_id: str, waivers: Mapping[str, tuple[Waiver, ...]]
) -> Waiver | None:
    """The waiver of ``rule_id`` on the problem's subject, if it has one."""
    if not problem.waivable or problem.subject is None:
        return None
    for waiver in waivers.get(problem.subject, ()):
        if waiver.rule == rule_id:
            return waiver
    return None


def _options(rule: RuleModule, settings: RuleSettings) -> dict[str, Any]:
    return {**rule.OPTIONS, **settings.options.get(rule.ID, {})}


def _finding(rule: RuleModule, problem: Problem, settings: RuleSettings,
             verdict: Verdict) -> Finding:
    severity = settings.severity.get(rule.ID) or problem.severity or rule.SEVERITY
    return Finding(
        rule=rule.ID,
        severity=severity,
        message=problem.message,
        path=problem.pos.path,
        line=problem.pos.line,
        col=problem.pos.col,
        claim=problem.subject,
        # A source may share its id with a claim: only claims and arguments bear on anything.
        impact=verdict.impact(problem.subject if problem.waivable else None),
    )
