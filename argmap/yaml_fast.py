"""A line-based composer for the block YAML that maps are written in, giving parse_tree's tree.

libyaml's events (each with two Mark objects) cost more than the whole tree is worth on big
maps. Maps are written in a small, regular subset of YAML: block mappings with plain keys,
block lists, one-line plain or quoted scalars, one-line flow lists of plain items and folded or
literal block scalars. This module composes exactly that subset from compiled regular
expressions, one match per line, into the same YScalar/YSeq/YMap tree with the positions
libyaml reports. Anything outside the subset, or anything in doubt, makes it give up (None);
parse_tree then composes through libyaml, which also words every error. So this path never
decides that a file is wrong, and tests/test_yaml_fast.py proves the trees are identical.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.yaml_tree import YMap, YNode, YScalar, YSeq

# The characters we take: libyaml's reader refuses controls, DEL, surrogates and U+FFFE/U+FFFF;
# tabs, carriage returns, the other YAML line breaks (NEL, LS, PS) and BOMs we leave to it too.
# (Document markers and directives need no check: a line starting "---", "..." or "%" matches
# no line shape below, so it makes us give up.)
_TAKEN = re.compile(
    "[\n -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
# A plain scalar may not start with an indicator; "-", "?" and ":" may in YAML when a
# non-space follows, but maps do not need that, so they are refused too.
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_KEY = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s:]*(?::[^\s:]+)*"
# indent, "-" of a list item, a plain or quoted key and its ":", and the rest of the line.
_SINGLE_BODY = r"'(?:[^']|'')*'"
_DOUBLE_BODY = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(r"( *)(?:(-)(?: +|$))?(?:(" + "|".join((_KEY, _SINGLE_BODY, _DOUBLE_BODY))
                   + r"):(?: +|$))?(.*)")
_END = r"(?: *| +#.*)$"  # what may follow a quoted scalar, a flow list or a block header
_SINGLE = re.compile("(" + _SINGLE_BODY + ")" + _END)
_DOUBLE = re.compile("(" + _DOUBLE_BODY + ")" + _END)
_BLOCK_HEADER = re.compile(r"[|>]-?" + _END)
_TAIL = re.compile(_END)
_SINGLE_AT = re.compile(_SINGLE_BODY)
_DOUBLE_AT = re.compile(_DOUBLE_BODY)
_SPACES = re.compile(" *")
# Plain scalars in flow collections end at ",[]{}"; a ":" or "#" in one we leave to libyaml
# (their rules there differ between libyaml versions, and maps do not need them).
_FLOW_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}:#]*")
_FLOW_SPECIAL = re.compile(r"[\[{}#:'\"]")  # in a list: not the simple [a, b] case
_MAX_FLOW_DEPTH = 8
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "\\": "\\", "N": "\x85",
            "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_MAX_DEPTH = 48  # below yaml_tree.MAX_DEPTH: deep files go to the path that reports depth
_MAX_KEY = 200  # keys end before this column: libyaml refuses keys of over 1024 characters

_MAP, _SEQ, _INDENTLESS = 0, 1, 2  # frame kinds; an indentless list sits at its map's indent


class _Bail(Exception):
    """The text is outside the subset (or in doubt): leave it to libyaml."""


def compose_fast(text: str) -> YNode | None:
    """The tree parse_tree would compose from ``text``, or None to say: use libyaml."""
    try:
        return compose_strict(text)
    except _Bail:
        return None
    except Exception:  # noqa: BLE001 - a surprise here only means: let libyaml decide
        return None


def compose_strict(text: str) -> YNode:
    """The tree of ``text``; raises _Bail outside the subset (tests call this to see bugs)."""
    if not text or _TAKEN.fullmatch(text) is None:
        raise _Bail
    lines = text.split("\n")
    count = len(lines)
    match = _LINE.match
    stack: list[tuple[int, int, Any]] = []  # the enclosing frames: kind, indent, collection
    kind, indent = -1, -1
    node: Any = None  # the innermost open collection, a YMap or a YSeq
    root: YNode | None = None
    # A key or "-" whose value is on later lines: its kind, collection, key, indent, and where
    # libyaml puts the empty value if none comes (just after the ":" or the "-").
    pending: tuple[int, Any, YScalar | None, int, int, int] | None = None
    index = 0
    while index < count:
        line = lines[index]
        index += 1  # from here on, the 1-based number of this line
        found = match(line)
        if found is None:
            raise _Bail  # unreachable: the pattern matches every line
        spaces, dash, key, rest = found.groups()
        col = len(spaces)
        if dash is None:
            if key is None:
                if not rest or rest[0] == "#":
                    continue
                raise _Bail  # a scalar on a line of its own: a continuation, or a root scalar
            # Commonest of all: the next entry of the current mapping; else set the stage.
            if col != indent or kind != _MAP or pending is not None:
                kind, indent, node, root, pending = _enter(
                    col, False, index, stack, kind, indent, node, root, pending)
                if kind != _MAP:
                    raise _Bail
        else:
            kind, indent, node, root, pending = _enter(
                col, True, index, stack, kind, indent, node, root, pending)
            if kind == _MAP:
                raise _Bail
            if key is not None:  # "- key: ..." opens a mapping at the key
                key_col = found.start(3)
                child = YMap(index, key_col + 1)
                node.items.append(child)
                if len(stack) >= _MAX_DEPTH:
                    raise _Bail
                stack.append((kind, indent, node))
                kind, indent, node = _MAP, key_col, child
            elif not rest or rest[0] == "#":
                pending = (_SEQ, node, None, indent, index, found.start(2) + 2)
                continue
            else:
                first = rest[0]
                if first == "[":
                    node.items.append(_flow_list(rest, index, found.start(4) + 1))
                else:
                    value, index = _inline(rest, index, found.start(4) + 1, indent, lines)
                    node.items.append(value)
                continue
        # A mapping entry: node is the mapping, key its plain key.
        items = node.items
        key_col = found.start(3) + 1
        null_col = key_col + len(key) + 1  # just after the ":", where libyaml puts a null
        if key[0] == "'" or key[0] == '"':
            key_node = YScalar(_quoted_text(key), False, index, key_col)
            key = key_node.value
        else:
            key_node = YScalar(key, True, index, key_col)
        if key in items or null_col > _MAX_KEY:
            raise _Bail  # a duplicate is an error, which libyaml's path words
        if not rest or rest[0] == "#":
            pending = (_MAP, node, key_node, indent, index, null_col)
            continue
        first = rest[0]
        if first not in _NOT_PLAIN_START:  # the commonest value, inlined
            cut = rest.find(" #")
            value_text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
            if ": " in value_text or value_text[-1] == ":":
                raise _Bail
            items[key] = (key_node, YScalar(value_text, True, index, found.start(4) + 1))
        elif first == "[":
            items[key] = (key_node, _flow_list(rest, index, found.start(4) + 1))
        else:
            value, index = _inline(rest, index, found.start(4) + 1, indent, lines)
            items[key] = (key_node, value)
    if pending is not None:
        _attach(pending[1], pending[2], YScalar("", True, pending[4], pending[5]))
    if root is None:
        raise _Bail  # no content: libyaml's path says what that is
    return root


_Pending = tuple[int, Any, "YScalar | None", int, int, int]


def _enter(col: int, dash: bool, line: int, stack: list[tuple[int, int, Any]], kind: int,
           indent: int, node: Any, root: YNode | None, pending: _Pending | None
           ) -> tuple[int, int, Any, YNode | None, None]:
    """Open, give a null value to or close collections so a line at ``col`` can be read.

    Returns the frame the line belongs to (kind, indent, collection), the root and no pending
    value; raises _Bail when the line's indentation fits no open collection.
    """
    if pending is not None:
        owner_kind, owner, owner_key, owner_indent, null_line, null_col = pending
        if col > owner_indent or (col == owner_indent and dash and owner_kind == _MAP):
            child: YNode = YSeq(line, col + 1) if dash else YMap(line, col + 1)
            _attach(owner, owner_key, child)
            if len(stack) >= _MAX_DEPTH:
                raise _Bail
            stack.append((kind, indent, node))
            kind = _MAP if not dash else (_SEQ if col > owner_indent else _INDENTLESS)
            return kind, col, child, root, None
        _attach(owner, owner_key, YScalar("", True, null_line, null_col))
    elif root is None:
        root = YSeq(line, col + 1) if dash else YMap(line, col + 1)
        return (_SEQ if dash else _MAP), col, root, root, None
    while col < indent or (kind == _INDENTLESS and col == indent and not dash):
        if not stack:
            raise _Bail  # less indented than the root
        kind, indent, node = stack.pop()
    if col != indent:
        raise _Bail
    return kind, indent, node, root, None


def _attach(owner: Any, key: YScalar | None, value: YNode) -> None:
    if key is None:
        owner.items.append(value)
    else:
        owner.items[key.value] = (key, value)


def _inline(rest: str, line: int, col: int, parent_indent: int,
            lines: list[str]) -> tuple[YNode, int]:
    """The value written after "key: " or "- " at (line, col), and the next line's index."""
    first = rest[0]
    if first not in _NOT_PLAIN_START:
        cut = rest.find(" #")
        value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in value or value[-1] == ":":
            raise _Bail
        return YScalar(value, True, line, col), line
    if first == "'" or first == '"':
        quoted = (_SINGLE if first == "'" else _DOUBLE).match(rest)
        if quoted is None:
            raise _Bail  # not closed on this line, or something after it
        return YScalar(_quoted_text(quoted.group(1)), False, line, col), line
    if first == "[":
        return _flow_list(rest, line, col), line
    if first == "{":
        return _flow(rest, line, col), line
    if first in "|>" and _BLOCK_HEADER.match(rest):
        return _block_scalar(rest, line, col, parent_indent, lines)
    raise _Bail


