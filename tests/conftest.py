"""Shared test helpers: writing small maps, and where ../shared is."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared holds developer data, not shipped)")
    return path


@pytest.fixture
def write_map(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a map file under tmp_path and return its path."""

    def write(text: str, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _not_under_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """`check --format auto` switches to annotations under Actions; tests pin the plain output."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
