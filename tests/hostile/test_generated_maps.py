"""Hypothesis: generated maps of every shape load, check, evaluate and render to valid DOT.

Maps mix linked and convergent support, warrants, rebuttals, undercuts (of linked and of
convergent arguments), support cycles, sources, ids in several scripts and texts full of
markup. 100 examples by default; ARGMAP_FUZZ_EXAMPLES=5000 runs the long mode.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hostile_support import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.engine import check_map
from argmap.evaluate import evaluate
from argmap.load.fields import ID_PATTERN
from argmap.load.loader import load_text
from argmap.model import convergent_id
from argmap.render.graph import claim_node

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "100"))
KINDS = ["thesis", "premise", "evidence", "assumption", "objection", "recommendation"]
HOSTILE = ['"]; x -> y; [', "<script>alert(1)</script>", "[bold]b[/bold]", "a\\nb\\l",
           "\u202eevil", "}\ndigraph g {", "&amp;<>'\"", "line\nbreak", "tab\tstop"]

ids = st.text(st.sampled_from(list("abcxyz019_-.:") + ["é", "ж", "論", "א"]),
              min_size=1, max_size=5).filter(lambda s: ID_PATTERN.fullmatch(s) is not None)
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
).filter(lambda s: s.strip() != "")


@dataclass
class GeneratedMap:
    """The YAML text and what it should load as."""

    text: str
    claims: list[str]
    linked: list[str]
    supports: int
    attacks: int


def _q(text: str) -> str:
    """A YAML double-quoted scalar: printable ASCII as is, every other character escaped."""
    return '"' + "".join(
        ch if " " <= ch <= "~" and ch not in '"\\' else f"\\U{ord(ch):08x}" for ch in text
    ) + '"'


@st.composite
def generated_maps(draw: st.DrawFn) -> GeneratedMap:
    """A well-formed map of 1 to 12 claims, 0 to 4 linked arguments and 0 to 3 sources."""
    n_claims = draw(st.integers(1, 12))
    n_linked = draw(st.integers(0, 4))
    names = draw(st.lists(ids, min_size=n_claims + n_linked, max_size=n_claims + n_linked,
                          unique=True))
    claims, linked = names[:n_claims], names[n_claims:]
    sources = [f"src{i}" for i in range(draw(st.integers(0, 3)))]
    lines = ["argmap: 1", f"title: {_q(draw(texts))}", "claims:"]
    supports = attacks = 0
    convergent: list[str] = []
    bodies: list[list[str]] = []
    for claim in claims:
        body = [f"  {_q(claim)}:", f"    kind: {draw(st.sampled_from(KINDS))}",
                f"    text: {_q(draw(texts))}"]
        if draw(st.booleans()):
            body.append(f"    note: {_q(draw(texts))}")
        if draw(st.booleans()):
            body.append("    factual: true")
        targets = draw(st.lists(st.sampled_from(claims), unique=True, max_size=3))
        if targets:
            body.append(f"    supports: [{', '.join(_q(t) for t in targets)}]")
            convergent += [convergent_id(claim, t) for t in targets]
            supports += len(targets)
        rebutted = draw(st.lists(st.sampled_from(claims), unique=True, max_size=2))
        if rebutted:
            body.append(f"    rebuts: [{', '.join(_q(t) for t in rebutted)}]")
            attacks += len(rebutted)
        if sources and draw(st.booleans()):
            cited = draw(st.lists(st.sampled_from(sources), unique=True, min_size=1))
            body.append(f"    cites: [{', '.join(cited)}]")
        bodies.append(body)
    for body in bodies:  # undercuts may name any argument, so they are drawn once all exist
        undercut = draw(st.lists(st.sampled_from(linked + convergent), unique=True, max_size=2)
                        ) if linked or convergent else []
        if undercut:
            body.append(f"    undercuts: [{', '.join(_q(t) for t in undercut)}]")
            attacks += len(undercut)
        lines += body
    if linked:
        lines.append("arguments:")
    for arg in linked:
        premises = draw(st.lists(st.sampled_from(claims), unique=True, min_size=1, max_size=3))
        lines += [f"  {_q(arg)}:", f"    conclusion: {_q(draw(st.sampled_from(claims)))}",
                  f"    premises: [{', '.join(_q(p) for p in premises)}]"]
        others = [c for c in claims if c not in premises]
        if others and draw(st.booleans()):
            lines.append(f"    warrant: {_q(draw(st.sampled_from(others)))}")
        supports += 1
    if sources:
        lines.append("sources:")
    for key in sources:
        lines += [f"  {key}:", f"    title: {_q(draw(texts))}"]
    return GeneratedMap("\n".join(lines) + "\n", claims, linked, supports, attacks)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(generated=generated_maps())
def test_generated_maps_load_check_evaluate_and_render(
    generated: GeneratedMap, tmp_path: Path
) -> None:
    amap = load_text(generated.text, "generated.yaml")
    assert list(amap.claims) == generated.claims
    assert amap.stats()["supports"] == generated.supports
    assert amap.stats()["attacks"] == generated.attacks

    n_lines = generated.text.count("\n")
    known = {*amap.claims, *amap.arguments, *amap.sources}
    for finding in check_map(amap).findings:
        assert 1 <= finding.line <= n_lines and finding.col >= 1
        assert finding.claim is None or finding.claim in known

    labels = evaluate(amap).labels
    assert set(labels) == {*amap.claims, *amap.arguments}
    assert {str(label) for label in labels.values()} <= {"in", "out", "undecided"}

    path = tmp_path / "generated.yaml"
    path.write_text(generated.text, encoding="utf-8")
    dot_path = tmp_path / "generated.dot"
    outcome = cli("render", str(path), "--format", "dot", "-o", str(dot_path))
    assert (outcome.code, outcome.err) == (0, "")
    if shutil.which("dot") is not None:
        _assert_dot_draws_every_claim(dot_path, amap.claims)


def _assert_dot_draws_every_claim(dot_path: Path, claims: object) -> None:
    """Graphviz parses the DOT, and each claim is one node of the name render gives it."""
    done = subprocess.run(["dot", "-Tjson0", str(dot_path)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    names = [obj["name"] for obj in json.loads(done.stdout).get("objects", [])]
    for claim_id in claims:  # type: ignore[attr-defined]
        assert names.count(claim_node(claim_id)) == 1


def test_long_mode_is_documented() -> None:
    """The environment variable read above is the one the README tells people to set."""
    readme = Path(__file__).with_name("README.md").read_text(encoding="utf-8")
    assert "ARGMAP_FUZZ_EXAMPLES=5000" in readme
