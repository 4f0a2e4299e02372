"""Rule searches find what their definitions say: phrases, cycles, sides and reach."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import Position
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, Source
from argmap.rules import circular_support, missing_evidence, overstated_conclusion
from argmap.rules.overstated_conclusion import booster_in, hedge_in

# Lexicon words and look-alikes, glued by separators that do and do not end a word.
WORDS = ["will", "must", "all", "only", "not", "the", "sole", "no", "doubt", "other", "is",
         "certain", "may", "can", "tend", "tends", "to", "in", "some", "cases", "seen", "as",
         "it", "possible", "every", "everyone", "willow", "tram", "Will", "ALL", "Only", "é"]
SEPARATORS = [" ", "  ", ", ", "-", "_", "5", "'", "’", "'s ", "\n", "", ".", "—", "1_"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                 max_size=8).map(lambda parts: "".join(w + s for w, s in parts))


def _scan(text: str, hedges: bool) -> str | None:
    """The lexicon lookup on every word of the text, without the pre-search."""
    _, _, not_after = overstated_conclusion._lexicon()
    index = overstated_conclusion._phrase_index()[1 if hedges else 0]
    words = overstated_conclusion._WORD.findall(text.lower())
    return overstated_conclusion._find(words, index, {} if hedges else not_after)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_pre_search_never_hides_a_phrase(text: str) -> None:
    """booster_in and hedge_in answer as a scan of every word would."""
    assert booster_in(text) == _scan(text, hedges=False)
    assert hedge_in(text) == _scan(text, hedges=True)


NAMES = "abcdefg"


@st.composite
def argument_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps with every relation: supports, linked arguments with warrants, attacks."""
    pos = Position("m.yaml", 1, 1)
    kinds = draw(st.lists(st.sampled_from(list(ClaimKind)), min_size=len(NAMES),
                          max_size=len(NAMES)))
    flags = draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=len(NAMES),
                          max_size=len(NAMES)))
    claims = [Claim(name, name, kind, pos, factual=factual, cites=("s",) if cited else ())
              for name, kind, (factual, cited) in zip(NAMES, kinds, flags, strict=True)]
    arguments = []
    for i, (premises, conclusion, warrant) in enumerate(draw(st.lists(st.tuples(
            st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True),
            st.sampled_from(NAMES), st.none() | st.sampled_from(NAMES)), max_size=6))):
        arguments.append(Argument(f"arg{i}", conclusion, tuple(premises), pos, warrant=warrant))
    targets = [*NAMES, *(a.id for a in arguments)]
    attacks = [Attack(attacker, target, AttackKind.UNDERCUT if target.startswith("arg") else
                      AttackKind.REBUT, pos)
               for attacker, target in draw(st.lists(st.tuples(
                   st.sampled_from(NAMES), st.sampled_from(targets)), max_size=6))]
    return ArgumentMap(claims, arguments, attacks, [Source("s", "S", pos)])


def _support_graph(amap: ArgumentMap) -> nx.DiGraph:
    """Claim -> claim, from each premise or warrant of an argument to its conclusion."""
    graph = nx.DiGraph()
    graph.add_nodes_from(amap.claims)
    graph.add_edges_from((p, arg.conclusion) for arg in amap.arguments.values()
                         for p in arg.premises_and_warrant)
    return graph


def _sides_by_states(amap: ArgumentMap) -> dict[str, frozenset[str]]:
    """Sides by the plain search over (node, side) states, the definition in the docstring."""
    found: dict[str, set[str]] = {}
    todo = [(c.id, "pro") for c in amap.claims_of_kind(ClaimKind.THESIS, ClaimKind.RECOMMENDATION)]
    while todo:
        node, side = todo.pop()
        if side in found.setdefault(node, set()):
            continue
        found[node].add(side)
        for parent, role in amap.predecessors.get(node, {}).items():
            attacking = role in ("rebut", "undercut")
            todo.append((parent, ({"pro", "con"} - {side}).pop() if attacking else side))
    return {node: frozenset(sides) for node, sides in found.items()}


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_sides_and_reach_follow_their_definitions(amap: ArgumentMap) -> None:
    """sides matches the state search; connected claims are those with a path to a conclusion."""
    assert amap.sides == _sides_by_states(amap)
    conclusions = {c.id for c in amap.claims_of_kind(ClaimKind.THESIS, ClaimKind.RECOMMENDATION)}
    with_path = {c for c in amap.claims
                 if c in conclusions or nx.descendants(amap.graph, c) & conclusions}
    assert amap.connected_to_conclusions == with_path


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_circular_support_reports_each_cyclic_component_once(amap: ArgumentMap) -> None:
    """One finding per support cycle component, at its first claim, naming a real cycle."""
    graph = _support_graph(amap)
    order = list(amap.claims)
    expected = {min(component, key=order.index)
                for component in nx.strongly_connected_components(graph)
                if len(component) > 1 or graph.has_edge(*component, *component)}
    problems = list(circular_support.check(amap, {}))
    assert {p.subject for p in problems} == expected
    for problem in problems:
        cycle = problem.message.removeprefix("support cycle: ").split(" (component")[0]
        steps = cycle.split(" -> ")
        assert steps[0] == steps[-1] == problem.subject
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(steps))


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_missing_evidence_follows_support_paths(amap: ArgumentMap) -> None:
    """A claim is evidenced when evidence or a citing claim reaches it along support edges."""
    graph = _support_graph(amap)
    seeds = {c.id for c in amap.claims.values() if c.kind is ClaimKind.EVIDENCE or c.cites}
    evidenced = seeds.union(*(nx.descendants(graph, s) for s in seeds))
    reported = {p.subject for p in missing_evidence.check(amap, {})}
    expected = {c.id for c in amap.claims.values()
                if c.factual and not c.common_ground and c.id not in evidenced
                and (c.is_grounding or amap.supporters_of(c.id))}
    assert reported == expected
