"""Hypothesis: arbitrary text and arbitrary YAML give findings or a clean error, nothing else."""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.engine import check_map
from argmap.errors import ArgmapError
from argmap.load.loader import load_text

KEYS = ["argmap", "claims", "text", "kind", "supports", "rebuts", "undercuts", "cites",
        "sources", "title", "arguments", "premises", "conclusion", "waive", "factual",
        "thesis", "premise", "a", "b", "c", "1", "no", "~", "extends", "answers", "tags"]
scalars = st.one_of(st.sampled_from(KEYS), st.integers(-3, 3), st.booleans(), st.none(),
                    st.text(string.printable, max_size=8))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(KEYS), children, max_size=5)),
    max_leaves=25,
)


def _load_and_check(text: str) -> None:
    try:
        amap = load_text(text, "fuzz.yaml")
    except ArgmapError as exc:
        assert exc.position is not None
        assert exc.position.line >= 1 and exc.position.col >= 1
        return
    for finding in check_map(amap).findings:
        assert finding.line >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    _load_and_check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_documents(data: object) -> None:
    _load_and_check(yaml.safe_dump(data))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.fixed_dictionaries(
    {"text": st.just("x")},
    optional={"kind": st.sampled_from(["thesis", "premise", "evidence", "objection",
                                       "recommendation", "assumption"]),
              "supports": st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True),
              "rebuts": st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True)}),
    min_size=1))
def test_arbitrary_claim_graphs(claims: dict[str, dict[str, object]]) -> None:
    referenced = {t for c in claims.values() for key in ("supports", "rebuts")
                  for t in c.get(key, [])}  # type: ignore[union-attr]
    _load_and_check(yaml.safe_dump({"argmap": 1, "claims": claims}))
    if referenced <= set(claims):
        check_map(load_text(yaml.safe_dump({"argmap": 1, "claims": claims}), "g.yaml"))
