"""The registry of exporters: each writes an `ArgumentMap` as one foreign format's text."""

from __future__ import annotations

from collections.abc import Callable

from argmap.model import ArgumentMap

Exporter = Callable[[ArgumentMap], str]

# format name (the `--to` choice) -> exporter; each exporter module adds itself here by hand.
EXPORTERS: dict[str, Exporter] = {}
