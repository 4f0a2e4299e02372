"""An `ArgumentMap` as format-1 YAML text, the inverse of the loader (used by `import`)."""

from __future__ import annotations

from typing import Any, NoReturn

import yaml

from argmap.errors import ArgmapError
from argmap.load.loader import MAX_MAP_BYTES
from argmap.model import ArgumentMap, Claim, ClaimKind

SCHEMA_LINE = "# yaml-language-server: $schema=argmap.schema.json\n"

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


def _claim_entry(amap: ArgumentMap, claim: Claim) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": claim.text}
    if claim.kind is not ClaimKind.PREMISE:
        entry["kind"] = claim.kind.value
    optional: dict[str, Any] = {
        "locator": claim.locator,
        "tags": list(claim.tags),
        "note": claim.note,
        "factual": claim.factual or None,
        "common-ground": claim.common_ground or None,
        "implicit": claim.implicit or None,
        "cites": list(claim.cites),
        "supports": [a.conclusion for a in amap.arguments_using(claim.id) if not a.linked],
        "rebuts": [a.target for a in amap.attacks_by(claim.id) if a.kind.value == "rebut"],
        "undercuts": [a.target for a in amap.attacks_by(claim.id) if a.kind.value == "undercut"],
        "waive": {w.rule: w.reason for w in claim.waivers},
    }
    answers: dict[str, list[str]] = {}
    for argument, question in claim.answers:
        answers.setdefault(argument, []).append(question)
    optional["answers"] = answers
    entry.update((k, v) for k, v in optional.items() if _says_something(v))
    return entry


def _says_something(value: Any) -> bool:
    """Whether an optional field is worth writing: the loader refuses blank text."""
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def map_to_data(amap: ArgumentMap, title: str | None = None) -> dict[str, Any]:
    """The map as plain data in format 1's layout."""
    data: dict[str, Any] = {"argmap": 1}
    title = title or amap.title
    if title and title.strip():
        data["title"] = title
    data["claims"] = {c.id: _claim_entry(amap, c) for c in amap.claims.values()}
    arguments: dict[str, Any] = {}
    for arg in amap.arguments.values():
        if not arg.linked:
            continue
        entry: dict[str, Any] = {"conclusion": arg.conclusion, "premises": list(arg.premises)}
        optional = {"warrant": arg.warrant, "scheme": arg.scheme, "locator": arg.locator,
                    "note": arg.note, "implicit": arg.implicit or None,
                    "waive": {w.rule: w.reason for w in arg.waivers}}
        entry.update((k, v) for k, v in optional.items() if _says_something(v))
        arguments[arg.id] = entry
    if arguments:
        data["arguments"] = arguments
    if amap.sources:
        data["sources"] = {
            s.key: {k: v for k, v in (("title", s.title), ("author", s.author),
                                      ("date", s.date), ("url", s.url),
                                      ("publisher", s.publisher), ("locator", s.locator),
                                      ("note", s.note)) if _says_something(v)}
            for s in amap.sources.values()
        }
    return data


def quoted(text: str) -> str:
    """``text`` as one double-quoted YAML scalar on one line, readable back exactly."""
    # width: never fold the line; characters YAML cannot hold raw are written as escapes
    return str(yaml.dump(text, Dumper=_Dumper, default_style='"', allow_unicode=True,
                         width=2**31 - 1)).rstrip("\n")


def dump_map(amap: ArgumentMap, title: str | None = None) -> str:
    """Format-1 YAML text for ``amap``, starting with the editor schema line.

    A map argmap could not read back is refused: one larger than the loader reads, or with
    text that is not Unicode (a lone surrogate from a JSON escape or a file name).
    """
    least = _least_size(amap)
    if least > MAX_MAP_BYTES:  # refused before the dump, which costs far more than this sum
        _refuse_size(least)
    try:
        text = SCHEMA_LINE + yaml.dump(map_to_data(amap, title), Dumper=_Dumper,
                                       sort_keys=False, allow_unicode=True, width=100,
                                       default_flow_style=False)
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise ArgmapError(f"the map holds {bad}, a lone surrogate, which is not a character; "
                          "nothing is written") from None
    if size > MAX_MAP_BYTES:
        _refuse_size(size)
    return text


def _least_size(amap: ArgumentMap) -> int:
    """The fewest bytes ``amap`` takes as YAML: what dump_map writes, less quotes and folds."""
    size = 0
    for claim in amap.claims.values():  # `  id:`, `    text: ...`, `    kind: ...`
        size += len(claim.id) + len(claim.text) + 15
        if claim.kind is not ClaimKind.PREMISE:
            size += len(claim.kind.value) + 11
    for attack in amap.attacks:  # `    - target` under the attacker's rebuts or undercuts
        size += len(attack.target) + 7
    for arg in amap.arguments.values():
        if arg.linked:  # `  id:`, `    conclusion: c`, `    premises:`, `    - p` each
            size += len(arg.id) + len(arg.conclusion) + 35 + sum(len(p) + 7 for p in arg.premises)
        else:  # `    - conclusion` under the premise's supports
            size += len(arg.conclusion) + 7
    return size


def _refuse_size(size: int) -> NoReturn:
    raise ArgmapError(f"the map would be {size / (1 << 20):.1f} MB or more, more than the "
                      f"{MAX_MAP_BYTES >> 20} MB argmap reads as one map; nothing is written")
