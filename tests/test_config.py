"""Configuration files: discovery, positioned validation, command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.config import ConfigError, find_config, load_config
from argmap.findings import Severity
from argmap.rules import unused_source

runner = CliRunner()

BARE = "argmap: 1\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"
UNUSED = BARE + "sources:\n  s:\n    title: S\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_closest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.argmap]\nfail-on = 'never'\n")
    write(tmp_path / "sub" / ".argmap.yaml", "fail-on: info\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.argmap]\nfail-on = 'warning'\n")
    write(tmp_path / "other" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table
    assert find_config(tmp_path / "sub" / "deep" / "m.yaml") == tmp_path / "sub" / ".argmap.yaml"
    assert find_config(tmp_path / "other" / "m.yaml") == tmp_path / "pyproject.toml"
    assert find_config(tmp_path / "m.yaml") == tmp_path / "pyproject.toml"


def test_each_map_fails_by_the_configuration_of_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run over maps in several directories: each finding meets its own file's fail-on,
    however the maps are named (relative or absolute, many to a directory)."""
    write(tmp_path / "lenient" / ".argmap.yaml", "fail-on: never\n")
    lenient = [write(tmp_path / "lenient" / f"m{n}.yaml", BARE) for n in range(3)]
    deep = write(tmp_path / "lenient" / "sub" / "deep" / "m.yaml", BARE)
    strict = write(tmp_path / "strict" / "m.yaml", BARE)
    monkeypatch.chdir(tmp_path)
    assert run("check", *map(str, lenient))[0] == 0
    assert run("check", "lenient")[0] == 0
    assert run("check", str(deep), "lenient/m0.yaml")[0] == 0
    assert run("check", *map(str, lenient), "strict/m.yaml")[0] == 1
    assert run("check", str(strict), str(deep))[0] == 1
    assert run("check", "lenient", "--fail-on", "error")[0] == 1


