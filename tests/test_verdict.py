"""The verdict on each conclusion: load-bearing nodes against their definition, by brute force."""

from __future__ import annotations

import random

import pytest

from argmap.evaluate import evaluate, verdict
from argmap.load.loader import load_text
from argmap.semantics.framework import compile_map
from argmap.semantics.grounded import IN, grounded_labelling

KINDS = ("premise", "premise", "evidence", "assumption", "objection", "thesis", "recommendation")


def random_map(seed: int) -> str:
    """A small map with supports, linked arguments, rebuttals, undercuts and cycles."""
    rng = random.Random(seed)
    n = rng.randint(3, 9)
    ids = [f"c{i}" for i in range(n)]
    lines = ["argmap: 1", "claims:"]
    n_args = rng.randint(0, 3)
    arg_ids = [f"a{i}" for i in range(n_args)]
    for i, cid in enumerate(ids):
        kind = "thesis" if i == 0 else rng.choice(KINDS)
        lines += [f"  {cid}:", f"    kind: {kind}", f"    text: Claim {i}."]
        others = [o for o in ids if o != cid]
        for key, chance in (("supports", 0.5), ("rebuts", 0.25)):
            if rng.random() < chance:
                lines.append(f"    {key}: [{', '.join(rng.sample(others, rng.randint(1, 2)))}]")
        if arg_ids and rng.random() < 0.15:
            lines.append(f"    undercuts: [{rng.choice(arg_ids)}]")
    if arg_ids:
        lines.append("arguments:")
        for aid in arg_ids:
            conclusion = rng.choice(ids)
            premises = rng.sample([c for c in ids if c != conclusion], rng.randint(1, 2))
            lines += [f"  {aid}:", f"    conclusion: {conclusion}",
                      f"    premises: [{', '.join(premises)}]"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(300))
def test_load_bearing_is_what_the_definition_says(seed: int) -> None:
    """X is load-bearing for C iff C is in and, with X labelled out, C is no longer in."""
    amap = load_text(random_map(seed), "random.yaml")
    result = verdict(amap, evaluate(amap))
    fw = compile_map(amap)
    labels, _ = grounded_labelling(fw)
    for conclusion in result.conclusions:
        c = fw.rows.index[conclusion.id]
        expected = set()
        if labels[c] == IN:
            for x in range(fw.rows.size):
                if x != c and labels[x] == IN and grounded_labelling(fw, (x,))[0][c] != IN:
                    expected.add(fw.rows.ids[x])
        assert set(conclusion.load_bearing) == expected, (conclusion.id, random_map(seed))


TWO_STRANDS = """\
argmap: 1
claims:
  t:
    kind: thesis
    text: The tram should be built.
  p:
    text: The axis is at capacity.
    supports: [t]
  e1:
    kind: evidence
    text: Counts show it.
    supports: [p]
  q:
    text: The tram would cut emissions.
    supports: [t]
  e2:
    kind: evidence
    text: A study shows it.
    supports: [q]
"""


def test_two_independent_strands_leave_nothing_load_bearing() -> None:
    """Either strand alone keeps the thesis in: no claim below them is load-bearing."""
    amap = load_text(TWO_STRANDS, "two.yaml")
    (thesis,) = verdict(amap, evaluate(amap)).conclusions
    assert thesis.status == "in"
    assert thesis.load_bearing == ()
    assert [s.argument for s in thesis.strands] == ["p->t", "q->t"]
    assert all(s.status == "in" for s in thesis.strands)


def test_one_strand_is_load_bearing_down_to_its_evidence() -> None:
    """Cut one strand: everything left on the other one carries the thesis."""
    amap = load_text(TWO_STRANDS.replace("    supports: [q]\n", ""), "one.yaml")
    (thesis,) = verdict(amap, evaluate(amap)).conclusions
    assert thesis.load_bearing == ("e1", "e1->p", "p", "p->t")


def test_impact_names_the_conclusions_a_claim_bears_on() -> None:
    """A premise bears on the thesis above it; an unrelated claim bears on nothing."""
    amap = load_text(TWO_STRANDS.replace("    supports: [q]\n", ""), "one.yaml")
    result = verdict(amap, evaluate(amap))
    assert result.impact("e1").to_dict() == {"conclusions": ["t"], "load_bearing": True}
    assert result.impact("e2").to_dict() == {"conclusions": [], "load_bearing": False}
    assert result.impact(None).conclusions == ()


def test_a_reply_that_defends_the_thesis_is_load_bearing() -> None:
    """Taking out the answer to a standing objection lets the objection defeat the thesis."""
    text = TWO_STRANDS + """\
  cost:
    kind: objection
    text: The city cannot afford it.
    cites: [plan]
    rebuts: [t]
  grant:
    kind: evidence
    text: The grant covers the cost.
    rebuts: [cost]
sources:
  plan:
    title: Transport plan
"""
    amap = load_text(text, "defended.yaml")
    (thesis,) = verdict(amap, evaluate(amap)).conclusions
    assert thesis.status == "in"
    assert thesis.load_bearing == ("grant",)
