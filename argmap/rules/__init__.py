"""The explicit registry of rules: one module per rule, listed here by hand."""

from __future__ import annotations

from argmap.errors import UsageError
from argmap.rules import (
    circular_support,
    conclusion_not_established,
    load_bearing_assumption,
    missing_evidence,
    open_critical_question,
    orphan_claim,
    ought_from_is,
    overstated_conclusion,
    rests_on_defeated_claim,
    unanswered_objection,
    ungrounded_recommendation,
    unsupported_claim,
    unused_source,
    unused_waiver,
)
from argmap.rules.base import RuleModule

_MODULES: tuple[RuleModule, ...] = (
    unsupported_claim,
    missing_evidence,
    circular_support,
    unanswered_objection,
    orphan_claim,
    ungrounded_recommendation,
    unused_source,
    conclusion_not_established,
    load_bearing_assumption,
    ought_from_is,
    rests_on_defeated_claim,
    open_critical_question,
    overstated_conclusion,
    unused_waiver,
)

RULES: dict[str, RuleModule] = {}


def _register(module: RuleModule) -> None:
    if module.ID in RULES:
        raise RuntimeError(f"rule id {module.ID!r} registered twice")
    RULES[module.ID] = module


for _module in _MODULES:
    _register(_module)


def get(rule_id: str) -> RuleModule:
    """The rule module with this id; a usage error naming close ids otherwise."""
    try:
        return RULES[rule_id]
    except KeyError:
        from difflib import get_close_matches

        close = get_close_matches(rule_id, RULES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"unknown rule {rule_id!r}{hint}") from None
