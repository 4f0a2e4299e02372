"""Write output files whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from argmap.errors import ArgmapError, Position, UsageError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_output(target: str, data: bytes | str, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``target`` (``-`` for standard output) atomically.

    Refuses to overwrite any of ``inputs``: checking and rendering never touch a map.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    for source in inputs:
        if Path(source).resolve() == path.resolve():
            raise UsageError(f"output {target!r} is an input map; refusing to overwrite it")
    directory = path.parent
    if not directory.is_dir():
        raise ArgmapError(f"output directory {str(directory)!r} does not exist",
                          Position(target, 1, 1))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:  # a read-only or special directory (/proc, /sys, a full disk)
        raise ArgmapError(f"cannot write {target!r}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:  # also KeyboardInterrupt: never leave a partial file
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise ArgmapError(f"cannot write {target!r}: {exc.strerror}") from None
        raise
