"""Every corpus file, imported with `argmap import`, gives a map `argmap check` loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import SHARED

CORPORA = SHARED / "corpora"
# ICCMA files up to this size: the large ones only repeat the small ones' shapes, slower.
SMALL_ICCMA_BYTES = 100_000
# What the importer refuses, and why: Argdown's own parser refuses this file too.
REFUSED = {
    "argvu-demo.argdown": "15:1: premise–conclusion structure does not end with a conclusion "
    "after an inference line",
}


def _files() -> list[object]:
    if not CORPORA.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(
            reason=f"{CORPORA} is absent (../shared holds developer data, not shipped)"))]
    found = [("argdown", p) for p in sorted(CORPORA.glob("argdown*/*.argdown"))]
    found += [("aif", p) for p in sorted(CORPORA.glob("aif/*/*.json"))]
    found += [("carneades", p) for p in sorted(CORPORA.glob("carneades/*.yml"))]
    found += [("brat", p) for p in sorted(CORPORA.glob("essays/*.ann"))]
    found += [("iccma", p) for p in sorted(CORPORA.glob("iccma/*/*.*"))
              if p.suffix in (".apx", ".tgf", ".af") and p.stat().st_size <= SMALL_ICCMA_BYTES]
    return [pytest.param(fmt, path, id=f"{fmt}-{path.name}") for fmt, path in found]


@pytest.mark.parametrize(("fmt", "path"), _files())
def test_imported_corpus_file_loads(fmt: str, path: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported.yaml"
    imported = CliRunner().invoke(app, ["import", str(path), "--from", fmt, "-o", str(out)],
                                  catch_exceptions=False)
    if path.name in REFUSED:
        assert imported.exit_code == 2
        assert imported.stderr.splitlines()[-1] == f"argmap: error: {path}:{REFUSED[path.name]}"
        assert not out.exists()
        return
    assert imported.exit_code == 0, imported.stderr
    # one quick rule: loading is what is tested
    command = ["check", str(out), "--format", "json", "--select", "orphan-claim"]
    checked = CliRunner().invoke(app, command, catch_exceptions=False)
    assert checked.exit_code in (0, 1), checked.stdout
    assert '"invalid-map"' not in checked.stdout
