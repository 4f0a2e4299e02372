"""Safe YAML to a small positioned tree, composed from libyaml's events.

We compose the tree ourselves instead of using PyYAML's composer so that anchors and aliases are
refused before anything is expanded, nesting depth is bounded (libyaml's composer recurses in C
and crashes on very deep documents), duplicate keys are errors, and every node keeps its 1-based
line and column. It is also faster than PyYAML's own composer, whose tag resolution runs in Python.
"""

from __future__ import annotations

from typing import Any

import yaml

from argmap.errors import MapLoadError, Position

try:  # the C parser is much faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
_ALLOWED_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                           "tag:yaml.org,2002:seq"})
_IGNORED_EVENTS = (yaml.StreamStartEvent, yaml.DocumentEndEvent)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class YNode:
    """A node of the tree: its 1-based position in the file."""

    __slots__ = ("line", "col")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col


class YScalar(YNode):
    """A scalar: its text, and whether it was written plain (unquoted, untagged)."""

    __slots__ = ("value", "plain")

    def __init__(self, value: str, plain: bool, line: int, col: int) -> None:
        self.line = line  # not super().__init__: this runs once per scalar of the file
        self.col = col
        self.value = value
        self.plain = plain


class YSeq(YNode):
    """A sequence of nodes."""

    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.items: list[YNode] = []


class YMap(YNode):
    """A mapping with scalar keys, in file order; duplicate keys are refused while composing."""

    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
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


def parse_tree(text: str, path: str) -> YNode | None:
    """Compose ``text`` into a tree; None for a document with no content."""
    # Most maps are in the block-YAML subset that yaml_fast composes in about half the time;
    # it gives up on anything else (errors included), which libyaml then composes and words.
    from argmap.load.yaml_fast import compose_fast  # here: yaml_fast builds this module's nodes

    tree = compose_fast(text)
    if tree is not None:
        return tree
    return parse_tree_libyaml(text, path)


def parse_tree_libyaml(text: str, path: str) -> YNode | None:
    """Compose ``text`` through libyaml's events: any YAML, and every error worded."""
    loader = _Loader(text)
    try:
        return _compose(loader, path)
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


def _compose(loader: Any, path: str) -> YNode | None:
    # The hot loop of loading: one pass over ~15 events per claim. Scalars, the commonest
    # event, are handled first and attached inline; the rarer events go through _attach.
    stack: list[YNode] = []
    pending_key: list[YScalar | None] = []
    root: YNode | None = None
    documents = 0
    next_event = loader.get_event
    scalar_event, stream_end = yaml.ScalarEvent, yaml.StreamEndEvent
    allowed_tags = _ALLOWED_TAGS
    while True:
        event: Any = next_event()
        cls = type(event)
        if cls is scalar_event:
            mark = event.start_mark
            if event.anchor is not None or event.tag not in allowed_tags:
                _refuse_anchor_or_tag(event, path)
            scalar = YScalar(event.value, bool(event.implicit[0]), mark.line + 1,
                            mark.column + 1)
            if not stack:
                root = scalar
                continue
            parent = stack[-1]
            if type(parent) is YSeq:
                parent.items.append(scalar)
                continue
            assert isinstance(parent, YMap)
            key = pending_key[-1]
            if key is not None:
                parent.items[key.value] = (key, scalar)
                pending_key[-1] = None
            elif scalar.value in parent.items:
                _refuse_duplicate_key(parent, scalar, path)
            else:
                pending_key[-1] = scalar
            continue
        if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            stack.pop()
            pending_key.pop()
            continue
        if cls is stream_end:
            break
        if cls in _IGNORED_EVENTS:
            continue
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise MapLoadError("a map file holds one YAML document; found a second",
                                   Position(path, line, col))
            continue
        if cls is yaml.AliasEvent or event.anchor is not None or event.tag not in allowed_tags:
            _refuse_anchor_or_tag(event, path)
        if len(stack) >= MAX_DEPTH:
            raise MapLoadError(f"nesting deeper than {MAX_DEPTH} levels",
                               Position(path, line, col))
        node: YNode = YMap(line, col) if cls is yaml.MappingStartEvent else YSeq(line, col)
        if stack:
            _attach(stack[-1], pending_key, node, path)
        else:
            root = node
        stack.append(node)
        pending_key.append(None)
    if isinstance(root, YScalar) and root.plain and root.value in _NULLS:
        return None
    return root


def _refuse_anchor_or_tag(event: Any, path: str) -> None:
    pos = Position(path, event.start_mark.line + 1, event.start_mark.column + 1)
    if type(event) is yaml.AliasEvent or event.anchor is not None:
        raise MapLoadError(
            "YAML anchors and aliases are not allowed in a map (write the value out)", pos)
    raise MapLoadError(f"YAML tag {event.tag!r} is not allowed in a map", pos)


def _attach(parent: YNode, pending_key: list[YScalar | None], node: YNode, path: str) -> None:
    if isinstance(parent, YSeq):
        parent.items.append(node)
        return
    assert isinstance(parent, YMap)
    key = pending_key[-1]
    if key is None:
        if not isinstance(node, YScalar):
            raise MapLoadError(
                "mapping keys must be plain text, not " + kind_name(node),
                Position(path, node.line, node.col),
            )
        if node.value in parent.items:
            _refuse_duplicate_key(parent, node, path)
        pending_key[-1] = node
    else:
        parent.items[key.value] = (key, node)
        pending_key[-1] = None


def _refuse_duplicate_key(parent: YMap, key: YScalar, path: str) -> None:
    first = parent.items[key.value][0]
    raise MapLoadError(
        f"duplicate key {key.value!r} (first defined at line {first.line})",
        Position(path, key.line, key.col),
    )
