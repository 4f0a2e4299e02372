"""The registry of importers: `--from` name -> function reading a file into an ImportResult."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.importers import aif, argdown, brat, carneades, iccma
from argmap.importers.base import ImportResult

Importer = Callable[[Path], ImportResult]

# Listed by hand, one line per format: `"name": module.read_file,` with its import above.
IMPORTERS: dict[str, Importer] = {
    "argdown": argdown.read_file,
    "aif": aif.read_file,
    "brat": brat.read_file,
    "carneades": carneades.read_file,
    "iccma": iccma.read_file,
}
