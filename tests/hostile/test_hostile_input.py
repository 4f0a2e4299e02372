"""Hostile map files: each is refused with one exact, positioned line, or read correctly."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from hostile_support import cli, invalid_map, process

from argmap.load.loader import MAX_MAP_BYTES

VALID = (
    "argmap: 1\n"
    "claims:\n"
    "  tram:\n"
    "    kind: thesis\n"
    "    text: The city should build the tram.\n"
    "  congestion:\n"
    "    text: The axis is\tat capacity.\n"
    "    supports: [tram]\n"
)
# Findings pinned to one rule, so that rules added later do not change these tests.
ONE_RULE = ("--select", "unsupported-claim")
VALID_FINDING = "{path}:6:3: unsupported-claim warning premise 'congestion' has no support, " \
    "citation or waiver\n"


def write(tmp_path: Path, data: bytes | str, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    """A billion laughs: nine levels of nine aliases would expand to 387 million items."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*lol{i - 1}"] * 9)
        lines.append(f"lol{i}: &lol{i} [{refs}]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    outcome = process("check", str(path))
    assert time.perf_counter() - started < 30
    assert (outcome.code, outcome.out, outcome.err) == (2, invalid_map(
        path, 1, 7, "YAML anchors and aliases are not allowed in a map (write the value out)"),
        "")


def test_hundred_thousand_deep_nesting_is_refused(tmp_path: Path) -> None:
    """libyaml's own composer would recurse 100,000 deep; argmap stops at level 65."""
    path = write(tmp_path, "argmap: 1\nclaims: " + "[" * 100_000 + "]" * 100_000 + "\n")
    outcome = process("check", str(path))
    # The column depends on the libyaml build: newer ones refuse deep flow nesting while
    # scanning ahead, before argmap's own check at level 65 sees it. The message does not.
    assert (outcome.code, outcome.err) == (2, "")
    assert re.fullmatch(re.escape(f"{path}:2:") + r"\d+" + re.escape(
        ": invalid-map error nesting deeper than 64 levels\n"), outcome.out)


def test_a_fifty_megabyte_map_is_refused_at_once(tmp_path: Path) -> None:
    """Past MAX_MAP_BYTES (32 MB) a map is refused without being parsed."""
    claim = b"  c%d:\n    text: " + b"word " * 40 + b"\n"
    body = b"".join(claim % i for i in range(230_000))
    path = write(tmp_path, b"argmap: 1\nclaims:\n" + body)
    assert path.stat().st_size > 50_000_000 > MAX_MAP_BYTES
    started = time.perf_counter()
    outcome = cli("check", str(path))
    assert time.perf_counter() - started < 10
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 1, 1, "file is larger than 32 MB, the most argmap reads as one map; split it into "
        "maps that extend one another"))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_an_endless_file_is_refused() -> None:
    """/dev/zero has no end; the read is bounded, so memory is not."""
    outcome = cli("check", "/dev/zero")
    assert outcome.code == 2
    assert outcome.out.startswith("/dev/zero:1:1: invalid-map error file is larger than 32 MB")


def test_nul_byte(tmp_path: Path) -> None:
    path = write(tmp_path, b"argmap: 1\nclaims:\n  a:\n    text: x\x00y\n")
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (
        2, invalid_map(path, 4, 12, "'\\x00' is not allowed in a YAML file"))


def test_invalid_utf8(tmp_path: Path) -> None:
    """A Latin-1 'é' in the middle of line 5."""
    path = write(tmp_path,
                 b"argmap: 1\nclaims:\n  a:\n    kind: thesis\n    text: caf\xe9 au lait\n")
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (
        2, invalid_map(path, 5, 14, "not UTF-8 text: byte 0xe9 cannot be decoded"))


