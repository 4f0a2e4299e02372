"""Argdown source to positioned items: front matter, comments stripped, lines grouped by role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.errors import MapLoadError, Position

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_INFERENCE_LINE = re.compile(r"([ \t]*)(-{2,})[ \t]*$")
_INFERENCE_ONE_LINE = re.compile(r"([ \t]*)--[ \t]+(.*?)[ \t]+-{2,}[ \t]*")
_PCS_ITEM = re.compile(r"([ \t]*)\((\d+)\)[ \t]+(.*)")
_RELATION_ITEM = re.compile(r"([ \t]*)(<\+|\+>|<-|->|<_|_>|><|\+|-)[ \t]+(.*)")
_LINE_COMMENT = re.compile(r"(?:^|(?<=[ \t]))//")


@dataclass
class Item:
    """One logical unit of an Argdown file: a paragraph, heading, relation, PCS line or inference.

    ``text`` joins the item's physical lines with single spaces; ``spans`` maps offsets in
    ``text`` back to (offset, line, col) so errors inside an item point at the source.
    """

    kind: str  # paragraph | heading | relation | pcs | inference
    indent: int
    line: int
    col: int
    text: str = ""
    marker: str = ""  # relation symbol, PCS number, heading level or dashes
    spans: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, fragment: str, line: int, col: int) -> None:
        """Append one physical line's content."""
        if self.text:
            self.text += " "
        self.spans.append((len(self.text), line, col))
        self.text += fragment

    def position(self, path: str, offset: int) -> Position:
        """The source position of an offset into ``text``."""
        line, col, start = self.line, self.col, 0
        for span_start, span_line, span_col in self.spans:
            if span_start <= offset:
                start, line, col = span_start, span_line, span_col
        return Position(path, line, col + max(0, offset - start))


def read_front_matter(lines: list[str], path: str) -> tuple[dict[str, Any], int]:
    """Parse a leading ``===`` YAML block; return it and the index of the first line after."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "===":
        return {}, 0
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
    if end is None:
        raise MapLoadError(
            "front matter opened with '===' is never closed", Position(path, first + 1, 1)
        )
    try:
        data = yaml.safe_load("\n".join(lines[first + 1 : end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first + 2 + (mark.line if mark else 0)
        col = 1 + (mark.column if mark else 0)
        raise MapLoadError(
            f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
            Position(path, line, col),
        ) from None
    if not isinstance(data, dict):
        raise MapLoadError("front matter must be a YAML mapping", Position(path, first + 2, 1))
    return data, end + 1


def strip_comments(lines: list[str], start: int, path: str) -> list[str]:
    """Blank out ``/* */``, ``<!-- -->`` and ``//`` comments, keeping every line and column."""
    out = list(lines)
    open_at: tuple[int, int, str] | None = None
    for index in range(start, len(out)):
        line = out[index]
        chars = list(line)
        col = 0
        while col < len(chars):
            if open_at is not None:
                closer = open_at[2]
                if line.startswith(closer, col):
                    for k in range(col, col + len(closer)):
                        chars[k] = " "
                    col += len(closer)
                    open_at = None
                    continue
                chars[col] = " "
                col += 1
                continue
            if line[col] == "\\":
                col += 2
                continue
            if line.startswith("/*", col) or line.startswith("<!--", col):
                closer = "*/" if line[col] == "/" else "-->"
                open_at = (index, col, closer)
                continue
            if line.startswith("//", col) and _LINE_COMMENT.match(line, col):
                for k in range(col, len(chars)):
                    chars[k] = " "
                break
            col += 1
        out[index] = "".join(chars).rstrip()
    if open_at is not None:
        where = Position(path, open_at[0] + 1, open_at[1] + 1)
        raise MapLoadError("comment is never closed", where)
    return out


def group_items(lines: list[str], start: int, path: str) -> list[Item]:
    """Group physical lines into items; continuation lines join the item they follow."""
    items: list[Item] = []
    current: Item | None = None
    in_inference: Item | None = None
    for index in range(start, len(lines)):
        raw = lines[index].expandtabs(4)
        number = index + 1
        if not raw.strip():
            if in_inference is None:
                current = None
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        body = raw[indent:]
        inference = _INFERENCE_LINE.fullmatch(raw)
        if in_inference is not None:
            if inference:
                in_inference = None
                current = None
            else:
                in_inference.add(body, number, indent + 1)
            continue
        item: Item | None = None
        if inference:
            item = Item("inference", indent, number, indent + 1, marker=inference.group(2))
            if len(inference.group(2)) < 4:
                in_inference = item
        elif one_line := _INFERENCE_ONE_LINE.fullmatch(raw):
            item = Item("inference", indent, number, indent + 1, marker="--")
            item.add(one_line.group(2), number, one_line.start(2) + 1)
        elif indent == 0 and (heading := _HEADING.fullmatch(raw)):
            item = Item("heading", 0, number, 1, marker=heading.group(1))
            item.add(heading.group(2), number, len(heading.group(1)) + 2)
        elif pcs := _PCS_ITEM.fullmatch(raw):
            item = Item("pcs", indent, number, indent + 1, marker=pcs.group(2))
            item.add(pcs.group(3), number, pcs.start(3) + 1)
        elif relation := _RELATION_ITEM.fullmatch(raw):
            item = Item("relation", indent, number, indent + 1, marker=relation.group(2))
            item.add(relation.group(3), number, relation.start(3) + 1)
        elif current is not None and current.kind != "inference":
            current.add(body, number, indent + 1)
            continue
        else:
            item = Item("paragraph", indent, number, indent + 1)
            item.add(body, number, indent + 1)
        items.append(item)
        current = None if item.kind == "inference" else item
    if in_inference is not None:
        raise MapLoadError(
            "inference opened with '--' is never closed with '--'",
            Position(path, in_inference.line, in_inference.col),
        )
    return items
