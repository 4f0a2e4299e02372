"""Typed, positioned reads of YAML tree nodes: the loader's vocabulary for refusing bad input."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from difflib import get_close_matches

from argmap.errors import MapLoadError, Position
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq, kind_name
from argmap.model import Waiver

# Ids: letters (any script), digits, '_', '-', '.', ':'; not starting with punctuation.
ID_PATTERN = re.compile(r"[^\W][\w.:-]*")
# An undercut may name a convergent support, `premise->conclusion`.
ARROW_ID_PATTERN = re.compile(r"[^\W][\w.:-]*(?:->[^\W][\w.:-]*)?")
# What YAML 1.1 loaders (PyYAML among them) read as booleans or null when unquoted.
_YAML11_BOOL = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split()
)
_YAML_NULL = frozenset(("", "~", "null", "Null", "NULL"))
# Plain scalars `FieldReader.string` refuses as text, whatever their context.
_NOT_TEXT = _YAML11_BOOL | _YAML_NULL
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_calendar_date(value: str) -> bool:
    """Whether ``value`` is a date written YYYY, YYYY-MM or YYYY-MM-DD that exists."""
    match = _DATE.fullmatch(value)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "; did you mean 'x'?" hint, or nothing."""
    close = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class FieldReader:
    """Reads nodes of one file, raising `MapLoadError` at the offending node."""

    def __init__(self, path: str) -> None:
        self.path = path

    def pos(self, node: YNode) -> Position:
        """The node's position in this file."""
        return Position(self.path, node.line, node.col)

    def fail(self, message: str, node: YNode) -> MapLoadError:
        """An error at ``node``, for the caller to raise."""
        return MapLoadError(message, self.pos(node))

    def mapping(self, node: YNode, what: str) -> YMap:
        """``node`` as a mapping."""
        if not isinstance(node, YMap):
            raise self.fail(f"{what} must be a mapping, not {self._describe(node)}", node)
        return node

    def check_keys(self, node: YMap, allowed: Sequence[str], what: str) -> None:
        """Refuse keys outside ``allowed``, suggesting the closest."""
        for key in node.items:
            if key not in allowed:
                hint = suggest(key, allowed) or f"; expected one of: {', '.join(allowed)}"
                raise self.fail(f"unknown key {key!r} in {what}{hint}", node.items[key][0])

    def require(self, node: YMap, key: str, what: str) -> YNode:
        """The value of a required key."""
        if key not in node.items:
            raise self.fail(f"{what} is missing required key {key!r}", node)
        return node.items[key][1]

    def string(self, node: YNode, what: str) -> str:
        """A non-empty string; unquoted YAML 1.1 booleans and nulls are refused."""
        if (isinstance(node, YScalar) and not (node.plain and node.value in _NOT_TEXT)
                and node.value.strip()):
            return node.value
        raise self._not_text(node, what)

    def _not_text(self, node: YNode, what: str) -> MapLoadError:
        """Why `string` refuses ``node``."""
        if not isinstance(node, YScalar):
            return self.fail(f"{what} must be text, not {kind_name(node)}", node)
        if node.plain and node.value in _YAML11_BOOL:
            return self.fail(
                f"{what}: unquoted {node.value!r} is read by YAML as a boolean; "
                f"quote it (\"{node.value}\")", node)
        return self.fail(f"{what} is empty", node)

    def optional_string(self, node: YMap, key: str) -> str | None:
        """The string under ``key``, or None when the key is absent."""
        entry = node.items.get(key)
        return None if entry is None else self.string(entry[1], repr(key))

    def integer(self, node: YNode, what: str) -> int:
        """A plain integer."""
        if isinstance(node, YScalar) and node.plain and re.fullmatch(r"[0-9]+", node.value):
            return int(node.value)
        raise self.fail(f"{what} must be a whole number, not {self._describe(node)}", node)

    def optional_bool(self, node: YMap, key: str) -> bool:
        """``true`` or ``false`` under ``key`` (absent means false); yes/no/on/off are refused."""
        if key not in node.items:
            return False
        value = node.items[key][1]
        if isinstance(value, YScalar) and value.plain and value.value in ("true", "false"):
            return value.value == "true"
        raise self.fail(f"{key!r} must be true or false, not {self._describe(value)}", value)

    def choice(self, node: YNode, allowed: Sequence[str], what: str) -> str:
        """One of ``allowed``."""
        value = self.string(node, what)
        if value not in allowed:
            hint = suggest(value, allowed) or f"; expected one of: {', '.join(allowed)}"
            raise self.fail(f"{what} is {value!r}{hint}", node)
        return value

    def identifier(self, node: YNode, what: str, allow_arrow: bool = False) -> str:
        """An id: letters, digits, '_', '-', '.', ':'."""
        pattern = ARROW_ID_PATTERN if allow_arrow else ID_PATTERN
        if (isinstance(node, YScalar) and pattern.fullmatch(node.value)
                and not (node.plain and node.value in _NOT_TEXT)):
            return node.value
        value = self.string(node, what)
        raise self.fail(
            f"{what} {value!r} is not a valid id (use letters, digits, '_', '-', '.', ':'; "
            "no spaces)", node)

    def string_list(self, node: YNode, what: str) -> list[str]:
        """A list of strings (a single string is not accepted: write [x])."""
        if not isinstance(node, YSeq):
            raise self.fail(f"{what} must be a list, not {self._describe(node)}", node)
        return [self.string(item, f"{what} item") for item in node.items]

    def id_list(
        self, node: YMap, key: str, what: str, allow_arrow: bool = False
    ) -> list[tuple[str, YScalar]]:
        """The ids listed under ``key`` with their nodes; duplicates are refused."""
        if key not in node.items:
            return []
        seq = node.items[key][1]
        if not isinstance(seq, YSeq):
            raise self.fail(f"{what} {key!r} must be a list of ids, not {self._describe(seq)}",
                            seq)
        result: list[tuple[str, YScalar]] = []
        seen: set[str] = set()
        for item in seq.items:
            value = self.identifier(item, f"{what} {key!r} item", allow_arrow)
            if value in seen:
                raise self.fail(f"{what} lists {value!r} twice under {key!r}", item)
            seen.add(value)
            assert isinstance(item, YScalar)
            result.append((value, item))
        return result

    def date(self, node: YNode, what: str) -> str:
        """A date written YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar."""
        value = self.string(node, what)
        if not _DATE.fullmatch(value):
            raise self.fail(f"{what} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                            node)
        if not is_calendar_date(value):
            raise self.fail(f"{what} {value!r} is not a real date", node)
        return value

    def waivers(self, node: YMap, what: str) -> tuple[Waiver, ...]:
        """The ``waive`` mapping: rule id -> written reason."""
        if "waive" not in node.items:
            return ()
        # Imported here: the registry imports every rule, which most maps (no waivers) never need.
        from argmap.rules import RULES

        waive = self.mapping(node.items["waive"][1], f"{what} 'waive'")
        result = []
        for rule_id, (key, reason) in waive.items.items():
            if rule_id not in RULES:
                raise self.fail(f"{what} waives unknown rule {rule_id!r}{suggest(rule_id, RULES)}",
                                key)
            text = self.string(reason, f"the reason for waiving {rule_id!r}")
            result.append(Waiver(rule_id, text, self.pos(key)))
        return tuple(result)

    @staticmethod
    def _describe(node: YNode) -> str:
        if isinstance(node, YScalar):
            return repr(node.value)
        return kind_name(node)

