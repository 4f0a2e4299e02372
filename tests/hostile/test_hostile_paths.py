"""Paths a hostile map names: `extends` stays inside the project and never prints another file."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest
from hostile_support import cli, invalid_map
from rich.console import Console

from argmap.checking import check_paths
from argmap.cli.check import RICH, print_check_report

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


# Discovery: the parser decides what a map is, so no spelling of a map escapes a scan.
THESIS = "claims:\n  t:\n    kind: thesis\n    text: T.\n"
SPELLINGS = {
    "bom.yaml": "\ufeffargmap: 1\n" + THESIS,
    "quoted.yaml": "'argmap': 1\n" + THESIS,
    "double.yaml": '"argmap": 1\n' + THESIS,
    "escaped.yaml": '"\\x61rgmap": 1\n' + THESIS,
    "flow.yaml": '{argmap: 1, claims: {t: {kind: thesis, text: T.}}}\n',
    "late.yaml": THESIS + "    note: '" + "x" * 70_000 + "'\nargmap: 1\n",  # past 64 KB
    "upper.YAML": "argmap: 1\n" + THESIS,
    "mixed.Yml": "argmap: 1\n" + THESIS,
}


def test_every_spelling_of_a_map_is_checked(tmp_path: Path) -> None:
    for name, text in SPELLINGS.items():
        write(tmp_path / "maps" / name, text)
    outcome = cli("check", str(tmp_path / "maps"), "--select", "unsupported-claim")
    assert (outcome.code, outcome.err) == (1, "")
    line = {name: 3 for name in SPELLINGS} | {"flow.yaml": 1, "late.yaml": 2}
    col = {name: 3 for name in SPELLINGS} | {"flow.yaml": 22}
    assert outcome.out == "".join(
        f"{tmp_path / 'maps' / name}:{line[name]}:{col[name]}: unsupported-claim error thesis "
        "'t' has no support, citation or waiver\n" for name in sorted(SPELLINGS))


def test_yaml_that_is_not_a_map_is_counted_not_checked(tmp_path: Path) -> None:
    """Other YAML is passed over, whatever it says about argmap, and the scan says how much."""
    write(tmp_path / "maps" / "map.yaml", "argmap: 1\n" + THESIS)
    write(tmp_path / "maps" / "ci.yml", "jobs:\n  lint: {run: argmap check maps}\n")
    write(tmp_path / "maps" / "list.yaml", "- argmap\n")
    write(tmp_path / "maps" / "empty.yaml", "")
    write(tmp_path / "maps" / "template.yaml", "{{ argmap }}: [\n")  # broken before any key
    write(tmp_path / "maps" / "compose.yaml", "x-base: &base {image: argmap}\n")
    write(tmp_path / "maps" / "notes.txt", "argmap: 1\n")  # not YAML by its name
    outcome = cli("check", str(tmp_path / "maps"), "--select", "unsupported-claim")
    assert (outcome.code, outcome.err) == (1, "argmap: 5 YAML files skipped as not maps\n")
    assert outcome.out.startswith(f"{tmp_path / 'maps' / 'map.yaml'}:3:3: unsupported-claim")
    report = json.loads(cli("check", str(tmp_path / "maps"), "-f", "json").out)
    assert (report["summary"]["skipped"], report["files"]) == (5, [
        str(tmp_path / "maps" / "map.yaml")])


def test_a_broken_map_is_reported_not_skipped(tmp_path: Path) -> None:
    """Once the 'argmap' key is read the file is a map: a later YAML error is its finding."""
    path = write(tmp_path / "maps" / "map.yaml", "argmap: 1\nclaims: [\n")
    outcome = cli("check", str(tmp_path / "maps"))
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        path, 3, 1, "YAML syntax error: did not find expected node content (while parsing a "
        "flow node)"), "")


def test_a_map_extending_a_file_that_is_not_a_map_is_reported(tmp_path: Path) -> None:
    """The base is not a map, but the map is: the scan must not pass over it."""
    write(tmp_path / "maps" / "notes.yaml", "a: 1\n")
    write(tmp_path / "maps" / "map.yaml", review("notes.yaml"))
    outcome = cli("check", str(tmp_path / "maps"))
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        tmp_path / "maps" / "notes.yaml", 1, 1, "the map is missing required key 'argmap'"),
        "argmap: 1 YAML file skipped as not a map\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_special_files_are_skipped_without_being_opened(tmp_path: Path) -> None:
    """A FIFO would wait for a writer forever, /dev/zero would never end, a socket cannot be
    read: a scan passes over them all, and counts them."""
    folder = tmp_path / "maps"
    write(folder / "map.yaml", "argmap: 1\n" + THESIS)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "socket.yml"))
        started = time.perf_counter()
        outcome = cli("check", str(folder), "--select", "unsupported-claim")
    finally:
        sock.close()
    assert time.perf_counter() - started < 10
    assert (outcome.code, outcome.err) == (1, "argmap: 3 YAML files skipped as not maps\n")
    assert outcome.out.count("unsupported-claim") == 1


def test_the_terminal_summary_counts_skipped_files(tmp_path: Path) -> None:
    write(tmp_path / "maps" / "map.yaml", "argmap: 1\n" + THESIS)
    write(tmp_path / "maps" / "ci.yml", "on: push\n")
    report = check_paths([str(tmp_path / "maps")])
    console = Console(record=True, width=120, force_terminal=True)
    print_check_report(report, RICH, console)
    assert console.export_text().splitlines()[-1] == (
        "1 error, 0 warnings, 0 info in 1 file (1 claims checked; 1 YAML file skipped as not "
        "a map)")


def test_maps_only_passes_over_named_files_that_are_not_maps(tmp_path: Path) -> None:
    ci = write(tmp_path / "ci.yaml", "argmap-version: 2\n")
    outcome = cli("check", "--maps-only", str(ci))
    assert (outcome.code, outcome.out, outcome.err) == (
        0, "", "argmap: 1 YAML file skipped as not a map\n")


def test_only_yaml_that_is_not_a_map_is_no_map_found(tmp_path: Path) -> None:
    write(tmp_path / "ci.yml", "on: push\n")
    outcome = cli("check", str(tmp_path))
    assert (outcome.code, outcome.out, outcome.err) == (2, "", (
        "argmap: error: no map files found (looked for *.yaml and *.yml files with an 'argmap' "
        "key); 1 YAML file was not a map\n"))


# Configuration: the search stops at the repository's root, and -v says what was used.
def test_configuration_above_the_repository_is_not_used(tmp_path: Path) -> None:
    write(tmp_path / ".argmap.yaml", "fail-on: never\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    path = write(tmp_path / "repo" / "maps" / "map.yaml", "argmap: 1\n" + THESIS)
    outcome = cli("check", "-v", str(path), "--select", "unsupported-claim")
    assert (outcome.code, outcome.err) == (1, "argmap: no configuration file (1 map)\n")


def test_configuration_at_the_repository_root_is_used(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    config = write(tmp_path / "repo" / "pyproject.toml", "[tool.argmap]\nfail-on = 'never'\n")
    path = write(tmp_path / "repo" / "maps" / "map.yaml", "argmap: 1\n" + THESIS)
    outcome = cli("check", "--verbose", str(path))
    assert (outcome.code, outcome.err) == (0, f"argmap: configuration {config} (1 map)\n")
    report = json.loads(cli("check", str(path), "-f", "json").out)
    assert report["configs"] == [{"path": str(config), "maps": 1}]


def test_verbose_names_each_configuration_and_its_maps(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    lenient = write(tmp_path / "lenient" / ".argmap.yaml", "fail-on: never\n")
    for name in ("lenient/a.yaml", "lenient/b.yaml", "plain/c.yaml"):
        write(tmp_path / name, "argmap: 1\n" + THESIS)
    outcome = cli("check", "-v", "-f", "json", str(tmp_path))
    assert outcome.err == (f"argmap: configuration {lenient} (2 maps)\n"
                           "argmap: no configuration file (1 map)\n"
                           "argmap: 1 YAML file skipped as not a map\n")  # .argmap.yaml
    assert json.loads(outcome.out)["configs"] == [{"path": str(lenient), "maps": 2},
                                                  {"path": None, "maps": 1}]


def test_a_configuration_that_is_not_one_is_not_quoted(tmp_path: Path) -> None:
    """A pull request can make `.argmap.yaml` a link to a runner's credentials."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "credentials", "https://user:hunter2@example.com\n")
    (tmp_path / ".argmap.yaml").symlink_to(tmp_path / "credentials")
    path = write(tmp_path / "map.yaml", "argmap: 1\n" + THESIS)
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out, outcome.err) == (2, "", (
        f"argmap: error: {tmp_path / '.argmap.yaml'}:1:1: the configuration must be a mapping, "
        "not a scalar\n"))
