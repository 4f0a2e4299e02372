"""The project a map belongs to: the repository around it, found by walking up to `.git`."""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(directory: Path) -> Path | None:
    """The nearest of ``directory`` and its parents holding `.git` (a folder, or the file of a
    worktree or submodule), or None outside any repository."""
    for folder in (directory, *directory.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return None


def project_root(map_path: str | os.PathLike[str]) -> Path:
    """Where a map may reach: its repository's root, else the map's own directory; resolved."""
    directory = Path(os.path.abspath(map_path)).parent
    return Path(os.path.realpath(repository_root(directory) or directory))
