"""`argmap diff`: what a revision of a map changed: claims, relations, sources and findings."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.findings import Finding
from argmap.model import ArgumentMap, Claim
from argmap.reporters.text import format_line
from argmap.safe_text import json_visible, visible

# Claim fields compared besides the text (a changed text is a rewording).
_CLAIM_FIELDS = ("kind", "locator", "factual", "common_ground", "implicit", "cites", "tags")


@dataclass(frozen=True)
class MapDiff:
    """The differences between two versions of a map."""

    added: list[Claim] = field(default_factory=list)
    removed: list[Claim] = field(default_factory=list)
    reworded: list[tuple[Claim, Claim]] = field(default_factory=list)
    changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # id, field, old, new
    relations_added: list[dict[str, Any]] = field(default_factory=list)
    relations_removed: list[dict[str, Any]] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Whether the two versions are the same as far as argmap can tell."""
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def relations(amap: ArgumentMap) -> list[dict[str, Any]]:
    """Every support, linked argument and attack of ``amap`` as a plain dict."""
    found: list[dict[str, Any]] = []
    for arg in amap.arguments.values():
        if arg.linked:
            found.append({"relation": "linked", "argument": arg.id,
                          "premises": list(arg.premises), "warrant": arg.warrant,
                          "target": arg.conclusion})
        else:
            found.append({"relation": "supports", "source": arg.premises[0],
                          "target": arg.conclusion})
    found.extend({"relation": f"{a.kind.value}s", "source": a.attacker, "target": a.target}
                 for a in amap.attacks)
    return found


def relation_text(relation: dict[str, Any]) -> str:
    """``a supports b``, ``o rebuts p``, ``relief: a + b -> t (warrant w)``."""
    if relation["relation"] == "linked":
        warrant = f" (warrant {relation['warrant']})" if relation["warrant"] else ""
        return (f"{relation['argument']}: {' + '.join(relation['premises'])} -> "
                f"{relation['target']}{warrant}")
    return f"{relation['source']} {relation['relation']} {relation['target']}"


def diff_maps(old: ArgumentMap, new: ArgumentMap, old_findings: Sequence[Finding] = (),
              new_findings: Sequence[Finding] = ()) -> MapDiff:
    """Compare two maps (and their findings, matched by rule, subject and message)."""
    result = MapDiff(
        added=[c for i, c in new.claims.items() if i not in old.claims],
        removed=[c for i, c in old.claims.items() if i not in new.claims],
        sources_added=[k for k in new.sources if k not in old.sources],
        sources_removed=[k for k in old.sources if k not in new.sources],
    )
    for claim_id, before in old.claims.items():
        after = new.claims.get(claim_id)
        if after is None:
            continue
        if before.text != after.text:
            result.reworded.append((before, after))
        for name in _CLAIM_FIELDS:
            was, now = _plain(getattr(before, name)), _plain(getattr(after, name))
            if was != now:
                result.changed.append((claim_id, name.replace("_", "-"), was, now))
    old_relations, new_relations = relations(old), relations(new)
    result.relations_added.extend(r for r in new_relations if r not in old_relations)
    result.relations_removed.extend(r for r in old_relations if r not in new_relations)
    result.introduced.extend(_unmatched(new_findings, old_findings))
    result.resolved.extend(_unmatched(old_findings, new_findings))
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return getattr(value, "value", value)  # enums as their text


def _unmatched(findings: Iterable[Finding], others: Iterable[Finding]) -> list[Finding]:
    # Lines move between revisions; a finding is "the same" when rule, subject and message are.
    remaining = Counter((f.rule, f.claim, f.message) for f in others)
    unmatched = []
    for finding in findings:
        key = (finding.rule, finding.claim, finding.message)
        if remaining[key]:
            remaining[key] -= 1
        else:
            unmatched.append(finding)
    return unmatched


def diff_text(diff: MapDiff) -> str:
    """The differences as lines: ``+`` added or introduced, ``-`` removed or resolved; map
    text on one line each, its controls made visible."""
    if diff.is_empty():
        return "no differences\n"
    lines: list[str] = []
    lines += [f"+ claim {c.id} ({c.kind.value}): {c.text}" for c in diff.added]
    lines += [f"- claim {c.id} ({c.kind.value}): {c.text}" for c in diff.removed]
    for before, after in diff.reworded:
        lines += [f"~ claim {before.id} reworded", f"    - {before.text}", f"    + {after.text}"]
    lines += [f"~ claim {i} {name}: {json.dumps(was)} -> {json.dumps(now)}"
              for i, name, was, now in diff.changed]
    lines += [f"+ relation {relation_text(r)}" for r in diff.relations_added]
    lines += [f"- relation {relation_text(r)}" for r in diff.relations_removed]
    lines += [f"+ source {k}" for k in diff.sources_added]
    lines += [f"- source {k}" for k in diff.sources_removed]
    lines += [f"+ finding {format_line(f)}" for f in diff.introduced]
    lines += [f"- finding {format_line(f)}" for f in diff.resolved]
    lines.append(
        f"claims: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.reworded)} reworded, {len(diff.changed)} changed; relations: "
        f"{len(diff.relations_added)} added, {len(diff.relations_removed)} removed; findings: "
        f"{len(diff.introduced)} introduced, {len(diff.resolved)} resolved")
    return "".join(visible(line) + "\n" for line in lines)


def diff_json(diff: MapDiff) -> str:
    """The differences as one JSON object (documented in docs/cli.md)."""
    def claim(c: Claim) -> dict[str, str]:
        return {"id": c.id, "kind": c.kind.value, "text": c.text}

    document = {
        "claims": {
            "added": [claim(c) for c in diff.added],
            "removed": [claim(c) for c in diff.removed],
            "reworded": [{"id": b.id, "old": b.text, "new": a.text} for b, a in diff.reworded],
            "changed": [{"id": i, "field": name, "old": was, "new": now}
                        for i, name, was, now in diff.changed],
        },
        "relations": {"added": diff.relations_added, "removed": diff.relations_removed},
        "sources": {"added": diff.sources_added, "removed": diff.sources_removed},
        "findings": {"introduced": [f.to_dict() for f in diff.introduced],
                     "resolved": [f.to_dict() for f in diff.resolved]},
    }
    return json_visible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def diff_files(old_path: str, new_path: str) -> MapDiff:
    """Load both maps, check each with its nearest configuration, and compare."""
    from argmap.config import ConfigResolver
    from argmap.engine import check_map
    from argmap.load.loader import load_map

    configs = ConfigResolver()
    old, new = load_map(old_path), load_map(new_path)
    return diff_maps(old, new, check_map(old, configs.settings_for(old_path)).findings,
                     check_map(new, configs.settings_for(new_path)).findings)
