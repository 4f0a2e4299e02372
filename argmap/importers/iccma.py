"""Import abstract argumentation frameworks in the ICCMA formats: apx, tgf and 2023 `p af n`.

Each abstract argument becomes an assumption claim (it stands unless attacked) and each
attack a rebuttal, so the map's grounded, preferred and stable labels are Dung's.
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.importers.base import ImportResult
from argmap.load.fields import ID_PATTERN
from argmap.model import ArgumentMap, Attack, AttackKind, Claim, ClaimKind, MapDocument

_APX = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*(?:%.*)?")
_HEADER = re.compile(r"p\s+af\s+(\d+)\s*")


class _Builder:
    """Collects arguments and attacks with their positions, refusing what is malformed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.claims: dict[str, Claim] = {}
        self.attacks: dict[tuple[str, str], Attack] = {}

    def error(self, message: str, line: int, col: int = 1) -> MapLoadError:
        return MapLoadError(message, Position(self.path, line, col))

    def argument(self, name: str, line: int, col: int) -> None:
        if not ID_PATTERN.fullmatch(name):
            raise self.error(f"argument name {name!r} is not a valid claim id", line, col)
        if name in self.claims:
            raise self.error(f"argument {name!r} declared twice", line, col)
        text = f"Abstract argument {name}."
        self.claims[name] = Claim(name, text, ClaimKind.ASSUMPTION, Position(self.path, line, col))

    def attack(self, attacker: str, target: str, line: int, col: int) -> None:
        for name in (attacker, target):
            if name not in self.claims:
                raise self.error(f"attack names undeclared argument {name!r}", line, col)
        pos = Position(self.path, line, col)
        self.attacks.setdefault((attacker, target), Attack(attacker, target, AttackKind.REBUT, pos))

    def result(self) -> ImportResult:
        doc = MapDocument(self.path, 1, title=f"ICCMA framework {Path(self.path).name}")
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
    header = None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(line.lstrip()) + 1
        if header is None:
            match = _HEADER.fullmatch(stripped)
            if match is None:
                raise b.error("expected the header `p af <number of arguments>`", number, col)
            header = int(match[1])
            for name in range(1, header + 1):
                b.argument(str(name), number, col)
            continue
        parts = stripped.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise b.error("expected an attack `attacker target` of argument numbers", number, col)
        b.attack(parts[0], parts[1], number, col)
    if header is None:
        raise b.error("no `p af <n>` header", max(len(lines), 1))


def read_file(path: Path) -> ImportResult:
    """Read an ICCMA framework; the format follows the suffix (.apx, .tgf, else `p af n`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise MapLoadError(f"not UTF-8 text: {exc.reason}", Position(str(path), 1, 1)) from None
    except OSError as exc:
        raise MapLoadError(f"cannot read the file: {exc.strerror}") from None
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
