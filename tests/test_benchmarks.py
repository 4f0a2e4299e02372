"""Smoke test of benchmarks/: the generator's maps are what they claim, and run.py reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from argmap.load.loader import load_map

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402
import run  # noqa: E402


def test_generator_is_deterministic_and_exact(tmp_path: Path) -> None:
    """N claims exactly, every kind and relation present, the same bytes for the same seed."""
    yaml_path, argdown_path = generate.write_maps(100, tmp_path / "a", seed=7)
    again, _ = generate.write_maps(100, tmp_path / "b", seed=7)
    other, _ = generate.write_maps(100, tmp_path / "c", seed=8)
    assert yaml_path.read_bytes() == again.read_bytes() != other.read_bytes()
    amap = load_map(yaml_path)
    assert len(amap.claims) == 100
    kinds = Counter(c.kind.value for c in amap.claims.values())
    assert set(kinds) >= {"thesis", "premise", "evidence", "objection"}
    stats = amap.stats()
    assert stats["arguments"] > 0 and stats["attacks"] > 0 and stats["sources"] > 0
    assert any(len(a.premises) >= 2 for a in amap.arguments.values())
    assert any(c.cites for c in amap.claims.values())
    assert argdown_path.read_text(encoding="utf-8").count("\n[") == 100


def _argdown() -> str | None:
    cached = run.DEFAULT_CACHE / "argdown" / "node_modules" / ".bin" / "argdown"
    return str(cached) if cached.exists() else shutil.which("argdown")


def test_argdown_version_is_the_same_map(tmp_path: Path) -> None:
    """The Argdown CLI reads the Argdown file as the same statements, supports and attacks."""
    argdown = _argdown()
    if argdown is None:
        pytest.skip("the Argdown CLI is not installed (benchmarks/run.py --with-argdown "
                    "installs it into the benchmark cache)")
    yaml_path, argdown_path = generate.write_maps(100, tmp_path, seed=3)
    done = subprocess.run([argdown, "json", str(argdown_path), str(tmp_path / "json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    exported = json.loads((tmp_path / "json" / "map-100.json").read_text(encoding="utf-8"))
    stats = load_map(yaml_path).stats()
    relations = Counter(r["relationType"] for r in exported["relations"])
    convergent = stats["supports"] - stats["arguments"]
    assert len(exported["statements"]) == stats["claims"]
    assert len(exported["arguments"]) == stats["arguments"]
    assert relations["support"] == convergent
    assert relations["attack"] + relations["undercut"] == stats["attacks"]


def test_run_script_at_100_claims(tmp_path: Path) -> None:
    """run.py measures every command at N=100 and prints the table and the target verdicts."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "100",
         "--svg-sizes", "", "--rule-sizes", "100,200", "--repeats", "1",
         "--cache", str(tmp_path)],
        capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Machine: ")
    assert "| 100 | 0.0 |" in out
    row = next(line for line in out.splitlines() if line.startswith("| 100 |"))
    assert "failed" not in row and "timeout" not in row
    assert "| argmap --version | <= 0.15 s |" in out
    assert "| check 10k / C compose 10k | <= 1.5x | n/a | n/a |" in out
    assert "| rule | 100 claims, CPU s | 200 claims, CPU s | 200 / 100 | k (100 to 200) |" in out
    assert next(line for line in out.splitlines()
                if line.startswith("| no quadratic rule (worst growth exponent k")).count("|") == 5
    assert (tmp_path / "maps" / "map-100.yaml").exists()
    assert (tmp_path / "out" / "map-100.dot").read_text(encoding="utf-8").startswith("digraph")
