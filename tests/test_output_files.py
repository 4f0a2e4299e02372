"""Output files: written whole, with the mode an ordinary file gets, never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.errors import ArgmapError, UsageError
from argmap.output import write_output


def test_written_file_has_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    old = os.umask(0o022)
    try:
        write_output(str(target), "<svg/>")
    finally:
        os.umask(old)
    assert target.read_text() == "<svg/>"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary file left


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_text("argmap: 1\n")
    with pytest.raises(UsageError):
        write_output(str(tmp_path / "." / "map.yaml"), "x", inputs=(str(source),))
    assert source.read_text() == "argmap: 1\n"


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError) as caught:
        write_output(str(tmp_path / "nope" / "out.svg"), "x")
    assert "does not exist" in caught.value.message
