"""What every importer needs: reading source text, argmap ids from foreign ids, import warnings."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.findings import Finding, Severity

_NOT_ID = re.compile(r"[^\w.:-]+")


def read_source_text(path: Path) -> str:
    """The file's text as UTF-8; unreadable or undecodable files are positioned load errors."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MapLoadError(f"cannot read file: {exc.strerror}", Position(str(path), 1, 1)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise MapLoadError("file is not UTF-8 text", Position(str(path), line, col)) from None


def sanitise_id(name: str, fallback: str = "item") -> str:
    """An argmap id for a foreign name: runs of characters ids cannot hold become `_`."""
    ident = _NOT_ID.sub("_", name.strip()).strip("_") or fallback
    return ident if re.match(r"\w", ident) else f"_{ident}"


class IdAllocator:
    """Hands out unique ids in the one namespace claims and arguments share."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def allocate(self, name: str, fallback: str = "item") -> str:
        """A fresh id based on ``name``; a clash gets a numeric suffix."""
        base = sanitise_id(name, fallback)
        ident, number = base, 1
        while ident in self.taken:
            number += 1
            ident = f"{base}-{number}"
        self.taken.add(ident)
        return ident

    def reserve(self, ident: str) -> str:
        """Take an id exactly as given (already valid and unique)."""
        self.taken.add(ident)
        return ident


def import_warning(message: str, position: Position, subject: str | None = None) -> Finding:
    """A warning about something in the source that argmap cannot express."""
    return Finding(
        rule="import",
        severity=Severity.WARNING,
        message=message,
        path=position.path,
        line=position.line,
        col=position.col,
        claim=subject,
    )
