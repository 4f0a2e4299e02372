"""What import/export tests compare, and which corpus files they sample."""

from __future__ import annotations

from pathlib import Path

from argmap.model import ArgumentMap
from tests.conftest import SHARED

NO_CORPUS = "../shared/corpora is absent (developer data)"


def map_contents(amap: ArgumentMap) -> tuple[object, ...]:
    """Claims, arguments, attacks, sources and title: all a round trip must keep."""
    claims = {
        (c.id, c.text, c.kind, c.tags, c.locator, c.note, c.factual, c.common_ground, c.cites,
         c.implicit)
        for c in amap.claims.values()
    }
    arguments = {
        (a.id, a.conclusion, a.premises, a.linked, a.warrant, a.scheme, a.locator, a.note,
         a.implicit)
        for a in amap.arguments.values()
    }
    attacks = {(a.attacker, a.target, a.kind) for a in amap.attacks}
    sources = {(s.key, s.title, s.author, s.date, s.url) for s in amap.sources.values()}
    return claims, arguments, attacks, sources, amap.title


def corpus_files(aif_every: int) -> list[tuple[str, Path]]:
    """(format, file) for every Argdown map and essay, and every n-th AIF file; [] without
    ../shared."""
    corpora = SHARED / "corpora"
    if not corpora.exists():
        return []
    return (
        [("argdown", p) for p in sorted((corpora / "argdown").glob("*.argdown"))]
        + [("aif", p) for p in sorted((corpora / "aif").glob("*/*.json"))[::aif_every]]
        + [("brat", p) for p in sorted((corpora / "essays").glob("*.ann"))]
    )
