"""The registry of importers: each reads one foreign format into an `ArgumentMap`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.findings import Finding
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class ImportResult:
    """The imported map, and what the source had that argmap cannot express.

    Each warning is a Finding with rule ``import``, severity warning, and the path, line and
    column in the *source* file.
    """

    amap: ArgumentMap
    warnings: tuple[Finding, ...] = ()


Importer = Callable[[Path], ImportResult]

# format name (the `--from` choice) -> importer; each importer module adds itself here by hand.
IMPORTERS: dict[str, Importer] = {}
