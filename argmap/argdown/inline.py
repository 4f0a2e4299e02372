"""One Argdown element's text: its leading [title] or <title>, tags, {data} and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.argdown.lines import Item
from argmap.errors import MapLoadError

_ESCAPABLE = set("\\[]<>{}#*_@:/()+-`!.")
_PLACEHOLDER = 0xE000
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\(([^)]*)\)|([\w\-./]+))")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


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


def _protect(text: str) -> tuple[str, dict[str, str]]:
    """Replace each backslash escape with a private-use character, restored later."""
    out: list[str] = []
    saved: dict[str, str] = {}
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPABLE:
            marker = chr(_PLACEHOLDER + len(saved))
            saved[marker] = text[index + 1]
            out.append(marker)
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out), saved


def _restore(text: str, saved: dict[str, str]) -> str:
    for marker, char in saved.items():
        text = text.replace(marker, char)
    return text


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    """Index of the bracket closing the one at ``start`` (nesting counted), or -1."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opener:
            depth += 1
        elif text[index] == closer:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _take_data(
    text: str, saved: dict[str, str], item: Item, path: str
) -> tuple[str, dict[str, Any]]:
    """Remove every ``{...}`` block from ``text`` and parse it as a YAML flow mapping."""
    data: dict[str, Any] = {}
    while (start := text.find("{")) >= 0:
        end = _closing(text, start, "{", "}")
        if end < 0:
            raise MapLoadError("'{' of a data block is never closed", item.position(path, start))
        raw = text[start : end + 1]
        for marker, char in saved.items():  # escapes inside data are YAML's, not Argdown's
            raw = raw.replace(marker, "\\" + char)
        try:
            block = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise MapLoadError(
                "data block is not a valid YAML mapping", item.position(path, start)
            ) from None
        if not isinstance(block, dict):
            raise MapLoadError("data block is not a mapping", item.position(path, start))
        data.update({str(k): v for k, v in block.items()})
        text = text[:start] + " " + text[end + 1 :]
    return text, data


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


def clean_text(text: str) -> str:
    """Plain text: links unfolded, bold and italic markers dropped, whitespace collapsed."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def parse_element(item: Item, path: str) -> Element:
    """Read the statement or argument an item holds."""
    text, saved = _protect(item.text)
    text, data = _take_data(text, saved, item, path)
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
    plain = _restore(clean_text(text), saved)
    title = _restore(title, saved) if title else None
    return Element(
        kind,
        title,
        is_definition and bool(plain),
        plain,
        item.line,
        item.col,
        [_restore(t, saved) for t in tags if t],
        data,
    )
