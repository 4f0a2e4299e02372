"""One Argdown element's text: its leading [title] or <title>, tags, {data} and plain text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from argmap.argdown.data import read_yaml
from argmap.argdown.lines import Item
from argmap.errors import MapLoadError, Position

# Each escapable character is replaced, while an element is read, by a private-use character
# of its own (U+10FF00 on), so that escaped syntax is not read as syntax.
_ESCAPABLE = "\\[]<>{}#*_@:/()+-`!."
_MARKER = {char: chr(0x10FF00 + number) for number, char in enumerate(_ESCAPABLE)}
_ESCAPE = re.compile("\\\\([" + re.escape(_ESCAPABLE) + "])")
_RESTORE = str.maketrans({marker: char for char, marker in _MARKER.items()})
_AS_WRITTEN = str.maketrans({marker: "\\" + char for char, marker in _MARKER.items()})
_BRACE = re.compile("[{}]")
# The patterns below are linear: no run they scan can reach past where the next match may
# start, so a line of 200,000 '[' or '#(' costs no more than one of letters.
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\(([^)#]*)\)|([\w\-./]+))")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^)\[\s]*)\)")
# Bold and italic markers, each opening or closing position found on its own: pairing them
# (the nearest closer after each opener) is then a binary search, not a rescan of the line.
_STRONG_OPEN = re.compile(r"(?<![\w*])(?=(\*\*|__)\S)")
_STRONG_CLOSE = re.compile(r"(?<=\S)(?=(\*\*|__)(?![\w*]))")
_EMPHASIS_OPEN = re.compile(r"(?<![\w*])(?=([*_])\S)")
_EMPHASIS_CLOSE = re.compile(r"(?<=\S)(?=([*_])(?![\w*]))")


@dataclass
class Element:
    """A statement or argument as written: a definition, a reference, or untitled text."""

    kind: str  # statement | argument
    title: str | None
    is_definition: bool
    text: str
    line: int
    col: int
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def _protect(text: str) -> str:
    """Replace each backslash escape with its private-use marker."""
    return _ESCAPE.sub(lambda match: _MARKER[match.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _closing(text: str, start: int) -> int:
    """Index of the brace closing the one at ``start`` (nesting counted), or -1."""
    depth = 0
    for match in _BRACE.finditer(text, start):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return match.start()
    return -1


def _take_data(text: str, item: Item, path: str) -> tuple[str, dict[str, Any]]:
    """Remove every ``{...}`` block from ``text`` and parse it as a YAML flow mapping."""
    data: dict[str, Any] = {}
    kept: list[str] = []
    done = 0
    while (start := text.find("{", done)) >= 0:
        end = _closing(text, start)
        if end < 0:
            raise MapLoadError("'{' of a data block is never closed", item.position(path, start))

        def where(line: int, col: int, offset: int = start) -> Position:
            return item.position(path, offset + col - 1)

        # escapes inside data are YAML's, not Argdown's
        block = read_yaml(text[start : end + 1].translate(_AS_WRITTEN), "data block", where)
        if not isinstance(block, dict):
            raise MapLoadError("data block is not a mapping", item.position(path, start))
        data.update(block)
        kept += [text[done:start], " "]
        done = end + 1
    kept.append(text[done:])
    return "".join(kept), data


def _title_at(text: str, item: Item, path: str) -> tuple[str, str, int] | None:
    """A leading ``[title]`` or ``<title>``: (kind, title, index after it), if present."""
    if not text or text[0] not in "[<":
        return None
    closer = "]" if text[0] == "[" else ">"
    end = text.find(closer)
    if end < 0:
        raise MapLoadError(
            f"title opened with '{text[0]}' is never closed with '{closer}'", item.position(path, 0)
        )
    if closer == "]" and text[end + 1 : end + 2] == "(":
        return None  # a Markdown link, not a statement title
    title = " ".join(text[1:end].split())
    if not title:
        raise MapLoadError("empty title", item.position(path, 0))
    return ("statement" if closer == "]" else "argument"), title, end + 1


def _unwrap(text: str, opener: re.Pattern[str], closer: re.Pattern[str]) -> str:
    """Drop each pair of markers around a non-empty span, pairing each opener (left to right)
    with the nearest closer of the same marker after it, as a lazy regular expression would."""
    closers: dict[str, list[int]] = {}
    for match in closer.finditer(text):
        closers.setdefault(match.group(1), []).append(match.start())
    kept: list[str] = []
    done = 0
    for match in opener.finditer(text):
        start, marker = match.start(), match.group(1)
        after = closers.get(marker, [])
        index = bisect_left(after, start + len(marker) + 1)
        if start < done or index == len(after):
            continue
        end = after[index]
        kept += [text[done:start], text[start + len(marker) : end]]
        done = end + len(marker)
    kept.append(text[done:])
    return "".join(kept)


def clean_text(text: str) -> str:
    """Plain text: links unfolded, bold and italic markers dropped, whitespace collapsed."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _unwrap(text, _STRONG_OPEN, _STRONG_CLOSE)
    text = _unwrap(text, _EMPHASIS_OPEN, _EMPHASIS_CLOSE)
    return " ".join(text.split())


def parse_element(item: Item, path: str) -> Element:
    """Read the statement or argument an item holds."""
    text, data = _take_data(_protect(item.text), item, path)
    kind, title, is_definition = "statement", None, False
    head = _title_at(text, item, path)
    if head is not None:
        kind, title, after = head
        rest = text[after:]
        if rest.startswith(":"):
            is_definition = True
            rest = rest[1:]
        text = rest
    tags = [(m.group(1) or m.group(2)).strip() for m in _TAG.finditer(text)]
    text = _TAG.sub(" ", text)
    plain = _restore(clean_text(text))
    title = _restore(title) if title else None
    return Element(
        kind,
        title,
        is_definition and bool(plain),
        plain,
        item.line,
        item.col,
        [_restore(t) for t in tags if t],
        data,
    )