def _quoted_text(quoted: str) -> str:
    """The text of a one-line quoted scalar, quotes included in ``quoted``."""
    body = quoted[1:-1]
    if quoted[0] == "'":
        return body.replace("''", "'")
    if "\\" not in body:
        return body
    return _ESCAPE.sub(_escaped_char, body)


def _escaped_char(found: re.Match[str]) -> str:
    simple = found.group(4)
    if simple is not None:
        if simple not in _ESCAPED:
            raise _Bail  # unknown here ("\/" and "\'" differ between libyaml versions)
        return _ESCAPED[simple]
    code = int(found.group(1) or found.group(2) or found.group(3), 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Bail
    return chr(code)


def _flow_list(rest: str, line: int, col: int) -> YSeq:
    """A one-line flow list at (line, col): ``[a, b]`` quickly, anything else by _flow."""
    close = rest.find("]")
    inner = rest[1:close]
    if close < 0 or _FLOW_SPECIAL.search(inner) or not _TAIL.match(rest, close + 1):
        found = _flow(rest, line, col)
        if type(found) is not YSeq:
            raise _Bail  # unreachable: rest starts with "["
        return found
    seq = YSeq(line, col)
    if not inner.strip(" "):
        return seq
    item_col = col + 1
    for part in inner.split(","):
        item = part.lstrip(" ")
        if not item or item[0] in _NOT_PLAIN_START:
            raise _Bail  # an empty item or a trailing comma: leave it to libyaml
        seq.items.append(YScalar(item.rstrip(" "), True, line, item_col + len(part) - len(item)))
        item_col += len(part) + 1
    return seq


def _flow(rest: str, line: int, col: int) -> YNode:
    """A flow list or mapping that ``rest``, at (line, col), holds whole."""
    node, end = _flow_node(rest, 0, line, col, 0)
    if not _TAIL.match(rest, end):
        raise _Bail
    return node


def _flow_node(text: str, pos: int, line: int, col: int, depth: int) -> tuple[YNode, int]:
    first = text[pos : pos + 1]
    if first != "[" and first != "{":
        return _flow_scalar(text, pos, line, col)
    if depth >= _MAX_FLOW_DEPTH:
        raise _Bail
    closing = "]" if first == "[" else "}"
    collection: Any = YSeq(line, col + pos) if first == "[" else YMap(line, col + pos)
    pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text[pos : pos + 1] == closing:
        return collection, pos + 1
    while True:
        if closing == "]":
            item, pos = _flow_node(text, pos, line, col, depth + 1)
            collection.items.append(item)
        else:
            key, pos = _flow_scalar(text, pos, line, col)
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos : pos + 2] != ": " or key.value in collection.items:
                raise _Bail  # a key without a value, or a duplicate
            value, pos = _flow_node(text, _SPACES.match(text, pos + 2).end(),  # type: ignore
                                    line, col, depth + 1)
            collection.items[key.value] = (key, value)
        pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
        after = text[pos : pos + 1]
        if after == closing:
            return collection, pos + 1
        if after != ",":
            raise _Bail
        pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]


