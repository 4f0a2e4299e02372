"""Argdown source to positioned items: front matter, comments stripped, lines grouped by role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.argdown.data import read_yaml
from argmap.errors import MapLoadError, Position

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_INFERENCE_LINE = re.compile(r"([ \t]*)(-{2,})[ \t]*$")
_PCS_ITEM = re.compile(r"([ \t]*)\((\d+)\)[ \t]+(.*)")
_RELATION_ITEM = re.compile(r"([ \t]*)(<\+|\+>|<-|->|<_|_>|><|\+|-)[ \t]+(.*)")
# what strip_comments looks for: an escape, or the start of a comment (`//` only at the line's
# start or after a space)
_COMMENT_OR_ESCAPE = re.compile(r"\\|/\*|<!--|(?:^|(?<=[ \t]))//")


@dataclass
class Item:
    """One logical unit of an Argdown file: a paragraph, heading, relation, PCS line or inference.

    ``text`` joins the item's physical lines (``parts``) with single spaces; ``spans`` maps
    offsets in ``text`` back to (offset, line, col) so errors inside an item point at the source.
    """

    kind: str  # paragraph | heading | relation | pcs | inference
    indent: int
    line: int
    col: int
    parts: list[str] = field(default_factory=list)
    marker: str = ""  # relation symbol, PCS number, heading level or dashes
    spans: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, fragment: str, line: int, col: int) -> None:
        """Append one physical line's content."""
        # the parts are joined when read: adding to one string would copy it every line
        offset = self.spans[-1][0] + len(self.parts[-1]) + 1 if self.parts else 0
        self.spans.append((offset, line, col))
        self.parts.append(fragment)

    @property
    def text(self) -> str:
        """The item's physical lines joined with single spaces."""
        return " ".join(self.parts)

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

    def where(line: int, col: int) -> Position:
        return Position(path, first + 1 + line, col)

    data = read_yaml("\n".join(lines[first + 1 : end]), "front matter", where)
    if data is None:
        return {}, end + 1
    if not isinstance(data, dict):
        raise MapLoadError("front matter must be a YAML mapping", Position(path, first + 2, 1))
    return data, end + 1


def strip_comments(lines: list[str], start: int, path: str) -> list[str]:
    """Blank out ``/* */``, ``<!-- -->`` and ``//`` comments, keeping every line and column."""
    out = list(lines)
    open_at: tuple[int, int, str] | None = None  # an unclosed block comment: line, col, closer
    for index in range(start, len(out)):
        line = out[index]
        kept: list[str] = []
        col = 0  # line[:col] is settled in kept
        while col < len(line):
            if open_at is not None:
                end = line.find(open_at[2], col)
                if end < 0:
                    kept.append(" " * (len(line) - col))
                    break
                end += len(open_at[2])
                kept.append(" " * (end - col))
                col, open_at = end, None
                continue
            found = _COMMENT_OR_ESCAPE.search(line, col)
            if found is None:
                kept.append(line[col:])
                break
            token, at = found.group(), found.start()
            if token == "\\":  # an escaped character is never a comment's start
                kept.append(line[col : at + 2])
                col = at + 2
            elif token == "//":
                kept += [line[col:at], " " * (len(line) - at)]
                break
            else:  # the closer is looked for from the opener on, as Argdown does
                kept.append(line[col:at])
                col, open_at = at, (index, at, "*/" if token == "/*" else "-->")
        out[index] = "".join(kept).rstrip()
    if open_at is not None:
        where = Position(path, open_at[0] + 1, open_at[1] + 1)
        raise MapLoadError("comment is never closed", where)
    return out


def _one_line_inference(raw: str, indent: int) -> tuple[str, int] | None:
    """The rule text of a one-line inference ``-- text --`` and its index in ``raw``, or None."""
    # by hand: a regular expression for this backtracks as a square on long runs of spaces
    body = raw.rstrip(" \t")
    inner_end = len(body.rstrip("-"))
    if not raw.startswith("--", indent) or len(body) - inner_end < 2:
        return None
    inner = body[indent + 2 : inner_end]  # spaces, the text, spaces
    text = inner.strip(" \t")
    if inner[:1] not in (" ", "\t") or inner[-1:] not in (" ", "\t") or len(inner) < 2:
        return None
    return text, indent + 2 + len(inner) - len(inner.lstrip(" \t"))


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
        elif one_line := _one_line_inference(raw, indent):
            item = Item("inference", indent, number, indent + 1, marker="--")
            item.add(one_line[0], number, one_line[1] + 1)
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
