"""Import abstract argumentation frameworks in the ICCMA formats: apx, tgf and 2023 `p af n`.

Each abstract argument becomes an assumption claim (it stands unless attacked) and each
attack a rebuttal, so the map's grounded, preferred and stable labels are Dung's.
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.importers.base import ImportResult
from argmap.importers.common import LONE_SURROGATE, OutputBudget, quote_brief, read_source_text
from argmap.load.fields import ID_PATTERN
from argmap.model import ArgumentMap, Attack, AttackKind, Claim, ClaimKind, MapDocument

_APX = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*(?:%.*)?")
_HEADER = re.compile(r"p\s+af\s+([0-9]+)\s*")
_NUMBER = re.compile(r"[0-9]+")
# Each argument becomes a claim entry of at least this many bytes in the written map.
_CLAIM_BYTES = 60


class _Builder:
    """Collects arguments and attacks with their positions, refusing what is malformed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.claims: dict[str, Claim] = {}
        self.attacks: dict[tuple[str, str], Attack] = {}
        self.header_at = (1, 1)

    def error(self, message: str, line: int, col: int = 1) -> MapLoadError:
        return MapLoadError(message, Position(self.path, line, col))

    def argument(self, name: str, line: int, col: int) -> None:
        if not ID_PATTERN.fullmatch(name):
            raise self.error(f"argument name {quote_brief(name)} is not a valid claim id",
                             line, col)
        if name in self.claims:
            raise self.error(f"argument {quote_brief(name)} declared twice", line, col)
        text = f"Abstract argument {name}."
        self.claims[name] = Claim(name, text, ClaimKind.ASSUMPTION, Position(self.path, line, col))

    def attack(self, attacker: str, target: str, line: int, col: int) -> None:
        for name in (attacker, target):
            if name not in self.claims:
                raise self.error(f"attack names undeclared argument {quote_brief(name)}",
                                 line, col)
        pos = Position(self.path, line, col)
        self.attacks.setdefault((attacker, target), Attack(attacker, target, AttackKind.REBUT, pos))

    def result(self) -> ImportResult:
        # a file name may hold bytes that are not UTF-8; the map's title must be text
        name = LONE_SURROGATE.sub("\ufffd", Path(self.path).name)
        doc = MapDocument(self.path, 1, title=f"ICCMA framework {name}")
        amap = ArgumentMap(self.claims.values(), (), self.attacks.values(), (), (doc,))
        return ImportResult(amap)


def _read_apx(lines: list[str], b: _Builder) -> None:
    attacks: list[tuple[str, str, int, int]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("%"):
            continue
        match = _APX.fullmatch(line)
        if match is None or (match[1] == "att") != (match[3] is not None):
            raise b.error("expected `arg(name).` or `att(name,name).`", number, 1)
        if match[1] == "arg":
            b.argument(match[2], number, match.start(2) + 1)
        else:
            attacks.append((match[2], match[3], number, match.start(2) + 1))
    for attacker, target, number, col in attacks:  # apx allows attacks before their args
        b.attack(attacker, target, number, col)


def _read_tgf(lines: list[str], b: _Builder) -> None:
    in_edges = False
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        col = len(line) - len(line.lstrip()) + 1
        if parts == ["#"]:
            in_edges = True
        elif not in_edges:
            b.argument(parts[0], number, col)  # the rest of a node line is its label
        elif len(parts) == 2:
            b.attack(parts[0], parts[1], number, col)
        else:
            raise b.error("expected an attack `attacker target`", number, col)


def _read_af(lines: list[str], b: _Builder) -> None:
    header: int | None = None
    attacks: list[tuple[str, str, int, int]] = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(line.lstrip()) + 1
        if header is None:
            header = _header(stripped, b, number, col)
            continue
        parts = stripped.split()
        if len(parts) != 2 or not all(_NUMBER.fullmatch(p) for p in parts):
            raise b.error("expected an attack `attacker target` of argument numbers", number, col)
        attacks.append((parts[0], parts[1], number, col))
    if header is None:
        raise b.error("no `p af <n>` header", max(len(lines), 1))
    # the arguments are made once the whole file is read, so a header alone allocates nothing
    for name in range(1, header + 1):
        b.argument(str(name), *b.header_at)
    for attacker, target, number, col in attacks:
        b.attack(attacker, target, number, col)


def _header(text: str, b: _Builder, line: int, col: int) -> int:
    match = _HEADER.fullmatch(text)
    if match is None:
        raise b.error("expected the header `p af <number of arguments>`", line, col)
    digits = match[1].lstrip("0") or "0"
    if len(digits) > 15:  # int() refuses 4,300 digits; no map holds 10**15 claims anyway
        raise b.error(f"the header declares a {len(digits):,}-digit number of arguments, more "
                      "than a map holds", line, col)
    count = int(digits)
    OutputBudget().spend(count * _CLAIM_BYTES, Position(b.path, line, col),
                         f"the header declares {count:,} arguments")
    b.header_at = (line, col)
    return count


def read_file(path: Path) -> ImportResult:
    """Read an ICCMA framework; the format follows the suffix (.apx, .tgf, else `p af n`)."""
    text = read_source_text(path)
    lines = text.splitlines()
    builder = _Builder(str(path))
    suffix = path.suffix.lower()
    if suffix == ".apx":
        _read_apx(lines, builder)
    elif suffix == ".tgf":
        _read_tgf(lines, builder)
    else:
        _read_af(lines, builder)
    return builder.result()
