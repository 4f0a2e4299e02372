"""Configuration: `[tool.argmap]` in pyproject.toml or `.argmap.yaml`, the closest to a map wins."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.engine import RuleSettings
from argmap.errors import MapLoadError, Position
from argmap.findings import FailOn, Severity
from argmap.load.config_values import ConfigError, Located, read_toml_table, read_yaml_mapping
from argmap.load.fields import suggest
from argmap.load.project import is_repository_root

YAML_NAME = ".argmap.yaml"
PYPROJECT = "pyproject.toml"
TOP_KEYS = ("select", "ignore", "fail-on", "rules")
RULE_KEYS = ("enabled", "severity", "options")

__all__ = ["Config", "ConfigError", "ConfigResolver", "find_config", "load_config"]


@dataclass(frozen=True)
class RuleConfig:
    """One rule's settings from a file; None means "as the rule says"."""

    enabled: bool | None = None
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """What one configuration file says."""

    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: FailOn | None = None
    rules: Mapping[str, RuleConfig] = field(default_factory=dict)

    def settings(
        self, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
    ) -> RuleSettings:
        """Rule settings from this file, with command-line ``select``/``ignore`` overriding it.

        ``--select`` replaces the file's selection, and runs its rules even if the file disables
        them; ``--ignore`` replaces the file's ignore list.
        """
        disabled = [rid for rid, rule in self.rules.items() if rule.enabled is False]
        forced = [rid for rid, rule in self.rules.items() if rule.enabled is True]
        if select:
            chosen: list[str] | None = list(select)
            skipped = list(ignore if ignore is not None else self.ignore)
        else:
            chosen = [*self.select, *forced] if self.select is not None else None
            skipped = [*(ignore if ignore is not None else self.ignore), *disabled]
        return RuleSettings(
            select=chosen,
            ignore=skipped,
            severity={rid: r.severity for rid, r in self.rules.items() if r.severity},
            options={rid: r.options for rid, r in self.rules.items() if r.options},
        )


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read a configuration file: TOML (``[tool.argmap]``) by suffix, YAML otherwise."""
    shown = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(f"cannot read configuration: {why}", Position(shown, 1, 1)) from None
    if shown.endswith(".toml"):
        table = _tool_table(text, shown)
        if table is None:
            raise ConfigError("no [tool.argmap] table in this file", Position(shown, 1, 1))
        return _config(read_toml_table(table, text, shown, ("tool", "argmap")), shown)
    try:
        return _config(read_yaml_mapping(text, shown), shown)
    except MapLoadError as exc:  # the YAML reader speaks the loader's error type
        raise ConfigError(exc.message, exc.position) from None


def _tool_table(text: str, shown: str) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        raise ConfigError(f"TOML syntax error: {exc.args[0]}", Position(shown, line, col)) from None
    table = data.get("tool", {}).get("argmap")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.argmap] must be a table", Position(shown, 1, 1))
    return table


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The configuration file closest to ``start`` (a map file or a directory), walking up no
    further than the root of its repository (the folder holding `.git`).

    In one directory `.argmap.yaml` wins over `pyproject.toml`; a pyproject.toml without a
    ``[tool.argmap]`` table does not count. A file above the repository is not the project's:
    it could set ``fail-on: never`` for every map checked out below it.
    """
    return _nearest_config(_directory_of(start), {})


def _directory_of(start: str | os.PathLike[str]) -> Path:
    here = Path(start).resolve()
    return here if here.is_dir() else here.parent


def _nearest_config(directory: Path, known: dict[Path, Path | None]) -> Path | None:
    """The configuration in ``directory`` or its closest parent; ``known`` remembers the answer
    for every directory walked, so each is looked at once however many maps it holds."""
    walked = []
    found = None
    for folder in (directory, *directory.parents):
        if folder in known:
            found = known[folder]
            break
        walked.append(folder)
        candidate = folder / YAML_NAME
        if candidate.is_file():
            found = candidate
            break
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            found = pyproject
            break
        if is_repository_root(folder):
            break
    known.update(dict.fromkeys(walked, found))
    return found


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # A cheap test first: most pyproject files never mention argmap.
    return "argmap" in text and _tool_table(text, str(path)) is not None


