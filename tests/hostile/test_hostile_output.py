"""Outputs that cannot be written, and renders cut short: a clear error, never a partial file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import REPO, cli

from argmap.cli import main as argmap_cli

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import write_maps  # noqa: E402

MAP = "argmap: 1\nclaims:\n  tram:\n    kind: thesis\n    text: The city should build it.\n"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot not installed")


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_output_directory_that_does_not_exist(small_map: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "map.dot"
    outcome = cli("render", str(small_map), "-o", str(target))
    assert (outcome.code, outcome.err) == (
        2, f"argmap: error: {target}:1:1: output directory '{target.parent}' does not exist\n")
    assert not target.parent.exists()


def test_output_that_is_a_directory(small_map: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    outcome = cli("render", str(small_map), "-f", "dot", "-o", str(folder))
    assert (outcome.code, outcome.err) == (2, f"argmap: error: cannot write '{folder}': "
                                              "Is a directory\n")
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml", "out"]


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc file system")
def test_output_where_no_file_can_be_made(small_map: Path) -> None:
    """/proc takes no new files, not even root's: the temporary file cannot be created."""
    outcome = cli("render", str(small_map), "-f", "dot", "-o", "/proc/argmap-test.dot")
    assert (outcome.code, outcome.err) == (
        2, "argmap: error: cannot write '/proc/argmap-test.dot': No such file or directory\n")


def test_output_that_is_the_input_map(small_map: Path) -> None:
    outcome = cli("render", str(small_map), "-f", "dot", "-o", str(small_map))
    assert (outcome.code, outcome.err) == (
        2, f"argmap: error: output '{small_map}' is an input map; refusing to overwrite it\n")
    assert small_map.read_text(encoding="utf-8") == MAP


def test_interrupt_while_writing_leaves_no_file(
    small_map: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C after the bytes are written, before the rename: status 130 (Typer turns the
    interrupt into Exit(130), quietly), and neither the file nor its temporary remains."""
    target = tmp_path / "map.dot"

    def interrupted_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    monkeypatch.setattr(sys, "argv", ["argmap", "render", str(small_map), "-o", str(target)])
    with pytest.raises(SystemExit) as exit_info:
        argmap_cli.main()
    assert exit_info.value.code == 130
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml"]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _start_render(tmp_path: Path) -> tuple[subprocess.Popen[str], int, Path]:
    """A real `argmap render` of 600 claims to SVG, and the pid of its `dot` once it runs."""
    yaml_path, _ = write_maps(600, tmp_path / "maps")
    target = tmp_path / "out" / "map.svg"
    target.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(yaml_path),
                             "-o", str(target)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = _children(proc.pid)
        if children:
            return proc, children[0], target
        if proc.poll() is not None:
            break
        time.sleep(0.005)
    proc.kill()
    pytest.fail(f"dot never started: {proc.communicate()}")


@needs_dot
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc to find dot")
def test_ctrl_c_during_layout(tmp_path: Path) -> None:
    """SIGINT while dot lays out: argmap stops dot, exits 130 quietly, writes nothing."""
    proc, dot_pid, target = _start_render(tmp_path)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, "", "")
    assert list(target.parent.iterdir()) == []
    assert not Path(f"/proc/{dot_pid}").exists() or "Z" in Path(
        f"/proc/{dot_pid}/stat").read_text().split()[2]


@needs_dot
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc to find dot")
def test_dot_killed_during_layout(tmp_path: Path) -> None:
    """dot dies mid-layout (out of memory, say): a one-line error, status 2, no file."""
    proc, dot_pid, target = _start_render(tmp_path)
    os.kill(dot_pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (2, "")
    assert err == "argmap: error: Graphviz (dot) failed: exit status -9\n"
    assert list(target.parent.iterdir()) == []
