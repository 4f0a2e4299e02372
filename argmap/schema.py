"""The JSON Schema (draft-07) of map format 1, shipped as package data."""

from __future__ import annotations

from importlib import resources


def schema_text() -> str:
    """The schema as JSON text."""
    return resources.files("argmap").joinpath("schema.json").read_text(encoding="utf-8")