def _flow_scalar(text: str, pos: int, line: int, col: int) -> tuple[YScalar, int]:
    first = text[pos : pos + 1]
    if first == "'" or first == '"':
        quoted = (_SINGLE_AT if first == "'" else _DOUBLE_AT).match(text, pos)
        if quoted is None:
            raise _Bail
        return YScalar(_quoted_text(quoted.group()), False, line, col + pos), quoted.end()
    plain = _FLOW_PLAIN.match(text, pos)
    if plain is None:
        raise _Bail  # an empty item, a trailing comma, an indicator: leave it to libyaml
    value = plain.group().rstrip(" ")
    return YScalar(value, True, line, col + pos), pos + len(value)


def _block_scalar(header: str, line: int, col: int, parent_indent: int,
                  lines: list[str]) -> tuple[YScalar, int]:
    """A ``|``, ``|-``, ``>`` or ``>-`` scalar whose header is on ``line`` (1-based)."""
    literal, strip = header[0] == "|", header[1:2] == "-"
    count = len(lines)
    index = line  # 0-based index of the line after the header
    breaks = 0  # line breaks of the blank lines met since the last content line
    widest_blank = 0
    while index < count and not lines[index].strip(" "):
        widest_blank = max(widest_blank, len(lines[index]))
        breaks += index < count - 1
        index += 1
    if index == count:
        raise _Bail  # an empty block scalar
    first = lines[index]
    indent = len(first) - len(first.lstrip(" "))
    if indent <= parent_indent or widest_blank > indent:
        raise _Bail  # empty, or the indentation is set by a blank line: rare, libyaml decides
    parts: list[str] = []
    leading_break = ""  # the break ending the previous content line
    leading_blank = False  # the previous content line started with a space
    while index < count:
        text = lines[index]
        if not text.strip(" "):
            if len(text) > indent:
                raise _Bail  # spaces beyond the indentation are content: rare
            breaks += index < count - 1
            index += 1
            continue
        if not text.startswith(" " * indent):
            break
        content = text[indent:]
        trailing_blank = content[0] == " "
        if not literal and leading_break and not leading_blank and not trailing_blank:
            if not breaks:
                parts.append(" ")  # folding: one line break becomes a space
        else:
            parts.append(leading_break)
        parts.append("\n" * breaks)
        breaks = 0
        leading_blank = trailing_blank
        parts.append(content)
        leading_break = "\n" if index < count - 1 else ""
        index += 1
    if not strip:
        parts.append(leading_break)
    return YScalar("".join(parts), False, line, col), index
