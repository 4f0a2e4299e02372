"""Write outputs: files whole or not at all (a temporary file, then a rename), streams as such.

An output that is not a regular file (a terminal, /dev/null, a FIFO, a pipe behind
/dev/stdout) is written to as a stream, never replaced by a file; no output may be an input.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import ArgmapError, Position, UsageError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def refuse_inputs(target: str, inputs: Iterable[str]) -> None:
    """Refuse ``target`` when it is one of ``inputs``, symbolic links followed.

    Callers pass every file they read (a map and each map it extends, an importer's files),
    and call this before any long work, so that the refusal comes at once.
    """
    if target == "-":
        return
    written = os.path.realpath(target)
    for source in inputs:
        if os.path.realpath(source) == written:
            which = "" if source == target else f" ({source})"
            raise UsageError(f"output {target!r} is an input{which}; refusing to overwrite it")


def write_output(target: str, data: bytes | str, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``target`` (``-`` for standard output).

    A regular file (or a new one) is written whole or not at all; a device, FIFO or socket is
    written to as a stream. Refuses to overwrite any of ``inputs`` (see `refuse_inputs`).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target == "-":
        _write_stdout(payload)
        return
    refuse_inputs(target, inputs)
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:  # a new file, or a symbolic link to nowhere: replaced by a file
        mode = None
    except OSError as exc:
        raise ArgmapError(f"cannot write {target!r}: {exc.strerror}") from None
    if mode is None or stat.S_ISREG(mode):
        # Through a symbolic link, the file it leads to is replaced and the link kept.
        _write_file(target, os.path.realpath(target) if mode is not None else target, payload)
    elif stat.S_ISDIR(mode):
        raise ArgmapError(f"cannot write {target!r}: Is a directory")
    elif stat.S_ISBLK(mode):  # a disk: writing a diagram over it is never what was meant
        raise ArgmapError(f"cannot write {target!r}: it is a block device")
    else:
        _write_stream(target, payload)


def _write_stdout(payload: bytes) -> None:
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except OSError as exc:  # a full disk, a closed pipe
        # Point standard output at /dev/null, or Python's own flush at exit fails once more
        # and prints a traceback-like warning after the one clear line.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # standard output is no file (a test's capture)
            pass
        raise ArgmapError(f"cannot write to standard output: {exc.strerror}") from None


def _write_stream(target: str, payload: bytes) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise ArgmapError(f"cannot write {target!r}: {exc.strerror}") from None


def _write_file(target: str, real: str, payload: bytes) -> None:
    """Write ``payload`` beside ``real`` under a temporary name, then rename it over ``real``."""
    path = Path(real)
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
    except BaseException as exc:  # also KeyboardInterrupt and SystemExit: no partial file
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise ArgmapError(f"cannot write {target!r}: {exc.strerror}") from None
        raise
