"""Outputs that cannot be written, and renders cut short: a clear error, never a partial file."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_support import REPO, cli, process

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
        2, f"argmap: error: output '{small_map}' is an input; refusing to overwrite it\n")
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


# Outputs that are not regular files are streams: written to, never replaced by a file.
def device(tmp_path: Path, name: str) -> Path:
    """A link to the device: what argmap writes through is the device, and a regression
    would replace the link, never the system's device."""
    if not os.path.exists(f"/dev/{name}"):
        pytest.skip(f"no /dev/{name} on this system")
    link = tmp_path / name
    link.symlink_to(f"/dev/{name}")
    return link


def test_dev_null_stays_a_device(small_map: Path, tmp_path: Path) -> None:
    null = device(tmp_path, "null")
    for args in (("render", str(small_map), "-f", "dot"), ("export", str(small_map), "--to",
                                                           "json"), ("report", str(small_map))):
        outcome = cli(*args, "-o", str(null))
        assert (outcome.code, outcome.out, outcome.err) == (0, "", "")
        assert os.readlink(null) == "/dev/null"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml", "null"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_written_to_and_kept(small_map: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    outcome = cli("render", str(small_map), "-o", str(fifo))
    reader.join(timeout=30)
    assert (outcome.code, outcome.err) == (0, "")
    assert received[0].startswith(b"digraph")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml", "out.dot"]


