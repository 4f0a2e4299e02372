"""The quick read of plain claims, arguments and sources builds what the checked read builds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from argmap.errors import MapLoadError
from argmap.load import sections as loader_sections
from argmap.load.dump import dump_map
from argmap.load.loader import load_map, load_text

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests" / "hostile"))
import generate  # noqa: E402
from test_generated_maps import generated_maps  # noqa: E402

QUICK_READS = ("_read_plain_claim", "_read_plain_argument", "_read_plain_source")
SHIPPED = sorted((REPO / "arguments").rglob("*.yaml"))
FIXTURE_MAPS = [case["map"] for path in sorted((REPO / "tests" / "fixtures" / "rules").rglob(
    "cases.yaml")) for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"].values()]


@contextmanager
def quick_reads_counted() -> Iterator[list[int]]:
    """Count the entries the quick read takes: [taken, declined]."""
    counts = [0, 0]
    originals = {name: getattr(loader_sections, name) for name in QUICK_READS}

    def counting(read: Callable[..., bool]) -> Callable[..., bool]:
        def wrapper(*args: object) -> bool:
            taken = read(*args)
            counts[0 if taken else 1] += 1
            return taken
        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        for name, read in originals.items():
            patch.setattr(loader_sections, name, counting(read))
        yield counts


def outcome(load: Callable[[], object]) -> object:
    """Everything a load gives: the map's contents, or its error message and position."""
    try:
        amap = load()
    except MapLoadError as exc:
        return ("error", str(exc))
    return (tuple(amap.claims.values()), tuple(amap.arguments.values()),  # type: ignore[attr-defined]
            amap.attacks, tuple(amap.sources.values()), amap.documents)  # type: ignore[attr-defined]


def same_either_way(load: Callable[[], object]) -> list[int]:
    """Load once as argmap does and once with the quick read switched off; both must agree.
    Returns how many entries the quick read took and declined."""
    with quick_reads_counted() as counts:
        quick = outcome(load)
    with pytest.MonkeyPatch.context() as patch:
        for name in QUICK_READS:
            patch.setattr(loader_sections, name, lambda *args: False)
        checked = outcome(load)
    assert quick == checked
    return counts


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_maps(path: Path) -> None:
    taken, declined = same_either_way(lambda: load_map(path))
    # the quick read does serve real maps (it leaves `implicit:` entries to the checked read)
    assert taken > 0 and taken >= 3 * declined


def test_rule_fixture_maps_and_their_errors() -> None:
    """Every fixture map, broken ones included: the same map or the same positioned error."""
    assert len(FIXTURE_MAPS) > 50
    taken = sum(same_either_way(lambda text=text: load_text(text, "m.yaml"))[0]
                for text in FIXTURE_MAPS)
    assert taken > 100


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_benchmark_maps(seed: int) -> None:
    text = generate.to_yaml(generate.generate(300, seed), seed)
    taken, declined = same_either_way(lambda: load_text(text, "m.yaml"))
    assert taken >= 300 and declined == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=generated_maps())
def test_generated_maps_and_what_argmap_writes_of_them(generated: object) -> None:
    text: str = generated.text  # type: ignore[attr-defined]
    same_either_way(lambda: load_text(text, "m.yaml"))
    written = dump_map(load_text(text, "m.yaml"))
    same_either_way(lambda: load_text(written, "m.yaml"))
