"""Paths a hostile map names: `extends` stays inside the project and never prints another file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_support import cli, invalid_map

SECRET = "TOKEN=hunter2-do-not-print\n"


def review(extends: str) -> str:
    return f"argmap: 1\nextends: {extends}\nclaims:\n  t:\n    kind: thesis\n    text: T.\n"


BASE = "argmap: 1\nclaims:\n  e:\n    kind: evidence\n    text: E.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder outside any repository, beside a secret that must stay unread."""
    (tmp_path / "secret.env").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_absolute_path_is_refused(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.env"
    path = write(project / "map.yaml", review(str(secret)))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        path, 2, 10, f"extended map '{secret}' is an absolute path; 'extends' takes a path "
        "relative to this map, inside its project"), "")


def test_dot_dot_out_of_the_project_is_refused(project: Path) -> None:
    """Outside a repository the project is the folder of the map named on the command line."""
    path = write(project / "map.yaml", review("../secret.env"))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        path, 2, 10, f"extended map '../secret.env' is outside the project ({project}); "
        "'extends' reads only files inside it"), "")


def test_a_file_that_is_not_there_outside_the_project_is_refused_the_same(
        project: Path) -> None:
    """Whether a file exists outside the project is not given away either."""
    path = write(project / "map.yaml", review("../../../nowhere.yaml"))
    outcome = cli("check", str(path))
    assert outcome.out == invalid_map(
        path, 2, 10, f"extended map '../../../nowhere.yaml' is outside the project ({project}); "
        "'extends' reads only files inside it")


def test_a_symbolic_link_leading_out_of_the_project_is_refused(project: Path) -> None:
    (project / "base.yaml").symlink_to(project.parent / "secret.env")
    path = write(project / "map.yaml", review("base.yaml"))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 2, 10, f"extended map 'base.yaml' is outside the project ({project}); "
        "'extends' reads only files inside it"))


def test_in_a_repository_extends_reaches_the_whole_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "author" / "base.yaml", BASE)
    path = write(repo / "reviews" / "review.yaml", review("../author/base.yaml"))
    outcome = cli("check", str(path), "--select", "unsupported-claim")
    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out == (f"{path}:4:3: unsupported-claim error thesis 't' has no support, "
                           "citation or waiver\n")


def test_a_worktree_whose_git_is_a_file_is_a_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(repo / ".git", "gitdir: /elsewhere/.git/worktrees/repo\n")
    write(repo / "base.yaml", BASE)
    path = write(repo / "reviews" / "review.yaml", review("../base.yaml"))
    assert cli("check", str(path), "--select", "unsupported-claim").code == 1


def test_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(tmp_path / "secret.env", SECRET)
    path = write(repo / "maps" / "map.yaml", review("../../secret.env"))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 2, 10, f"extended map '../../secret.env' is outside the project ({repo}); "
        "'extends' reads only files inside it"))


# Files inside the project that are not maps: the error names them, never quotes them.
NOT_MAPS = {
    "env.yaml": (SECRET, 1, 1, "the map must be a mapping, not a scalar"),
    "list.yaml": ("- hunter2-do-not-print\n", 1, 1, "the map must be a mapping, not a list"),
    "config.yaml": ("password: hunter2-do-not-print\n", 1, 1,
                    "the map is missing required key 'argmap'"),
    "twice.yaml": ("hunter2-do-not-print: 1\nhunter2-do-not-print: 2\n", 2, 1,
                   "duplicate key (first defined at line 1)"),
    "tagged.yaml": ("key: !hunter2-do-not-print x\n", 1, 6,
                    "a YAML tag is not allowed in a map"),
    "empty.yaml": ("", 1, 1,
                   "empty map file: expected a mapping with 'argmap: 1' and 'claims'"),
}


@pytest.mark.parametrize("name", list(NOT_MAPS))
def test_an_extended_file_that_is_not_a_map_is_named_not_quoted(project: Path,
                                                               name: str) -> None:
    text, line, col, message = NOT_MAPS[name]
    write(project / name, text)
    path = write(project / "map.yaml", review(name))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out, outcome.err) == (
        2, invalid_map(project / name, line, col, message), "")


@pytest.mark.parametrize("name", ["env.yaml", "config.yaml", "twice.yaml", "tagged.yaml"])
def test_a_named_file_that_is_not_a_map_is_not_quoted(project: Path, name: str) -> None:
    text, line, col, message = NOT_MAPS[name]
    path = write(project / name, text)
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(path, line, col, message))


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("target", ["absolute", "../secret.env", "env.yaml"])
def test_no_format_prints_the_secret(project: Path, fmt: str, target: str) -> None:
    write(project / "env.yaml", SECRET)
    extends = str(project.parent / "secret.env") if target == "absolute" else target
    path = write(project / "map.yaml", review(extends))
    outcome = cli("check", str(path), "--format", fmt)
    assert outcome.code == 2
    assert "hunter2" not in outcome.out + outcome.err
    assert "extend" in outcome.out or "not a scalar" in outcome.out


def test_a_map_whose_own_text_is_wrong_is_still_quoted(project: Path) -> None:
    """A file with its 'argmap' key is a map, and its own errors name its own keys."""
    path = write(project / "map.yaml", "argmap: 1\nclaims: {}\nclaims: {}\n")
    outcome = cli("check", str(path))
    assert outcome.out == invalid_map(path, 3, 1, "duplicate key 'claims' (first defined at "
                                                  "line 2)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_an_extended_fifo_is_refused_without_reading(project: Path) -> None:
    os.mkfifo(project / "pipe.yaml")
    path = write(project / "map.yaml", review("pipe.yaml"))
    outcome = cli("check", str(path))  # reading the FIFO would wait for a writer forever
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 2, 10, f"extended map 'pipe.yaml' is not a regular file ({project / 'pipe.yaml'})"))


def test_an_extended_directory_is_refused(project: Path) -> None:
    (project / "base.yaml").mkdir()
    path = write(project / "map.yaml", review("base.yaml"))
    assert cli("check", str(path)).out == invalid_map(
        path, 2, 10, f"extended map 'base.yaml' is not a regular file ({project / 'base.yaml'})")


def test_a_nul_byte_in_the_path_is_refused(project: Path) -> None:
    path = write(project / "map.yaml", review('"base\\0.yaml"'))
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 2, 10, "extended map 'base\\x00.yaml' is not a valid path"))


def test_a_chain_of_400_extends_is_one_error(project: Path) -> None:
    for number in range(400):
        write(project / f"m{number}.yaml", review(f"m{number + 1}.yaml"))
    write(project / "m400.yaml", BASE)
    outcome = cli("check", str(project / "m0.yaml"))
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        project / "m16.yaml", 2, 10, "'extends' goes more than 16 maps deep"), "")


def test_a_chain_of_16_extends_loads(project: Path) -> None:
    for number in range(16):
        write(project / f"m{number}.yaml", review(f"m{number + 1}.yaml").replace(
            "  t:\n", f"  t{number}:\n"))
    write(project / "m16.yaml", BASE)
    outcome = cli("check", str(project / "m0.yaml"), "--select", "unsupported-claim")
    assert outcome.code == 1
    assert outcome.out.count("unsupported-claim") == 16