def test_config_changes_severity_disables_rules_and_sets_fail_on(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", UNUSED)
    assert run("check", str(path))[0] == 1  # the bare thesis is an error
    write(tmp_path / ".argmap.yaml",
          "fail-on: warning\nrules:\n  unsupported-claim:\n    severity: info\n"
          "  unused-source:\n    enabled: false\n")
    code, out, _ = run("check", str(path))
    assert (code, out) == (0, f"{path}:3:3: unsupported-claim info thesis 't' has no support, "
                              "citation or waiver\n")
    # The command line overrides the file: --fail-on, --select (even a disabled rule), --no-config.
    assert run("check", str(path), "--fail-on", "info")[0] == 1
    code, out, _ = run("check", str(path), "--select", "unused-source")
    assert (code, out) == (1, f"{path}:7:3: unused-source warning source 's' is not cited by "
                              "any claim\n")
    assert run("check", str(path), "--no-config")[0] == 1


def test_pyproject_table_and_explicit_config(tmp_path: Path) -> None:
    path = write(tmp_path / "maps" / "m.yaml", UNUSED)
    write(tmp_path / "pyproject.toml",
          "[project]\nname = 'x'\n\n[tool.argmap]\nignore = ['unsupported-claim']\n")
    code, out, _ = run("check", str(path), "--fail-on", "warning")
    assert (code, out.split()[1:2]) == (1, ["unused-source"])
    other = write(tmp_path / "strict.yaml", "select: [unsupported-claim]\n")
    code, out, _ = run("check", str(path), "--config", str(other))
    assert (code, out.split()[1:2]) == (1, ["unsupported-claim"])
    assert run("check", str(path), "--config", str(other), "--no-config")[0] == 2


@pytest.mark.parametrize(("text", "line", "col", "message"), [
    ("fail_on: never\n", 1, 1, "unknown key 'fail_on' in the configuration; "
     "did you mean 'fail-on'?"),
    ("rules:\n  unsuported-claim:\n    enabled: false\n", 2, 3,
     "unknown rule 'unsuported-claim' under 'rules'; did you mean 'unsupported-claim'?"),
    ("rules:\n  orphan-claim:\n    enable: false\n", 3, 5,
     "unknown key 'enable' in rule 'orphan-claim'; did you mean 'enabled'?"),
    ("rules:\n  orphan-claim:\n    enabled: no\n", 3, 14,
     "unquoted 'no' is ambiguous in YAML; write true, false or \"no\""),
    ("rules:\n  orphan-claim:\n    severity: fatal\n", 3, 15,
     "'severity' of rule 'orphan-claim' is 'fatal'; expected one of: info, warning, error"),
    ("select: [orphan-claim, circular]\n", 1, 24,
     "unknown rule 'circular' in 'select'; did you mean 'circular-support'?"),
    ("ignore: orphan-claim\n", 1, 9, "'ignore' must be a list, not 'orphan-claim'"),
    ("fail-on: warn\n", 1, 10, "'fail-on' is 'warn'; did you mean 'warning'?"),
    ("rules:\n  orphan-claim:\n    options: {depth: 3}\n", 3, 15,
     "unknown option 'depth' of rule 'orphan-claim'; it has none"),
    ("rules: [a\n", 2, 1, "YAML syntax error: "),
])
def test_yaml_config_errors_name_line_and_column(
    tmp_path: Path, text: str, line: int, col: int, message: str
) -> None:
    path = write(tmp_path / ".argmap.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == (line, col)
    assert caught.value.message.startswith(message)
    code, out, err = run("check", str(write(tmp_path / "m.yaml", BARE)))
    assert (code, out) == (2, "")
    assert err.startswith(f"argmap: error: {path}:{line}:{col}: {message}")


def test_toml_errors_name_the_key_and_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml",
                 "[project]\nname = 'x'\n\n[tool.argmap.rules.orphan-claim]\nseverity = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f"{path}:5:1: 'severity' of rule 'orphan-claim' must be text, "
                                 "not 3")
    write(path, "[tool.argmap]\nselect = [\n")
    with pytest.raises(ConfigError, match="TOML syntax error"):
        load_config(path)


def test_options_are_type_checked_against_the_rule_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No shipped rule has options yet; give one some to exercise the checks.
    monkeypatch.setattr(unused_source, "OPTIONS", {"limit": 3, "ratio": 0.5, "strict": False,
                                                   "kinds": ["thesis"]})
    path = write(tmp_path / ".argmap.yaml", "rules:\n  unused-source:\n    options:\n"
                 "      limit: 5\n      ratio: 1\n      strict: true\n      kinds: [a, b]\n")
    config = load_config(path)
    assert dict(config.rules["unused-source"].options) == {
        "limit": 5, "ratio": 1.0, "strict": True, "kinds": ["a", "b"]}
    assert config.settings().options["unused-source"]["limit"] == 5
    for bad, message in (("limit: '5'", "option 'limit' of rule 'unused-source' must be a "
                                        "whole number, not '5'"),
                         ("limit: true", "must be a whole number, not True"),
                         ("strict: 1", "must be true or false, not 1"),
                         ("kinds: thesis", "must be a list, not 'thesis'"),
                         ("limt: 2", "unknown option 'limt' of rule 'unused-source'; "
                                     "did you mean 'limit'?")):
        write(path, f"rules:\n  unused-source:\n    options:\n      {bad}\n")
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        assert message in caught.value.message
        assert caught.value.position is not None and caught.value.position.line == 4


def test_severity_from_config_reaches_the_findings(tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", "rules:\n  unused-source:\n    severity: error\n")
    settings = load_config(path).settings()
    assert settings.severity == {"unused-source": Severity.ERROR}


def test_the_documented_examples_load_and_agree(tmp_path: Path) -> None:
    import re

    doc = (Path(__file__).resolve().parents[1] / "docs" / "config.md").read_text()
    yaml_text = re.findall(r"```yaml\n(# \.argmap\.yaml\n.*?)```", doc, re.S)[0]
    toml_text = re.findall(r"```toml\n(.*?)```", doc, re.S)[0]
    from_yaml = load_config(write(tmp_path / ".argmap.yaml", yaml_text))
    from_toml = load_config(write(tmp_path / "pyproject.toml", toml_text))
    assert from_yaml.settings() == from_toml.settings()
    settings = from_yaml.settings()
    assert [m.ID for m in settings.enabled()] == ["unsupported-claim", "missing-evidence",
                                                  "circular-support", "unanswered-objection",
                                                  "unused-waiver"]
    assert from_yaml.fail_on == from_toml.fail_on == "warning"
