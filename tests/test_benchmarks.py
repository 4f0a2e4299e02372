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


def _table(out: str, header: str) -> dict[str, list[str]]:
    """The rows of the Markdown table whose header starts with ``header``, by first cell."""
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows: dict[str, list[str]] = {}
    for line in lines[first + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0]] = cells[1:]
    return rows


def test_quick_run_times_the_commands_as_typed(tmp_path: Path) -> None:
    """--quick times `argmap check MAP` and `--format json` as typed, outside and inside a
    configured project (where fail-on = warning makes check exit 1), and judges the targets."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--cache",
         str(tmp_path)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Machine: ")
    typed = _table(out, "| measure | typed in | command line |")
    assert typed["check"] == ["outside", "`argmap check map-100.yaml`"]
    assert typed["check --format json"] == ["outside", "`argmap check map-100.yaml --format json`"]
    assert typed["check, in project"] == ["project", "`argmap check map-100.yaml`"]
    assert typed["check --format json, in project"] == [
        "project", "`argmap check map-100.yaml --format json`"]
    assert typed["check paper"] == ["repository",
                                    "`argmap check arguments/indonesia-korea/paper.yaml`"]
    assert not any("--fail-on" in line or "--no-config" in line for _, line in typed.values())
    assert "tool.argmap" in (tmp_path / "project" / "pyproject.toml").read_text(encoding="utf-8")

    figures = _table(out, "| claims | YAML MB | C compose s | check |")["100"]
    checks = dict(zip(run.CHECKS, figures[2:6], strict=True))
    # exit 1 (findings at fail-on) is a finished run; the project's fail-on = warning always
    # reaches it, the default (error) only when a conclusion falls
    assert all(cell.endswith(" MB") or cell.endswith(" MB, exit 1") for cell in checks.values())
    assert checks["check, in project"].endswith("exit 1")

    verdicts = _table(out, "| target | limit | measured | verdict |")
    for target in ("check 10k / C compose 10k", "argdown json 10k / check 10k",
                   "check 100k / check 10k"):
        assert verdicts[target][2] == "n/a"  # not measured at 100 claims
    assert verdicts["argmap --version"][0] == "<= 0.15 s"
    assert verdicts["argmap --version"][2] in ("PASS", "FAIL")
    assert verdicts["check paper.yaml / python -c 'import yaml, typer'"][2] in ("PASS", "FAIL")
    assert "| rule | 100 claims, CPU s | 200 claims, CPU s | 200 / 100 | k (100 to 200) |" in out
    assert (tmp_path / "maps" / "map-100.dot").read_text(encoding="utf-8").startswith("digraph")


def _run(seconds: float, status: int = 0, peak_mb: float = 50.0) -> run.Run:
    return run.Run(seconds, peak_mb, status)


def test_targets_judge_the_slowest_check_line() -> None:
    """Each ratio takes the slowest of the four check lines; exit 1 is a finished run, exit 2
    fails the target; nothing timed is n/a."""
    res = run.Results()
    for name, at_10k, at_100k in zip(run.CHECKS, (0.5, 0.6, 0.7, 0.9), (5.0, 6.0, 7.0, 11.7),
                                     strict=True):
        res.runs[name, 10_000] = _run(at_10k, status=1)
        res.runs[name, 100_000] = _run(at_100k, peak_mb=400.0)
    res.compose[10_000] = 1.0
    res.runs["argdown", 10_000] = _run(2.0)
    res.startup["argmap --version"] = _run(0.2)
    res.startup["check paper"] = _run(0.5)
    res.startup["import yaml, typer"] = _run(0.25)
    verdicts = {name: (measured, ok) for name, _, measured, ok in run.targets(res)}
    slowest = "check --format json, in project"
    assert verdicts["check 10k / C compose 10k"] == (f"0.90x ({slowest})", True)
    assert verdicts["argdown json 10k / check 10k"] == (f"2.22x ({slowest})", False)
    assert verdicts["check 100k / check 10k"] == (f"13.00x ({slowest})", False)
    assert verdicts["argmap --version"] == ("0.200 s", False)
    assert verdicts["check paper.yaml / python -c 'import yaml, typer'"] == ("2.00x", True)
    assert verdicts["check 100k peak memory"][1] is True

    res.runs["check", 10_000] = _run(0.1, status=2)
    verdicts = {name: (measured, ok) for name, _, measured, ok in run.targets(res)}
    assert verdicts["check 10k / C compose 10k"] == ("failed (exit 2): check", False)
    assert verdicts["check 100k / check 10k"][1] is False

    assert run.targets(run.Results())[0] == ("check 10k / C compose 10k", "<= 1x", "n/a", None)