def test_bom_changes_nothing(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark is read past: same findings, same lines and columns."""
    plain = write(tmp_path, VALID, "plain.yaml")
    bom = write(tmp_path, "\ufeff" + VALID, "bom.yaml")
    assert cli("check", str(plain), *ONE_RULE).out == VALID_FINDING.format(path=plain)
    outcome = cli("check", str(bom), *ONE_RULE)
    assert (outcome.code, outcome.out) == (0, VALID_FINDING.format(path=bom))


def test_crlf_line_ends_change_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("\n", "\r\n"))
    outcome = cli("check", str(path), *ONE_RULE)
    assert (outcome.code, outcome.out) == (0, VALID_FINDING.format(path=path))
    stats = cli("stats", str(path), "--format", "json")
    assert stats.out.startswith('{"claims": 2,')


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    """Tabs inside text are text (VALID has one); a tab as indentation is an error, said so."""
    path = write(tmp_path, "argmap: 1\nclaims:\n\ttram:\n\t\ttext: x\n")
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 3, 1,
        "YAML syntax error: a tab where YAML expects indentation or a value; indent with spaces"))


def test_a_single_ten_megabyte_line(tmp_path: Path) -> None:
    """A 10 MB claim text on one line loads and checks in seconds."""
    text = "word " * 2_000_000
    path = write(tmp_path, f"argmap: 1\nclaims: {{tram: {{kind: thesis, text: '{text}'}}}}\n")
    assert path.stat().st_size > 10_000_000
    started = time.perf_counter()
    outcome = cli("check", str(path), *ONE_RULE)
    assert time.perf_counter() - started < 30
    assert (outcome.code, outcome.out) == (
        1, f"{path}:2:10: unsupported-claim error thesis 'tram' has no support, citation or "
        "waiver\n")


@pytest.mark.parametrize(("claim_id", "shown"), [
    ("two words", "'two words'"),
    ("ab\u202ecd", "'ab\\u202ecd'"),  # right-to-left override: shown escaped, never raw
    ("\u05d0\u05d1\u200f", "'\u05d0\u05d1\\u200f'"),  # Hebrew, then a right-to-left mark
])
def test_ids_with_spaces_and_direction_marks_are_refused(
    tmp_path: Path, claim_id: str, shown: str
) -> None:
    path = write(tmp_path, f"argmap: 1\nclaims:\n  {claim_id}:\n    text: x\n")
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (2, invalid_map(
        path, 3, 3, f"claim id {shown} is not a valid id (use letters, digits, '_', '-', '.', "
        "':'; no spaces)"))


def test_unicode_ids_in_any_script_are_ids(tmp_path: Path) -> None:
    """Hebrew (right to left), Chinese and accented Latin ids load and are reported as written."""
    path = write(tmp_path, "argmap: 1\nclaims:\n"
                 "  טענה:\n    kind: thesis\n    text: x\n"
                 "  論點:\n    text: y\n    supports: [טענה]\n"
                 "  café-2:\n    kind: evidence\n    text: z\n    supports: [論點]\n")
    outcome = cli("check", str(path), *ONE_RULE)
    assert (outcome.code, outcome.out) == (0, "")
    assert cli("stats", str(path), "--format", "json").out.startswith('{"claims": 3,')


def test_directory_with_a_symlink_loop(tmp_path: Path) -> None:
    """The walk does not follow links to directories, so a loop finds the one map once."""
    tree = tmp_path / "maps"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "self").symlink_to(tree / "self")  # a link to itself, named like nothing in YAML
    path = write(tree / "sub", VALID)
    started = time.perf_counter()
    outcome = cli("check", str(tree), *ONE_RULE)
    assert time.perf_counter() - started < 10
    assert (outcome.code, outcome.out) == (0, VALID_FINDING.format(path=path))


def test_a_directory_named_as_a_map(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    outcome = cli("check", str(folder))
    assert outcome.code == 2
    assert "no map files found" in outcome.err


def test_unreadable_file_for_real(tmp_path: Path) -> None:
    """chmod 000: skipped where it does not stop reads (root, some container file systems)."""
    path = write(tmp_path, VALID)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root (or on a file system that ignores modes): chmod 000 "
                        "does not stop reads; test_unreadable_file_simulated covers the path")
        outcome = cli("check", str(path))
        assert (outcome.code, outcome.out) == (
            2, invalid_map(path, 1, 1, "cannot read file: Permission denied"))
    finally:
        path.chmod(0o644)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read fails with EACCES, as it does for a user without read permission."""
    path = write(tmp_path, VALID)
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refusing_open)
    outcome = cli("check", str(path))
    assert (outcome.code, outcome.out) == (
        2, invalid_map(path, 1, 1, "cannot read file: Permission denied"))
