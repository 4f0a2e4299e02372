"""A line-based composer for the block YAML that maps are written in, giving parse_tree's tree.

libyaml's events (each with two Mark objects) cost more than the tree is worth on big maps.
Maps are written in a small, regular subset of YAML: block mappings with plain or quoted keys,
block lists (indented or not), comments, plain or quoted scalars and flow lists or mappings on
one line, plain and single-quoted scalars folded over lines (dump_map writes those for long
texts), and folded or literal block scalars. This module composes that subset from compiled
regular expressions, one match per line, into the same YScalar/YSeq/YMap tree with the
positions libyaml reports. Anything outside the subset or in doubt (errors included) makes it
give up, and parse_tree composes through libyaml, which words every error. So this path never
decides that a file is wrong; tests/test_yaml_fast.py checks that the trees are identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap.load.gc_pause import cyclic_gc_paused
from argmap.load.yaml_fast_values import (
    PLAIN_FIRST,
    SIMPLE_FLOW,
    NotInSubset,
    flow_list,
    inline_value,
    quoted_text,
)
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq

# The characters we leave to libyaml: those its reader refuses (controls, DEL, C1 controls,
# surrogates, U+FFFE, U+FFFF), tabs, lone carriage returns, the other YAML line breaks (NEL,
# LS, PS) and byte order marks. (A small class: a big one of the allowed ranges takes
# milliseconds to compile, which every start-up would pay.) Document markers and directives
# need no check: a line starting "---", "..." or "%" matches no line shape below.
_TAKEN = re.compile("[^\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]*")
# Keys are short: libyaml refuses a key of over 1024 characters (bytes, in some versions), so
# longer ones go to it.
_KEY = PLAIN_FIRST + r"[^\s:]{0,127}+(?::[^\s:]{1,40}+){0,2}+"
_QUOTED_KEY = r"'(?:[^']|''){0,100}+'|\"(?:[^\"\\]|\\.){0,100}+\""
# A plain scalar that is certainly one and has nothing after it: no ":" or "#" at all, no
# trailing space. Other values (quoted, flow, block, commented, with a colon) are matched by
# (.*) and sorted out in Python.
_PLAIN_WHOLE = PLAIN_FIRST + r"[^:#]*+(?<! )$"
# Indent, "-" of a list item, a plain or quoted key and its ":", a plain value or the rest.
_LINE = re.compile(r"( *)(?:(-)(?: +|$))?(?:(?:(" + _KEY + ")|(" + _QUOTED_KEY
                   + r")):(?: +|$))?(?:(" + _PLAIN_WHOLE + ")|(.*))")
_MAX_DEPTH = 48  # below yaml_tree.MAX_DEPTH: deep files go to the path that reports depth
_MAP, _SEQ, _INDENTLESS = 0, 1, 2  # frame kinds; an indentless list sits at its map's indent
# A key or "-" whose value is on later lines: its kind, collection, key, indent, and where
# libyaml puts the empty value if none comes (just after the ":" or the "-").
_Pending = tuple[int, Any, "YScalar | None", int, int, int]
# A plain scalar continued over lines: the node, and the line and column where its text ends.
_Continued = tuple["YScalar", int, int]


def compose_fast(text: str) -> YNode | None:
    """The tree parse_tree would compose from ``text``, or None to say: use libyaml."""
    try:
        with cyclic_gc_paused():  # a tree has no cycles; collector passes would be wasted
            return compose_strict(text)
    except NotInSubset:
        return None
    except Exception:  # noqa: BLE001 - a surprise here only means: let libyaml decide
        return None


def compose_strict(text: str) -> YNode:
    """The tree of ``text``; raises NotInSubset outside the subset (tests call this one)."""
    if "\r" in text:  # libyaml reads "\r\n" as "\n": same lines, columns and values
        if text.count("\r") != text.count("\r\n"):
            raise NotInSubset  # a "\r" alone breaks a line too; leave that to libyaml
        text = text.replace("\r\n", "\n")
    if not text or _TAKEN.fullmatch(text) is None:
        raise NotInSubset
    lines = text.split("\n")
    # Locals, for this loop is hot. _LINE matches every line, so match never gives None.
    match: Callable[[str], re.Match[str]] = _LINE.match  # type: ignore[assignment]
    simple_flow, new_scalar = SIMPLE_FLOW.match, YScalar
    stack: list[tuple[int, int, Any]] = []  # the enclosing frames: kind, indent, collection
    kind, indent = _MAP, -1
    node: Any = None  # the innermost open collection, a YMap or a YSeq
    items: Any = None  # its items
    root: YNode | None = None
    pending: _Pending | None = None
    steady = -2  # the indent of the innermost mapping while no value is pending, else -2
    continued: _Continued | None = None  # the plain scalar last continued, and where it ends
    index = 0  # the 1-based number of this line
    for line in lines:
        index += 1
        found = match(line)
        spaces, dash, key, quoted_key, plain, rest = found.groups()
        col = len(spaces)
        if dash is None:
            if key is None:
                if quoted_key is None:
                    if plain is None and (not rest or rest[0] == "#"):
                        continue  # a blank or comment line
                    # A scalar alone on its line: the next line of a plain scalar, or not ours.
                    continued = _continue_plain(
                        lines, index, col, plain if plain is not None else rest, node, indent,
                        pending, continued)
                    continue
                key = quoted_text(quoted_key)
            # Commonest of all: the next entry of the current mapping (col == steady); next
            # commonest, the first entry of a mapping that is the value of the line before.
            if col != steady:
                if pending is None and root is not None:  # back out to an enclosing mapping
                    while col < indent or (col == indent and kind == _INDENTLESS):
                        if not stack:
                            raise NotInSubset  # less indented than the root
                        kind, indent, node = stack.pop()
                    if col != indent or kind != _MAP:
                        raise NotInSubset
                elif pending is not None and col > pending[3]:
                    child = YMap(index, col + 1)
                    owner_key = pending[2]
                    if owner_key is None:
                        pending[1].items.append(child)
                    else:
                        pending[1].items[owner_key.value] = (owner_key, child)
                    if len(stack) >= _MAX_DEPTH:
                        raise NotInSubset
                    stack.append((kind, indent, node))
                    kind, indent, node, pending = _MAP, col, child, None
                else:
                    kind, indent, node, root, pending = _enter(
                        col, False, index, stack, kind, indent, node, root, pending)
                    if kind != _MAP:
                        raise NotInSubset
                items, steady = node.items, col
            key_col = col + 1
        else:
            kind, indent, node, root, pending = _enter(
                col, True, index, stack, kind, indent, node, root, pending)
            if kind == _MAP:
                raise NotInSubset
            steady = -2
            if key is not None or quoted_key is not None:  # "- key: ..." opens a mapping
                key_col = found.start(3 if key is not None else 4) + 1
                child = YMap(index, key_col)
                node.items.append(child)
                if len(stack) >= _MAX_DEPTH:
                    raise NotInSubset
                stack.append((kind, indent, node))
                kind, indent, node, items = _MAP, key_col - 1, child, child.items
                steady = indent
                if key is None:
                    key = quoted_text(quoted_key)
            elif plain is not None:
                node.items.append(new_scalar(plain, True, index, found.start(5) + 1))
                continue
            elif not rest or rest[0] == "#":
                pending = (_SEQ, node, None, indent, index, col + 2)
                continue
            else:
                node.items.append(inline_value(rest, index, found.start(6) + 1, indent, lines))
                continue
        # A mapping entry: items are the mapping's, key its key, at key_col.
        if quoted_key is None:
            key_node = new_scalar(key, True, index, key_col)
        else:
            key_node = new_scalar(key, False, index, key_col)
        if key in items:
            raise NotInSubset  # a duplicate is an error, which libyaml's path words
        if plain is not None:  # the commonest value: a plain scalar, nothing after it
            items[key] = (key_node, new_scalar(plain, True, index, found.start(5) + 1))
        elif not rest or rest[0] == "#":
            raw = key if quoted_key is None else quoted_key
            pending = (_MAP, node, key_node, indent, index, key_col + len(raw) + 1)
            steady = -2
        elif rest[0] == "[":
            simple = simple_flow(rest)
            if simple is None:
                items[key] = (key_node, flow_list(rest, index, found.start(6) + 1))
                continue
            item_col = found.start(6) + 1
            seq = YSeq(index, item_col)
            items[key] = (key_node, seq)
            elements = seq.items
            item_col += 1
            for item in simple.group(1).split(", "):  # the usual list, "[a, b]"
                elements.append(new_scalar(item, True, index, item_col))
                item_col += len(item) + 2
        else:
            items[key] = (key_node, inline_value(rest, index, found.start(6) + 1, indent,
                                                 lines))
    if pending is not None:
        _attach(pending[1], pending[2], YScalar("", True, pending[4], pending[5]))
    if root is None:
        raise NotInSubset  # no content: libyaml's path says what that is
    return root


def _enter(col: int, dash: bool, line: int, stack: list[tuple[int, int, Any]], kind: int,
           indent: int, node: Any, root: YNode | None, pending: _Pending | None
           ) -> tuple[int, int, Any, YNode | None, None]:
    """Open, give a null value to or close collections so a line at ``col`` can be read.

    Returns the frame the line belongs to (kind, indent, collection), the root and no pending
    value; raises NotInSubset when the line's indentation fits no open collection.
    """
    if pending is not None:
        owner_kind, owner, owner_key, owner_indent, null_line, null_col = pending
        if col > owner_indent or (col == owner_indent and dash and owner_kind == _MAP):
            child: YNode = YSeq(line, col + 1) if dash else YMap(line, col + 1)
            _attach(owner, owner_key, child)
            if len(stack) >= _MAX_DEPTH:
                raise NotInSubset
            stack.append((kind, indent, node))
            kind = _MAP if not dash else (_SEQ if col > owner_indent else _INDENTLESS)
            return kind, col, child, root, None
        _attach(owner, owner_key, YScalar("", True, null_line, null_col))
    elif root is None:
        root = YSeq(line, col + 1) if dash else YMap(line, col + 1)
        return (_SEQ if dash else _MAP), col, root, root, None
    while col < indent or (kind == _INDENTLESS and col == indent and not dash):
        if not stack:
            raise NotInSubset  # less indented than the root
        kind, indent, node = stack.pop()
    if col != indent:
        raise NotInSubset
    return kind, indent, node, root, None


def _continue_plain(lines: list[str], line: int, col: int, text: str, node: Any, indent: int,
                    pending: _Pending | None, continued: _Continued | None) -> _Continued:
    """Add ``text``, alone on ``line`` at ``col``, to the plain scalar the lines above end with.

    libyaml folds such a line into a plain scalar when it is more indented than the collection
    holding the scalar: joined by a space, or by a line break for each blank line between.
    Returns where the scalar now ends; raises NotInSubset for anything else.
    """
    if pending is not None or node is None or col <= indent:
        raise NotInSubset  # a value starting on the line after its key, or bad indentation
    above = line - 1  # the 1-based number of the content line above
    while above > 0 and not lines[above - 1].strip(" "):
        above -= 1
    items = node.items
    if not items or above == 0:
        raise NotInSubset
    last = items[-1] if type(node) is YSeq else next(reversed(items.values()))[1]
    if type(last) is not YScalar or not last.plain or not last.value:
        raise NotInSubset
    if continued is not None and continued[0] is last:
        end_line, end_col = continued[1], continued[2]
    else:
        end_line, end_col = last.line, last.col - 1 + len(last.value)
    if end_line != above or len(lines[above - 1].rstrip(" ")) != end_col:
        raise NotInSubset  # the scalar ended (a comment, say) before the line above ended
    cut = text.find(" #")
    content = (text if cut < 0 else text[:cut]).rstrip(" ")
    if ": " in content or content[-1] == ":":
        raise NotInSubset
    blank = line - 1 - above
    last.value += ("\n" * blank if blank else " ") + content
    return last, line, col + len(content)


def _attach(owner: Any, key: YScalar | None, value: YNode) -> None:
    if key is None:
        owner.items.append(value)
    else:
        owner.items[key.value] = (key, value)


