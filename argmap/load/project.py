"""The project a map belongs to: the repository around it, found by walking up to `.git`."""

from __future__ import annotations

import os
from pathlib import Path


def is_repository_root(folder: Path) -> bool:
    """Whether ``folder`` holds `.git`: a folder, or the file of a worktree or submodule."""
    return os.path.lexists(folder / ".git")


def repository_root(directory: Path) -> Path | None:
    """The nearest of ``directory`` and its parents that is a repository's root, or None."""
    for folder in (directory, *directory.parents):
        if is_repository_root(folder):
            return folder
    return None


def project_root(map_path: str | os.PathLike[str]) -> Path:
    """Where a map may reach: its repository's root, else the map's own directory; resolved."""
    directory = Path(os.path.abspath(map_path)).parent
    return Path(os.path.realpath(repository_root(directory) or directory))
