"""Positioned, typed values of a configuration file, read from YAML or from a TOML table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from argmap.errors import Position, UsageError
from argmap.load.fields import suggest
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq, kind_name, parse_tree

_YAML11_BOOL = frozenset("yes Yes YES no No NO on On ON off Off OFF".split())
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


class ConfigError(UsageError):
    """A configuration file that cannot be used; names file, line and column."""


class Located:
    """A configuration value with where it (and its key) stands in the file.

    ``value`` is a dict of Located for a mapping, a list of Located for a list, and a plain
    Python scalar (str, bool, int, float, None) otherwise.
    """

    def __init__(self, value: Any, pos: Position, key_pos: Position | None = None) -> None:
        self.value = value
        self.pos = pos
        self.key_pos = key_pos or pos

    def describe(self) -> str:
        """How the value reads in an error message."""
        if isinstance(self.value, dict):
            return "a mapping"
        if isinstance(self.value, list):
            return "a list"
        if self.value is None:
            return "empty"
        return repr(self.value)

    def fail(self, message: str) -> ConfigError:
        """An error at this value, for the caller to raise."""
        return ConfigError(message, self.pos)

    def mapping(self, what: str) -> dict[str, Located]:
        """The entries of a mapping (a TOML table)."""
        if not isinstance(self.value, dict):
            raise self.fail(f"{what} must be a mapping, not {self.describe()}")
        return self.value

    def check_keys(self, allowed: Sequence[str], what: str) -> None:
        """Refuse keys outside ``allowed``, suggesting the closest."""
        for key, node in self.mapping(what).items():
            if key not in allowed:
                hint = suggest(key, allowed) or f"; expected one of: {', '.join(allowed)}"
                raise ConfigError(f"unknown key {key!r} in {what}{hint}", node.key_pos)

    def get(self, key: str) -> Located | None:
        """The value under ``key`` of a mapping, or None."""
        return self.value.get(key) if isinstance(self.value, dict) else None

    def items(self, what: str) -> list[Located]:
        """The items of a list."""
        if not isinstance(self.value, list):
            raise self.fail(f"{what} must be a list, not {self.describe()}")
        return self.value

    def string(self, what: str) -> str:
        """Non-empty text."""
        if not isinstance(self.value, str) or not self.value.strip():
            raise self.fail(f"{what} must be text, not {self.describe()}")
        return self.value

    def choice(self, allowed: Sequence[str], what: str) -> str:
        """One of ``allowed``."""
        value = self.string(what)
        if value not in allowed:
            hint = suggest(value, allowed) or f"; expected one of: {', '.join(allowed)}"
            raise self.fail(f"{what} is {value!r}{hint}")
        return value

    def boolean(self, what: str) -> bool:
        """true or false."""
        if not isinstance(self.value, bool):
            raise self.fail(f"{what} must be true or false, not {self.describe()}")
        return self.value

    def like(self, default: Any, what: str) -> Any:
        """A plain value of the same type as ``default`` (an int is accepted for a float)."""
        if isinstance(default, bool):
            return self.boolean(what)
        if isinstance(default, int):
            if isinstance(self.value, int) and not isinstance(self.value, bool):
                return self.value
            raise self.fail(f"{what} must be a whole number, not {self.describe()}")
        if isinstance(default, float):
            if isinstance(self.value, int | float) and not isinstance(self.value, bool):
                return float(self.value)
            raise self.fail(f"{what} must be a number, not {self.describe()}")
        if isinstance(default, str):
            return self.string(what)
        if isinstance(default, list | tuple):
            return [item.string(f"{what} item") for item in self.items(what)]
        raise self.fail(f"{what} cannot be configured")  # pragma: no cover - no such rule yet


def read_yaml_mapping(text: str, shown: str) -> Located:
    """A YAML configuration file as Located values; syntax errors are positioned."""
    root = parse_tree(text, shown)
    if root is None:
        return Located({}, Position(shown, 1, 1))
    if not isinstance(root, YMap):  # not a configuration: its text stays out of the message
        raise ConfigError(f"the configuration must be a mapping, not {kind_name(root)}",
                          Position(shown, root.line, root.col))
    return _from_yaml(root, shown, None)


def _from_yaml(node: YNode, shown: str, key: YScalar | None) -> Located:
    pos = Position(shown, node.line, node.col)
    key_pos = Position(shown, key.line, key.col) if key is not None else None
    if isinstance(node, YMap):
        value: Any = {k: _from_yaml(v, shown, kn) for k, (kn, v) in node.items.items()}
    elif isinstance(node, YSeq):
        value = [_from_yaml(item, shown, None) for item in node.items]
    else:
        assert isinstance(node, YScalar)
        value = _scalar(node, pos)
    return Located(value, pos, key_pos)


def _scalar(node: YScalar, pos: Position) -> Any:
    if not node.plain:
        return node.value
    text = node.value
    if text in ("true", "false"):
        return text == "true"
    if text in _YAML11_BOOL:
        raise ConfigError(f"unquoted {text!r} is ambiguous in YAML; write true, false or "
                          f"\"{text}\"", pos)
    if text in _NULLS:
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def read_toml_table(table: dict[str, Any], text: str, shown: str,
                    prefix: tuple[str, ...]) -> Located:
    """A TOML table (already parsed) as Located values, with positions found in ``text``.

    tomllib keeps no positions, so each key is looked up in the text in order of its path;
    a key that cannot be found takes the position of its parent.
    """
    lines = text.splitlines()
    return _from_toml(table, lines, shown, list(prefix), _find(lines, shown, prefix, 0))


def _from_toml(value: Any, lines: list[str], shown: str, path: list[str],
               found: tuple[Position, int]) -> Located:
    pos, start = found
    if isinstance(value, dict):
        children = {}
        for key, item in value.items():
            child = _find(lines, shown, (key,), start, default=pos)
            children[key] = _from_toml(item, lines, shown, [*path, key], child)
        return Located(children, pos)
    if isinstance(value, list):
        return Located([_from_toml(v, lines, shown, path, found) for v in value], pos)
    return Located(value, pos)


def _find(lines: list[str], shown: str, keys: Sequence[str], start: int,
          default: Position | None = None) -> tuple[Position, int]:
    pos, index = default or Position(shown, 1, 1), start
    for key in keys:
        pattern = re.compile(r"(?:^|[\s\[.{,])(\"?" + re.escape(key) + r"\"?)\s*[=\].]")
        for number in range(index, len(lines)):
            match = pattern.search(lines[number])
            if match:
                pos, index = Position(shown, number + 1, match.start(1) + 1), number
                break
    return pos, index
