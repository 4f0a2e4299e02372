"""argmap to Argdown: claims as statements, linked arguments as premise–conclusion structures."""

from __future__ import annotations

import json
from typing import Any

import yaml

from argmap.model import Argument, ArgumentMap, AttackKind, Claim, Source

_SPECIAL = set("\\[]<>{}#*_@/`")


def escape(text: str) -> str:
    """Text on one line, with every character Argdown reads as markup escaped."""
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in " ".join(text.split()))


def _data(fields: dict[str, Any]) -> str:
    # locator is written even when empty: an absent one would read back as the Argdown line
    present = {k: v for k, v in fields.items() if k == "locator" or v not in (None, False, [], "")}
    if not present:
        return ""
    # the reader finds a data block's end by counting braces, so none may stand inside a string
    inner = json.dumps(present, ensure_ascii=False)[1:-1]
    return " {" + inner.replace("{", "\\u007b").replace("}", "\\u007d") + "}"


def _statement(claim: Claim) -> str:
    tags = "".join(" #(" + escape(t).replace(")", "\\)") + ")" for t in claim.tags)
    data = _data(
        {
            "kind": claim.kind.value,
            "locator": claim.locator,
            "note": claim.note,
            "factual": claim.factual,
            "common-ground": claim.common_ground,
            "implicit": claim.implicit,
            "cites": list(claim.cites),
        }
    )
    return f"[{escape(claim.id)}]: {escape(claim.text)}{tags}{data}"


def _argument(arg: Argument, convergent: bool) -> list[str]:
    data = _data({"locator": arg.locator, "convergent": convergent, "implicit": arg.implicit})
    head = f"<{escape(arg.id)}>" + (f": {escape(arg.note)}" if arg.note else "")
    lines = [head + data, ""]
    lines += [f"({n}) [{escape(p)}]" for n, p in enumerate(arg.premises, start=1)]
    rule = escape(arg.scheme or "")
    warrant = _data({"warrant": arg.warrant}) if arg.warrant else ""
    lines.append(f"-- {rule}{warrant} --".replace("--  ", "-- ") if rule or warrant else "----")
    lines.append(f"({len(arg.premises) + 1}) [{escape(arg.conclusion)}]")
    return [*lines, ""]


def _source_fields(source: Source) -> dict[str, str | None]:
    return {
        "title": source.title,
        "author": source.author,
        "date": source.date,
        "url": source.url,
        "publisher": source.publisher,
        "locator": source.locator,
        "note": source.note,
    }


def write_text(amap: ArgumentMap) -> str:
    """The map in Argdown; the Argdown importer reads it back to the same map.

    Sources go into the front matter (``sources:``), a claim's fields into its ``{data}``. A
    convergent support that something undercuts is written as a one-premise argument marked
    ``{"convergent": true}``, so that the undercut has an argument to target.
    """
    out: list[str] = []
    front: dict[str, Any] = {"title": amap.title} if amap.title else {}
    if amap.sources:
        front["sources"] = {
            s.key: {k: v for k, v in _source_fields(s).items() if v is not None}
            for s in amap.sources.values()
        }
    if front:
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        out += ["===", dumped.rstrip("\n"), "===", ""]
    for claim in amap.claims.values():
        out += [_statement(claim), ""]  # a blank line ends an Argdown paragraph
    undercut = {a.target for a in amap.attacks if a.kind is AttackKind.UNDERCUT}
    as_argument = [a for a in amap.arguments.values() if a.linked or a.id in undercut]
    for arg in as_argument:
        out += _argument(arg, convergent=not arg.linked)
    relations: dict[str, list[str]] = {}
    for arg in amap.arguments.values():
        if not arg.linked and arg.id not in undercut:
            relations.setdefault(arg.premises[0], []).append(f"  +> [{escape(arg.conclusion)}]")
    for attack in amap.attacks:
        target = (
            f"[{escape(attack.target)}]"
            if attack.kind is AttackKind.REBUT
            else f"<{escape(attack.target)}>"
        )
        symbol = "->" if attack.kind is AttackKind.REBUT else "_>"
        relations.setdefault(attack.attacker, []).append(f"  {symbol} {target}")
    for claim_id, lines in relations.items():
        out += [f"[{escape(claim_id)}]", *lines, ""]
    return "\n".join(out).rstrip("\n") + "\n"