def _config(top: Located, shown: str) -> Config:
    from argmap.rules import RULES

    top.check_keys(TOP_KEYS, "the configuration")
    select = top.get("select")
    ignore = top.get("ignore")
    fail_on = top.get("fail-on")
    rules: dict[str, RuleConfig] = {}
    rules_node = top.get("rules")
    if rules_node is not None:
        for rule_id, node in rules_node.mapping("'rules'").items():
            if rule_id not in RULES:
                raise ConfigError(f"unknown rule {rule_id!r} under 'rules'"
                                  f"{suggest(rule_id, RULES)}", node.key_pos)
            rules[rule_id] = _rule_config(node, rule_id, RULES[rule_id].OPTIONS)
    return Config(
        path=shown,
        select=tuple(_rule_ids(select, "'select'")) if select is not None else None,
        ignore=tuple(_rule_ids(ignore, "'ignore'")) if ignore is not None else (),
        fail_on=FailOn(fail_on.choice([level.value for level in FailOn], "'fail-on'"))
        if fail_on is not None else None,
        rules=rules,
    )


def _rule_ids(node: Located, what: str) -> list[str]:
    from argmap.rules import RULES

    ids = []
    for item in node.items(what):
        rule_id = item.string(f"{what} item")
        if rule_id not in RULES:
            raise ConfigError(f"unknown rule {rule_id!r} in {what}{suggest(rule_id, RULES)}",
                              item.pos)
        ids.append(rule_id)
    return ids


def _rule_config(node: Located, rule_id: str, defaults: Mapping[str, Any]) -> RuleConfig:
    what = f"rule {rule_id!r}"
    node.check_keys(RULE_KEYS, what)
    enabled = node.get("enabled")
    severity = node.get("severity")
    options: dict[str, Any] = {}
    options_node = node.get("options")
    if options_node is not None:
        for name, value in options_node.mapping(f"the options of {what}").items():
            if name not in defaults:
                hint = suggest(name, defaults) or (
                    f"; it has options {', '.join(defaults)}" if defaults else "; it has none")
                raise ConfigError(f"unknown option {name!r} of {what}{hint}", value.key_pos)
            options[name] = value.like(defaults[name], f"option {name!r} of {what}")
    return RuleConfig(
        enabled=enabled.boolean(f"'enabled' of {what}") if enabled is not None else None,
        severity=Severity(severity.choice([s.value for s in Severity], f"'severity' of {what}"))
        if severity is not None else None,
        options=options,
    )


class ConfigResolver:
    """Settings for each map: from its nearest configuration, one named file, or none."""

    def __init__(self, explicit: str | None = None, use_files: bool = True,
                 select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                 ) -> None:
        self._select = select
        self._ignore = ignore
        self._use_files = use_files
        self._fixed = load_config(explicit) if explicit is not None else None
        # Asked once per finding: each map, directory and file is looked up and read once.
        self._by_map: dict[str, Config] = {}
        self._by_directory: dict[Path, Path | None] = {}
        self._loaded: dict[Path, Config] = {}

    def config_for(self, map_path: str) -> Config:
        """The configuration that governs ``map_path``."""
        if self._fixed is not None:
            return self._fixed
        if not self._use_files:
            return Config()
        config = self._by_map.get(map_path)
        if config is None:
            config = self._by_map[map_path] = self._nearest(map_path)
        return config

    def _nearest(self, map_path: str) -> Config:
        found = _nearest_config(_directory_of(map_path), self._by_directory)
        if found is None:
            return Config()
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]

    def settings_for(self, map_path: str) -> RuleSettings:
        """Rule settings for ``map_path``, command-line options applied over the file."""
        return self.config_for(map_path).settings(self._select, self._ignore)
