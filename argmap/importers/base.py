"""What an importer returns."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.findings import Finding
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class ImportResult:
    """The imported map, and what the source had that argmap cannot express.

    Each warning is a Finding with rule ``import``, severity warning, and the path, line and
    column in the *source* file. ``inputs`` names every file the importer read beyond the one
    it was given (brat's essay text), so that no output replaces one of them.
    """

    amap: ArgumentMap
    warnings: tuple[Finding, ...] = ()
    inputs: tuple[str, ...] = ()
