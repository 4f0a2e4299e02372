"""The registry of exporters: `--to` name -> function writing an ArgumentMap as text."""

from __future__ import annotations

from collections.abc import Callable

from argmap.exporters import aif, argdown, graphml, json
from argmap.model import ArgumentMap

Exporter = Callable[[ArgumentMap], str]

# Listed by hand, one line per format: `"name": module.write_text,` with its import above.
EXPORTERS: dict[str, Exporter] = {
    "aif": aif.write_text,
    "json": json.write_text,
    "graphml": graphml.write_text,
    "argdown": argdown.write_text,
}