def test_a_link_to_dev_stdout_writes_to_standard_output(small_map: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.dot"
    link.symlink_to("/dev/stdout")
    outcome = process("render", str(small_map), "-o", str(link))
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.startswith("digraph")
    assert os.readlink(link) == "/dev/stdout"


def test_a_link_to_a_file_is_kept_and_the_file_replaced(small_map: Path, tmp_path: Path) -> None:
    real = tmp_path / "drawings" / "map.dot"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "out.dot"
    link.symlink_to(real)
    assert cli("render", str(small_map), "-o", str(link)).code == 0
    assert os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("digraph")
    assert [p.name for p in real.parent.iterdir()] == ["map.dot"]


def test_a_block_device_is_refused(small_map: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk is never written over; simulated, so that a regression cannot write to one."""
    target = tmp_path / "disk"
    target.write_text("untouched", encoding="utf-8")
    real_stat = os.stat

    def block_device(path: object, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if os.fspath(path) == str(target):  # type: ignore[arg-type]
            return os.stat_result((stat.S_IFBLK | 0o660, *result[1:]))
        return result

    monkeypatch.setattr(os, "stat", block_device)
    outcome = cli("render", str(small_map), "-f", "dot", "-o", str(target))
    assert (outcome.code, outcome.err) == (
        2, f"argmap: error: cannot write '{target}': it is a block device\n")
    assert target.read_text(encoding="utf-8") == "untouched"


# No output may be an input: the map, every map it extends, an importer's files.
REVIEW = "argmap: 1\nextends: base.yaml\nclaims:\n  o:\n    text: O.\n    rebuts: [tram]\n"


@pytest.mark.parametrize("command", [
    ("render", "-f", "dot"), ("export", "--to", "json"), ("report",)])
def test_the_extended_map_is_never_an_output(tmp_path: Path, command: tuple[str, ...]) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(MAP, encoding="utf-8")
    review = tmp_path / "review.yaml"
    review.write_text(REVIEW, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(base)
    for target, named in ((base, ""), (link, f" ({base})")):
        outcome = cli(command[0], str(review), *command[1:], "-o", str(target))
        assert (outcome.code, outcome.out, outcome.err) == (2, "", (
            f"argmap: error: output '{target}' is an input{named}; refusing to overwrite it\n"))
    assert base.read_text(encoding="utf-8") == MAP
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml", "link.yaml",
                                                          "review.yaml"]


def test_import_never_overwrites_what_it_reads(tmp_path: Path) -> None:
    """brat reads X.ann beside the X.txt it is given."""
    (tmp_path / "essay.txt").write_text("Trams help.\n", encoding="utf-8")
    ann = tmp_path / "essay.ann"
    ann.write_text("T1\tMajorClaim 0 11\tTrams help.\n", encoding="utf-8")
    outcome = cli("import", str(tmp_path / "essay.txt"), "--from", "brat", "-o", str(ann))
    assert (outcome.code, outcome.err) == (2, (
        f"argmap: error: output '{ann}' is an input; refusing to overwrite it\n"))
    assert ann.read_text(encoding="utf-8") == "T1\tMajorClaim 0 11\tTrams help.\n"


# A full disk: one line, status 2, nothing left behind.
def test_a_full_device(small_map: Path, tmp_path: Path) -> None:
    full = device(tmp_path, "full")
    outcome = cli("render", str(small_map), "-f", "dot", "-o", str(full))
    assert (outcome.code, outcome.err) == (
        2, f"argmap: error: cannot write '{full}': No space left on device\n")
    assert os.readlink(full) == "/dev/full"


def test_a_full_disk_leaves_no_file(small_map: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    for command in (("render", str(small_map), "-f", "dot"),
                    ("export", str(small_map), "--to", "json"), ("report", str(small_map))):
        target = tmp_path / "out" / "result"
        target.parent.mkdir(exist_ok=True)
        outcome = cli(*command, "-o", str(target))
        assert (outcome.code, outcome.out, outcome.err) == (
            2, "", f"argmap: error: cannot write '{target}': No space left on device\n")
        assert list(target.parent.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [("render", "-f", "dot", "-o", "-"),
                                     ("export", "--to", "json"), ("check", "-f", "text"),
                                     ("check", "-f", "sarif")])
def test_a_full_standard_output(small_map: Path, command: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", command[0], str(small_map), *command[1:]],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=60)
    assert (done.returncode, done.stderr) == (
        2, "argmap: error: cannot write to standard output: No space left on device\n")


# SIGTERM and SIGHUP clean up as Ctrl-C does: dot stopped, nothing written, 128 + the signal.
@pytest.fixture
def slow_dot(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A `dot` on PATH that says its pid, then lays nothing out for ten minutes."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "dot"
    pidfile = tmp_path / "dot.pid"
    script.write_text(f"#!/bin/sh\necho $$ > {pidfile}.tmp\nmv {pidfile}.tmp {pidfile}\n"
                      "exec sleep 600\n", encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, pidfile


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGTERM/SIGHUP on this system")
@pytest.mark.parametrize("signum", [signal.SIGTERM, getattr(signal, "SIGHUP", 1)])
def test_a_signal_during_layout_stops_dot(small_map: Path, tmp_path: Path, signum: int,
                                          slow_dot: tuple[dict[str, str], Path]) -> None:
    environ, pidfile = slow_dot
    target = tmp_path / "out" / "map.svg"
    target.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(small_map), "-o",
                             str(target)], cwd=REPO, env=environ, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not pidfile.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert pidfile.exists(), proc.communicate()
    dot_pid = int(pidfile.read_text())
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (128 + signum, "", "")
    assert _gone(dot_pid)
    assert list(target.parent.iterdir()) == []


def test_a_signal_while_writing_leaves_no_file(
    small_map: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """SIGTERM after the bytes are written, before the rename: neither file remains."""
    target = tmp_path / "map.dot"

    def terminated_fsync(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler raises here, in the main thread

    def not_argmaps(signum: int, frame: object) -> None:
        raise RuntimeError("argmap installed no handler")  # rather than ending pytest

    handlers = {sig: signal.signal(sig, not_argmaps) for sig in (signal.SIGTERM, signal.SIGHUP)}
    monkeypatch.setattr(os, "fsync", terminated_fsync)
    monkeypatch.setattr(sys, "argv", ["argmap", "render", str(small_map), "-o", str(target)])
    try:
        with pytest.raises(SystemExit) as exit_info:
            argmap_cli.main()
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert exit_info.value.code == 128 + signal.SIGTERM
    assert capsys.readouterr().err == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml"]


LONG_TEXT_MAP = """\
argmap: 1
claims:
  t:
    kind: thesis
    text: {text}
  e:
    kind: evidence
    text: Counts show it.
    supports: [t]
"""


@needs_dot
def test_a_claim_text_past_graphviz_s_string_limit_is_drawn_cut_with_a_marker(
    tmp_path: Path,
) -> None:
    """Graphviz refuses quoted strings over 16 KB: the drawing cuts the text and says so."""
    path = tmp_path / "long.yaml"
    path.write_text(LONG_TEXT_MAP.format(text="word & \\\\ " * 3000), encoding="utf-8")
    svg = tmp_path / "long.svg"
    outcome = cli("render", str(path), "-o", str(svg))
    assert outcome.code == 0, outcome.err
    assert re.search(r"… \[[0-9,]+ more characters\]", svg.read_text(encoding="utf-8"))
    page = tmp_path / "long.html"
    outcome = cli("report", str(path), "-o", str(page))
    assert (outcome.code, outcome.err) == (0, "")
    assert "<svg" in page.read_text(encoding="utf-8")  # the page keeps its diagram
