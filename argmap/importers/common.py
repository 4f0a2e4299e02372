"""What every importer needs: bounded reading of source text, argmap ids, import warnings."""

from __future__ import annotations

import os
import re
import select
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from argmap.errors import MapLoadError, Position
from argmap.findings import Finding, Severity
from argmap.load.loader import MAX_MAP_BYTES

_NOT_ID = re.compile(r"[^\w.:-]+")
# A JSON escape or a file name's undecodable byte can make one; no map can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, which has no named pipes
# How long a pipe (`<(command)`, a named pipe) may take to start: one nobody writes to is
# refused after this instead of being waited on for ever.
PIPE_WAIT_SECONDS = 30.0
_SHOWN_LENGTH = 60
_CHUNK_BYTES = 1 << 16


def read_source_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is allowed), read up to the loader's size cap.

    Anything else is a positioned error: a directory, an unreadable file, a file (or an endless
    device) larger than the cap, bytes that are not UTF-8, a pipe nothing is written to.
    """
    shown = str(path)
    try:
        # non-blocking: opening a named pipe nobody writes to would otherwise wait forever
        fd = os.open(path, os.O_RDONLY | _NON_BLOCKING)
    except OSError as exc:
        raise MapLoadError(f"cannot read file: {exc.strerror}", Position(shown, 1, 1)) from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise MapLoadError("is a directory, not a file", Position(shown, 1, 1))
    with os.fdopen(fd, "rb") as handle:
        if stat.S_ISFIFO(mode) and not select.select([fd], [], [], PIPE_WAIT_SECONDS)[0]:
            raise MapLoadError(f"is a pipe that nothing was written to in {PIPE_WAIT_SECONDS:g} "
                               "seconds", Position(shown, 1, 1))
        if _NON_BLOCKING:
            os.set_blocking(fd, True)
        try:
            data = _read_bounded(handle)
        except OSError as exc:
            raise MapLoadError(f"cannot read file: {exc.strerror}", Position(shown, 1, 1)) from None
    if len(data) > MAX_MAP_BYTES:
        raise MapLoadError(f"file is larger than {MAX_MAP_BYTES >> 20} MB, the most argmap "
                           "imports", Position(shown, 1, 1))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise MapLoadError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
                           Position(shown, line, col)) from None


def _read_bounded(handle: BinaryIO) -> bytes:
    """At most MAX_MAP_BYTES + 1 bytes: /dev/zero or a runaway file cannot fill memory."""
    # in chunks: one read of the whole cap would allocate 32 MB for a 20-byte file
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_MAP_BYTES:
        chunk = handle.read(min(_CHUNK_BYTES, MAX_MAP_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def quote_brief(value: str) -> str:
    """``value`` quoted for a message, cut short when long (a hostile id can be megabytes)."""
    if len(value) <= _SHOWN_LENGTH:
        return repr(value)
    return repr(value[:_SHOWN_LENGTH]) + f"… ({len(value):,} characters)"


class OutputBudget:
    """The bytes the imported map will take at the least, refused past the loader's cap.

    Spent before entries are made, so that a count in a header, or positions that all attack
    one another, cannot take the memory and time of a map argmap would refuse to read.
    """

    def __init__(self) -> None:
        self.spent = 0

    def spend(self, size: int, position: Position, what: str) -> None:
        """Count ``size`` bytes more, or refuse them (``what`` says where they come from)."""
        self.spent += size
        if self.spent > MAX_MAP_BYTES:
            raise MapLoadError(f"{what}: the imported map would be larger than "
                               f"{MAX_MAP_BYTES >> 20} MB, the most argmap reads as one map",
                               position)


def listed_bytes(ids: Iterable[str]) -> int:
    """The bytes ``ids`` take at the least as a list in a written map (`    - id` lines)."""
    return sum(len(ident) + 7 for ident in ids)


def sanitise_id(name: str, fallback: str = "item") -> str:
    """An argmap id for a foreign name: runs of characters ids cannot hold become `_`."""
    ident = _NOT_ID.sub("_", name.strip()).strip("_") or fallback
    return ident if re.match(r"\w", ident) else f"_{ident}"


class IdAllocator:
    """Hands out unique ids in the one namespace claims and arguments share."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        # the next suffix to try per base: many names with one base cost linear time, not square
        self._next: dict[str, int] = {}

    def allocate(self, name: str, fallback: str = "item") -> str:
        """A fresh id based on ``name``; a clash gets a numeric suffix."""
        base = sanitise_id(name, fallback)
        ident, number = base, self._next.get(base, 1)
        if number > 1:
            ident = f"{base}-{number}"
        while ident in self.taken:
            number += 1
            ident = f"{base}-{number}"
        self._next[base] = number
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
