"""A map that extends another: ids across files, positions in the right file, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checking import check_paths
from argmap.errors import MapLoadError
from argmap.load.loader import load_map

BASE = """\
argmap: 1
title: Author
claims:
  t:
    kind: thesis
    text: T.
  p:
    text: P.
    supports: [t]
"""

REVIEW = """\
argmap: 1
title: Review
extends: base.yaml
claims:
  o:
    kind: objection
    text: O.
    undercuts: [p->t]
"""


def test_review_layer_adds_to_the_base(write_map) -> None:  # type: ignore[no-untyped-def]
    base = write_map(BASE, "maps/base.yaml")
    review = write_map(REVIEW, "maps/review.yaml")
    amap = load_map(review)
    assert list(amap.claims) == ["t", "p", "o"]
    assert amap.claims["t"].pos.path == str(base)
    assert amap.claims["o"].pos.path == str(review)
    assert amap.title == "Review"
    assert [(a.attacker, a.target, a.kind.value) for a in amap.attacks] == [("o", "p->t",
                                                                              "undercut")]
    assert base.read_text() == BASE  # never modified


def test_findings_point_into_either_file(write_map) -> None:  # type: ignore[no-untyped-def]
    base = write_map(BASE, "maps/base.yaml")
    review = write_map(REVIEW, "maps/review.yaml")
    report = check_paths([str(review)])
    where = {(f.rule, f.path, f.line, f.col) for f in report.findings}
    assert ("unsupported-claim", str(base), 7, 3) in where
    assert ("unanswered-objection", str(review), 8, 17) in where


def test_directory_check_reports_shared_findings_once(tmp_path: Path, write_map) -> None:  # type: ignore[no-untyped-def]
    write_map(BASE, "maps/base.yaml")
    write_map(REVIEW, "maps/review.yaml")
    report = check_paths([str(tmp_path / "maps")])
    keys = [(f.rule, f.path, f.line, f.col, f.message) for f in report.findings]
    assert len(keys) == len(set(keys))
    assert report.files == (str(tmp_path / "maps" / "base.yaml"),
                            str(tmp_path / "maps" / "review.yaml"))


def test_missing_base_file(write_map) -> None:  # type: ignore[no-untyped-def]
    review = write_map(REVIEW.replace("base.yaml", "gone.yaml"), "maps/review.yaml")
    with pytest.raises(MapLoadError) as caught:
        load_map(review)
    assert str(caught.value).startswith(f"{review}:3:10: extended map 'gone.yaml' not found")


def test_extension_cycle(write_map) -> None:  # type: ignore[no-untyped-def]
    write_map(BASE.replace("title: Author", "extends: b.yaml"), "a.yaml")
    b = write_map(REVIEW.replace("base.yaml", "a.yaml"), "b.yaml")
    with pytest.raises(MapLoadError) as caught:
        load_map(b)
    assert "'extends' cycle: b.yaml -> a.yaml -> b.yaml" in caught.value.message


def test_duplicate_id_across_files(write_map) -> None:  # type: ignore[no-untyped-def]
    base = write_map(BASE, "maps/base.yaml")
    review = write_map(REVIEW.replace("  o:\n", "  p:\n"), "maps/review.yaml")
    with pytest.raises(MapLoadError) as caught:
        load_map(review)
    assert str(caught.value) == (f"{review}:5:3: duplicate id 'p' (first defined at "
                                 f"{base}:7:3)")
