"""Values on one line (plain, quoted, flow) and block scalars, as libyaml composes them.

Part of yaml_fast: each function returns the node libyaml would compose, with its position, or
raises NotInSubset when the text is outside what these functions handle exactly.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq


class NotInSubset(Exception):
    """The text is outside the subset yaml_fast composes (or in doubt): leave it to libyaml."""


# A plain scalar may not start with an indicator; "-", "?" and ":" may in YAML when a
# non-space follows, but maps do not need that, so they are refused too.
PLAIN_FIRST = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
SINGLE_QUOTED = r"'(?:[^']|'')*'"
DOUBLE_QUOTED = r'"(?:[^"\\]|\\.)*"'
_END = r"(?: *| +#.*)$"  # what may follow a quoted scalar, a flow list or a block header
_SINGLE = re.compile("(" + SINGLE_QUOTED + ")" + _END)
_DOUBLE = re.compile("(" + DOUBLE_QUOTED + ")" + _END)
_BLOCK_HEADER = re.compile(r"[|>]-?" + _END)
_TAIL = re.compile(_END)
_SINGLE_AT = re.compile(SINGLE_QUOTED)
_SINGLE_OPEN = re.compile(r"'((?:[^']|'')*)$")  # opened, not closed on its line
_SINGLE_RUN = re.compile(r"(?:[^']|'')*$")  # a line inside: no closing quote
_SINGLE_CLOSE = re.compile(r"((?:[^']|'')*)'" + _END)  # the closing line
_DOUBLE_AT = re.compile(DOUBLE_QUOTED)
# Plain scalars in flow collections end at ",[]{}"; a ":" or "#" in one we leave to libyaml
# (their rules there differ between libyaml versions, and maps do not need them).
_FLOW_PLAIN = re.compile(PLAIN_FIRST + r"[^,\[\]{}:#]*")
# The usual flow list: plain items without spaces, each after ", ".
_SIMPLE_ITEM = PLAIN_FIRST + r"[^\s,\[\]{}#:]*"
SIMPLE_FLOW = re.compile(r"\[(" + _SIMPLE_ITEM + "(?:, " + _SIMPLE_ITEM + r")*)\]" + _END)
_MAX_FLOW_DEPTH = 8
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "\\": "\\", "N": "\x85",
            "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def inline_value(rest: str, line: int, col: int, parent_indent: int, lines: list[str]) -> YNode:
    """The value written after "key: " or "- " at (line, col), ``rest`` of its line."""
    first = rest[0]
    if first not in _NOT_PLAIN_START:
        cut = rest.find(" #")
        value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in value or value[-1] == ":":
            raise NotInSubset
        return YScalar(value, True, line, col)
    if first == "'" or first == '"':
        quoted = (_SINGLE if first == "'" else _DOUBLE).match(rest)
        if quoted is not None:
            return YScalar(quoted_text(quoted.group(1)), False, line, col)
        if first == "'":
            return _single_quoted_lines(rest, line, col, parent_indent, lines)
        raise NotInSubset  # not closed on this line, or something after it
    if first == "[":
        return flow_list(rest, line, col)
    if first == "{":
        return _flow(rest, line, col)
    if first in "|>" and _BLOCK_HEADER.match(rest):
        return _block_scalar(rest, line, col, parent_indent, lines)
    raise NotInSubset


def quoted_text(quoted: str) -> str:
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
            raise NotInSubset  # unknown here ("\/" and "\'" differ between libyaml versions)
        return _ESCAPED[simple]
    code = int(found.group(1) or found.group(2) or found.group(3), 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise NotInSubset
    return chr(code)


def flow_list(rest: str, line: int, col: int) -> YSeq:
    """A one-line flow list at (line, col): ``[a, b]`` quickly, anything else by _flow."""
    simple = SIMPLE_FLOW.match(rest)
    if simple is None:
        found = _flow(rest, line, col)
        if type(found) is not YSeq:
            raise NotInSubset  # unreachable: rest starts with "["
        return found
    seq = YSeq(line, col)
    items = seq.items
    item_col = col + 1
    for item in simple.group(1).split(", "):
        items.append(YScalar(item, True, line, item_col))
        item_col += len(item) + 2
    return seq


def _flow(rest: str, line: int, col: int) -> YNode:
    """A flow list or mapping that ``rest``, at (line, col), holds whole."""
    node, end = _flow_node(rest, 0, line, col, 0)
    if not _TAIL.match(rest, end):
        raise NotInSubset
    return node


def _flow_node(text: str, pos: int, line: int, col: int, depth: int) -> tuple[YNode, int]:
    first = text[pos : pos + 1]
    if first != "[" and first != "{":
        return _flow_scalar(text, pos, line, col)
    if depth >= _MAX_FLOW_DEPTH:
        raise NotInSubset
    closing = "]" if first == "[" else "}"
    collection: Any = YSeq(line, col + pos) if first == "[" else YMap(line, col + pos)
    pos = _after_spaces(text, pos + 1)
    if text[pos : pos + 1] == closing:
        return collection, pos + 1
    while True:
        if closing == "]":
            item, pos = _flow_node(text, pos, line, col, depth + 1)
            collection.items.append(item)
        else:
            key, pos = _flow_scalar(text, pos, line, col)
            pos = _after_spaces(text, pos)
            if text[pos : pos + 2] != ": " or key.value in collection.items:
                raise NotInSubset  # a key without a value, or a duplicate
            value, pos = _flow_node(text, _after_spaces(text, pos + 2),
                                    line, col, depth + 1)
            collection.items[key.value] = (key, value)
        pos = _after_spaces(text, pos)
        after = text[pos : pos + 1]
        if after == closing:
            return collection, pos + 1
        if after != ",":
            raise NotInSubset
        pos = _after_spaces(text, pos + 1)


def _after_spaces(text: str, pos: int) -> int:
    while text.startswith(" ", pos):
        pos += 1
    return pos


def _flow_scalar(text: str, pos: int, line: int, col: int) -> tuple[YScalar, int]:
    first = text[pos : pos + 1]
    if first == "'" or first == '"':
        quoted = (_SINGLE_AT if first == "'" else _DOUBLE_AT).match(text, pos)
        if quoted is None:
            raise NotInSubset
        return YScalar(quoted_text(quoted.group()), False, line, col + pos), quoted.end()
    plain = _FLOW_PLAIN.match(text, pos)
    if plain is None:
        raise NotInSubset  # an empty item, a trailing comma, an indicator: leave it to libyaml
    value = plain.group().rstrip(" ")
    return YScalar(value, True, line, col + pos), pos + len(value)


def _single_quoted_lines(rest: str, line: int, col: int, parent_indent: int,
                         lines: list[str]) -> YScalar:
    """A single-quoted scalar opened in ``rest`` on ``line`` (1-based) and closed on a later one.

    libyaml folds its lines as in a plain scalar: a line break becomes a space, or a line break
    for each blank line between; spaces around a break are dropped. Its lines are blanked in
    ``lines``, so the caller passes over them as blank lines.
    """
    opened = _SINGLE_OPEN.match(rest)
    if opened is None:
        raise NotInSubset  # closed, then something other than a comment after it
    parts = [opened.group(1).rstrip(" ")]
    breaks = 0  # blank lines since the last line with text
    for index in range(line, len(lines)):
        text = lines[index]
        inner = text.lstrip(" ")
        if not inner:
            breaks += 1
            continue
        if len(text) - len(inner) <= parent_indent:
            raise NotInSubset  # libyaml is lenient about this indentation; we are not
        parts.append("\n" * breaks if breaks else " ")
        breaks = 0
        closed = _SINGLE_CLOSE.match(inner)
        if closed is not None:
            parts.append(closed.group(1))
            lines[line : index + 1] = [""] * (index + 1 - line)
            return YScalar("".join(parts).replace("''", "'"), False, line, col)
        if _SINGLE_RUN.match(inner) is None:
            raise NotInSubset  # closed, then more text
        parts.append(inner.rstrip(" "))
    raise NotInSubset  # never closed


def _block_scalar(header: str, line: int, col: int, parent_indent: int,
                  lines: list[str]) -> YScalar:
    """A ``|``, ``|-``, ``>`` or ``>-`` scalar whose header is on ``line`` (1-based).

    Its lines are blanked in ``lines``, so the caller passes over them as blank lines.
    """
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
        raise NotInSubset  # an empty block scalar
    first = lines[index]
    indent = len(first) - len(first.lstrip(" "))
    if indent <= parent_indent or widest_blank > indent:
        raise NotInSubset  # empty, or the indentation is set by a blank line: rare, libyaml decides
    parts: list[str] = []
    leading_break = ""  # the break ending the previous content line
    leading_blank = False  # the previous content line started with a space
    while index < count:
        text = lines[index]
        if not text.strip(" "):
            if len(text) > indent:
                raise NotInSubset  # spaces beyond the indentation are content: rare
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
    lines[line:index] = [""] * (index - line)
    return YScalar("".join(parts), False, line, col)
