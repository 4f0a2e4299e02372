"""argmap: argument maps as YAML claim graphs, checked for reasoning gaps and drawn as diagrams."""

from __future__ import annotations

__version__ = "0.1.0"
