"""YAML inside Argdown (front matter, `{…}` data) read through the map loader's safe composer.

So anchors and aliases, tags and nesting past the loader's depth are refused with a position,
as in a map, instead of being expanded. Plain scalars get their YAML 1.1 types (true, 3, 1.5,
null, 2024-01-31) as PyYAML's safe loader would give them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from argmap.errors import MapLoadError, Position
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq, parse_tree

_LINE = re.compile(r"(?<=\(first defined at )line (\d+)")
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TYPED = {f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "null", "timestamp")}
# Longer plain scalars stay text without being typed: no number, date or boolean in Argdown
# data is longer, and typing some (a sexagesimal 1:0:0:…) takes time that grows as a square.
_MAX_TYPED_LENGTH = 64


def read_yaml(text: str, what: str, where: Callable[[int, int], Position]) -> Any:
    """The data ``text`` holds (None when empty); a YAML error is raised at ``where(line, col)``,
    its 1-based position in ``text``, with ``what`` naming the block."""
    try:
        root = parse_tree(text, "")
    except MapLoadError as exc:
        at = exc.position or Position("", 1, 1)
        # a duplicate key's message names the line of the first: a line of the file, too
        message = _LINE.sub(lambda m: f"line {where(int(m[1]), 1).line}", exc.message)
        raise MapLoadError(f"{what}: {message}", where(at.line, at.col)) from None
    return None if root is None else _value(root)


def _value(node: YNode) -> Any:
    # recursion is bounded: parse_tree refuses nesting past the loader's MAX_DEPTH
    if isinstance(node, YMap):
        return {key: _value(value) for key, (_, value) in node.items.items()}
    if isinstance(node, YSeq):
        return [_value(item) for item in node.items]
    assert isinstance(node, YScalar)
    return _scalar(node)


def _scalar(node: YScalar) -> Any:
    if not node.plain or len(node.value) > _MAX_TYPED_LENGTH:
        return node.value
    tag = _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))  # type: ignore[no-untyped-call]
    if tag not in _TYPED:
        return node.value
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, node.value))
    except (ValueError, OverflowError):  # a date not on the calendar, say: it stays text
        return node.value
