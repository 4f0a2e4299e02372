"""Safe YAML to a small positioned tree, composed from libyaml's events.

We compose the tree ourselves instead of using PyYAML's composer so that anchors and aliases are
refused before anything is expanded, nesting depth is bounded (libyaml's composer recurses in C
and crashes on very deep documents), duplicate keys are errors, and every node keeps its 1-based
line and column. It is also faster than PyYAML's own composer, whose tag resolution runs in Python.
"""

from __future__ import annotations

from typing import Any, NoReturn

import yaml
from yaml import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
)

from argmap.errors import MapLoadError, NotAMapError, Position

try:  # the C parser is much faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
_ALLOWED_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                           "tag:yaml.org,2002:seq"})
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class YNode:
    """A node of the tree: its 1-based position in the file, set by each kind of node."""

    __slots__ = ("line", "col")
    line: int
    col: int


class YScalar(YNode):
    """A scalar: its text, and whether it was written plain (unquoted, untagged)."""

    __slots__ = ("value", "plain")

    def __init__(self, value: str, plain: bool, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.value = value
        self.plain = plain


class YSeq(YNode):
    """A sequence of nodes."""

    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.items: list[YNode] = []


class YMap(YNode):
    """A mapping with scalar keys, in file order; duplicate keys are refused while composing."""

    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.items: dict[str, tuple[YScalar, YNode]] = {}


def kind_name(node: YNode) -> str:
    """How a node is described in error messages."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return "a scalar"


def _position(path: str, text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return Position(path, line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _tab_at(text: str, line: int, column: int) -> bool:
    # libyaml's own message ("found character that cannot start any token") hides the tab.
    lines = text.split("\n", line + 1)
    return line < len(lines) and lines[line][column : column + 1] == "\t"


def parse_tree(text: str, path: str, map_key: str | None = None) -> YNode | None:
    """Compose ``text`` into a tree; None for a document with no content.

    With ``map_key``, a file is known to be a map once its top mapping holds that key. Until
    then it may be any file at all: errors do not quote its text (a key, a tag), so that none
    reaches a terminal or a CI log, and they are `NotAMapError`, which directory scans pass
    over. Without ``map_key``, errors never quote the file.
    """
    top: list[YNode] = []  # the root, once composed
    try:
        return _parse(text, path, map_key, top)
    except MapLoadError as exc:
        if map_key is None or _known_map(top, map_key):
            raise
        raise NotAMapError(exc.message, exc.position) from None


def _parse(text: str, path: str, map_key: str | None, top: list[YNode]) -> YNode | None:
    loader = _Loader(text)
    try:
        return _compose(loader, path, map_key, top)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        pos = Position(path, mark.line + 1, mark.column + 1) if mark else Position(path, 1, 1)
        if "maximum nesting depth" in problem:
            # Newer libyaml builds stop deep flow nesting while scanning ahead, before our own
            # depth check sees the events; say the same thing either way.
            raise MapLoadError(f"nesting deeper than {MAX_DEPTH} levels", pos) from None
        if mark and _tab_at(text, mark.line, mark.column):
            problem = "a tab where YAML expects indentation or a value; indent with spaces"
        raise MapLoadError(f"YAML syntax error: {problem}", pos) from None
    except yaml.reader.ReaderError as exc:
        char = repr(chr(exc.character)) if isinstance(exc.character, int) else "a character"
        raise MapLoadError(
            f"{char} is not allowed in a YAML file", _position(path, text, exc.position)
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is marked
        raise MapLoadError(f"YAML error: {exc}", Position(path, 1, 1)) from None
    finally:
        loader.dispose()


def _compose(loader: Any, path: str, map_key: str | None, top: list[YNode]) -> YNode | None:
    """The tree of libyaml's events: one pass, the open collections on a stack."""
    open_nodes: list[YMap | YSeq] = []
    # For each open collection, the key read in a mapping whose value has not come yet.
    waiting_keys: list[YScalar | None] = []
    root: YNode | None = None
    documents = 0
    while True:
        event = loader.get_event()
        node: YNode
        mark: Any = event.start_mark  # libyaml marks every event
        if isinstance(event, ScalarEvent):
            if event.anchor is not None or event.tag not in _ALLOWED_TAGS:
                _refuse_anchor_or_tag(event, path, _known_map(top, map_key))
            node = YScalar(event.value, event.implicit[0], mark.line + 1, mark.column + 1)
        elif isinstance(event, CollectionStartEvent):
            if event.anchor is not None or event.tag not in _ALLOWED_TAGS:
                _refuse_anchor_or_tag(event, path, _known_map(top, map_key))
            if len(open_nodes) >= MAX_DEPTH:
                raise MapLoadError(f"nesting deeper than {MAX_DEPTH} levels",
                                   Position(path, mark.line + 1, mark.column + 1))
            node_class = YMap if isinstance(event, MappingStartEvent) else YSeq
            node = node_class(mark.line + 1, mark.column + 1)
        elif isinstance(event, CollectionEndEvent):
            open_nodes.pop()
            waiting_keys.pop()
            continue
        elif isinstance(event, AliasEvent):
            _refuse_anchor_or_tag(event, path, False)
        elif isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise MapLoadError("a map file holds one YAML document; found a second",
                                   Position(path, mark.line + 1, mark.column + 1))
            continue
        elif isinstance(event, StreamEndEvent):
            break
        else:  # the stream's start, a document's end
            continue
        if not open_nodes:
            root = node
            top.append(node)
        elif isinstance(parent := open_nodes[-1], YSeq):
            parent.items.append(node)
        elif waiting_keys[-1] is None:  # a mapping's key
            if not isinstance(node, YScalar) or node.value in parent.items:
                _refuse_key(parent, node, path, _known_map(top, map_key))
            waiting_keys[-1] = node
        else:  # the value of the key before it
            key = waiting_keys[-1]
            parent.items[key.value] = (key, node)
            waiting_keys[-1] = None
        if isinstance(node, (YMap, YSeq)):
            open_nodes.append(node)
            waiting_keys.append(None)
    if isinstance(root, YScalar) and root.plain and root.value in _NULLS:
        return None
    return root


def _known_map(top: list[YNode], map_key: str | None) -> bool:
    """Whether the file is known to be a map yet, so that its errors may quote it."""
    return map_key is not None and bool(top) and isinstance(top[0], YMap) and (
        map_key in top[0].items)


def _refuse_anchor_or_tag(event: Any, path: str, quote: bool) -> NoReturn:
    pos = Position(path, event.start_mark.line + 1, event.start_mark.column + 1)
    if isinstance(event, AliasEvent) or event.anchor is not None:
        raise MapLoadError(
            "YAML anchors and aliases are not allowed in a map (write the value out)", pos)
    tag = f"YAML tag {event.tag!r}" if quote else "a YAML tag"
    raise MapLoadError(f"{tag} is not allowed in a map", pos)


def _refuse_key(parent: YMap, key: YNode, path: str, quote: bool) -> NoReturn:
    """Raise for a key that is not a scalar, or that ``parent`` already holds."""
    pos = Position(path, key.line, key.col)
    if not isinstance(key, YScalar):
        raise MapLoadError("mapping keys must be plain text, not " + kind_name(key), pos)
    first = parent.items[key.value][0]
    name = f"duplicate key {key.value!r}" if quote else "duplicate key"
    raise MapLoadError(f"{name} (first defined at line {first.line})", pos)
