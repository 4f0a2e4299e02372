"""Safe YAML to a small positioned tree, composed from libyaml's events.

We compose the tree ourselves instead of using PyYAML's composer so that anchors and aliases are
refused before anything is expanded, nesting depth is bounded (libyaml's composer recurses in C
and crashes on very deep documents), duplicate keys are errors, and every node keeps its 1-based
line and column. It is also faster than PyYAML's own composer, whose tag resolution runs in Python.
"""

from __future__ import annotations

import yaml

from argmap.errors import MapLoadError, Position

try:  # the C parser is much faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
_ALLOWED_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})


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
        super().__init__(line, col)
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


def parse_tree(text: str, path: str) -> YNode | None:
    """Compose ``text`` into a tree; None for a document with no content."""
    try:
        return _compose(text, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        pos = Position(path, mark.line + 1, mark.column + 1) if mark else Position(path, 1, 1)
        raise MapLoadError(f"YAML syntax error: {problem}", pos) from None
    except yaml.reader.ReaderError as exc:
        char = repr(chr(exc.character)) if isinstance(exc.character, int) else "a character"
        raise MapLoadError(
            f"{char} is not allowed in a YAML file", _position(path, text, exc.position)
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is marked
        raise MapLoadError(f"YAML error: {exc}", Position(path, 1, 1)) from None


def _compose(text: str, path: str) -> YNode | None:
    events = yaml.parse(text, Loader=_Loader)
    stack: list[YNode] = []
    pending_key: list[YScalar | None] = []
    root: YNode | None = None
    documents = 0
    for event in events:
        cls = type(event)
        mark = event.start_mark
        if cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise MapLoadError(
                    "a map file holds one YAML document; found a second",
                    Position(path, mark.line + 1, mark.column + 1),
                )
            continue
        if cls is yaml.AliasEvent or (
            cls in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
            and event.anchor is not None
        ):
            raise MapLoadError(
                "YAML anchors and aliases are not allowed in a map (write the value out)",
                Position(path, mark.line + 1, mark.column + 1),
            )
        if cls is yaml.ScalarEvent:
            if event.tag not in _ALLOWED_TAGS:
                raise MapLoadError(
                    f"YAML tag {event.tag!r} is not allowed in a map",
                    Position(path, mark.line + 1, mark.column + 1),
                )
            node: YNode = YScalar(
                event.value, bool(event.implicit[0]), mark.line + 1,
                mark.column + 1,
            )
        elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            if event.tag not in _ALLOWED_TAGS and event.tag != "tag:yaml.org,2002:map":
                raise MapLoadError(
                    f"YAML tag {event.tag!r} is not allowed in a map",
                    Position(path, mark.line + 1, mark.column + 1),
                )
            if len(stack) >= MAX_DEPTH:
                raise MapLoadError(
                    f"nesting deeper than {MAX_DEPTH} levels", Position(path, mark.line + 1,
                                                                        mark.column + 1)
                )
            node = (YMap if cls is yaml.MappingStartEvent else YSeq)(mark.line + 1,
                                                                     mark.column + 1)
            _attach(stack, pending_key, node, path)
            stack.append(node)
            pending_key.append(None)
            if root is None:
                root = node
            continue
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            stack.pop()
            pending_key.pop()
            continue
        else:  # stream and document boundaries
            continue
        if not stack:
            root = node
        else:
            _attach(stack, pending_key, node, path)
    if isinstance(root, YScalar) and root.plain and root.value in ("", "~", "null", "Null",
                                                                   "NULL"):
        return None
    return root


def _attach(stack: list[YNode], pending_key: list[YScalar | None], node: YNode, path: str) -> None:
    if not stack:
        return
    parent = stack[-1]
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
            first = parent.items[node.value][0]
            raise MapLoadError(
                f"duplicate key {node.value!r} (first defined at line {first.line})",
                Position(path, node.line, node.col),
            )
        pending_key[-1] = node
    else:
        parent.items[key.value] = (key, node)
        pending_key[-1] = None
