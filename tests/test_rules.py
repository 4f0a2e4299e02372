"""Rule fixtures run table-driven; every registered rule is documented, exemplified and tested."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from argmap import rules
from argmap.engine import RuleSettings, check_map
from argmap.findings import Finding, Severity
from argmap.load.loader import load_text

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASE_PATH = "case.yaml"


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; a repeated case name must not vanish silently."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        if repeated:
            raise ValueError(f"{node.start_mark}: repeated keys {sorted(repeated)}")
        return super().construct_mapping(node, deep=deep)


def _case_files() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.yaml"))


def _cases() -> Iterator[Any]:
    for case_file in _case_files():
        rule_id = case_file.parent.name
        data = yaml.load(case_file.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        for name, case in data["cases"].items():
            yield pytest.param(rule_id, case, id=f"{rule_id}/{case_file.stem}/{name}")


def _findings(rule_id: str, text: str) -> list[Finding]:
    result = check_map(load_text(text, CASE_PATH), RuleSettings(select=[rule_id]))
    for finding in result.findings:
        assert finding.path == CASE_PATH
        if finding.claim is not None:
            assert finding.claim in finding.message, finding
    return list(result.findings)


def _rows(findings: list[Finding]) -> list[tuple[str, int, int, str, str | None]]:
    return [(f.rule, f.line, f.col, f.severity.value, f.claim) for f in findings]


@pytest.mark.parametrize(("rule_id", "case"), list(_cases()))
def test_rule_case(rule_id: str, case: Mapping[str, Any]) -> None:
    """The rule reports exactly the expected findings, in order, at the expected places."""
    assert set(case) == {"description", "map", "expected"}
    expected = [
        (e["rule"], e["line"], e["col"], e["severity"], e.get("claim")) for e in case["expected"]
    ]
    assert all(row[0] == rule_id for row in expected), "a case expects only its own rule"
    findings = _findings(rule_id, case["map"])
    assert _rows(findings) == expected
    # A case may pin the exact message too, where its wording carries information (a cycle).
    for want, finding in zip(case["expected"], findings, strict=True):
        if "message" in want:
            assert finding.message == want["message"]


def _rule_modules() -> list[Any]:
    return [pytest.param(module, id=rule_id) for rule_id, module in rules.RULES.items()]


def _docstring_examples(doc: str) -> dict[str, str]:
    """The indented YAML blocks after 'Passing example:' and 'Failing example:'."""
    examples: dict[str, str] = {}
    for match in re.finditer(r"^(Passing|Failing) example:\n\n((?:    .*\n|\n)+)", doc, re.M):
        examples[match.group(1).lower()] = textwrap.dedent(match.group(2)).strip() + "\n"
    return examples


@pytest.mark.parametrize("module", _rule_modules())
def test_rule_module_shape(module: ModuleType) -> None:
    """Every rule has its id, name, severity, options and a documented rationale."""
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", module.ID)
    assert rules.get(module.ID) is module
    assert module.__name__ == "argmap.rules." + module.ID.replace("-", "_")
    assert isinstance(module.NAME, str) and module.NAME.strip()
    assert isinstance(module.SEVERITY, Severity)
    assert isinstance(module.OPTIONS, Mapping)
    doc = module.__doc__ or ""
    summary, _, rationale = doc.partition("\n\n")
    assert summary.strip() and len(rationale.split()) >= 30, "docstring needs a rationale"
    assert set(_docstring_examples(doc)) == {"passing", "failing"}


@pytest.mark.parametrize("module", _rule_modules())
def test_docstring_examples_pass_and_fail(module: ModuleType) -> None:
    """The examples `argmap explain` shows are true: one passes the rule, the other fails it."""
    examples = _docstring_examples(module.__doc__ or "")
    assert _findings(module.ID, examples["passing"]) == []
    assert _findings(module.ID, examples["failing"]) != []


def test_every_rule_has_fixtures() -> None:
    """Each registered rule has a fixture folder with a passing and a failing case."""
    for rule_id in rules.RULES:
        folder = FIXTURES / rule_id
        cases = [
            case
            for case_file in sorted(folder.glob("*.yaml"))
            for case in yaml.safe_load(case_file.read_text(encoding="utf-8"))["cases"].values()
        ]
        assert any(not c["expected"] for c in cases), f"{rule_id}: no passing case"
        assert any(c["expected"] for c in cases), f"{rule_id}: no failing case"


def test_every_fixture_folder_names_a_rule() -> None:
    """No fixture folder is left behind for a rule that does not exist (or is misspelt)."""
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders <= set(rules.RULES)
    assert all(p.suffix == ".yaml" for p in FIXTURES.glob("*/*"))
