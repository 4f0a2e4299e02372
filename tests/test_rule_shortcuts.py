"""Shortcuts find what the full searches find: phrases, cycles, sides and reach."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import Position
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind
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


graphs = st.dictionaries(st.sampled_from("abcdefgh"), st.sets(st.sampled_from("abcdefgh")),
                         min_size=1)


def _cyclic_by_tarjan(succ: Mapping[str, set[str]]) -> set[str]:
    """Nodes on some cycle, from every strongly connected component of the whole graph."""
    full = {n: sorted(succ.get(n, ())) for n in {*succ, *(t for ts in succ.values() for t in ts)}}
    return {
        node
        for members in circular_support.strongly_connected_components(full)
        for node in members
        if len(members) > 1 or node in full[node]
    }


@settings(max_examples=400, deadline=None)
@given(graphs)
def test_peeling_keeps_every_cycle(succ: dict[str, set[str]]) -> None:
    """What is left after removing unsupported nodes holds every node on a cycle."""
    full = {n: {t: None for t in sorted(succ.get(n, ()))}
            for n in {*succ, *(t for ts in succ.values() for t in ts)}}
    left = circular_support._after_acyclic_part(full)
    cyclic = _cyclic_by_tarjan(succ)
    assert cyclic <= left
    if not cyclic:  # without a cycle every node is peeled away, and the rule stops there
        assert not left


NAMES = "abcdefg"


@st.composite
def argument_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps with every relation: supports, linked arguments with warrants, attacks."""
    pos = Position("m.yaml", 1, 1)
    kinds = draw(st.lists(st.sampled_from(list(ClaimKind)), min_size=len(NAMES),
                          max_size=len(NAMES)))
    claims = [Claim(name, name, kind, pos) for name, kind in zip(NAMES, kinds, strict=True)]
    arguments = []
    for i, (premises, conclusion, warrant) in enumerate(draw(st.lists(st.tuples(
            st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True),
            st.sampled_from(NAMES), st.none() | st.sampled_from(NAMES)), max_size=6))):
        arguments.append(Argument(f"arg{i}", conclusion, tuple(premises), pos, warrant=warrant))
    # "nowhere": a map built in code may attack nothing, and sides must still answer
    targets = [*NAMES, *(a.id for a in arguments), "nowhere"]
    attacks = [Attack(attacker, target, AttackKind.UNDERCUT if target.startswith("arg") else
                      AttackKind.REBUT, pos)
               for attacker, target in draw(st.lists(st.tuples(
                   st.sampled_from(NAMES), st.sampled_from(targets)), max_size=6))]
    return ArgumentMap(claims, arguments, attacks)


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
def test_sides_and_reach_agree_with_the_plain_searches(amap: ArgumentMap) -> None:
    """sides matches the state search; the claims it reaches are connected_to_conclusions."""
    fresh = ArgumentMap(amap.claims.values(), amap.arguments.values(), amap.attacks)
    connected_alone = fresh.connected_to_conclusions  # its own search, sides not yet known
    assert amap.sides == _sides_by_states(amap)
    assert amap.connected_to_conclusions == connected_alone  # derived from sides
    assert connected_alone == frozenset(set(amap.sides) & set(amap.claims))


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_peeling_the_rows_agrees_with_peeling_by_name(amap: ArgumentMap) -> None:
    """Where the integer rows exist, they are acyclic exactly when peeling by name empties."""
    try:
        rows = amap.node_rows
    except KeyError:
        return  # a map that attacks nothing: the rule peels by name
    assert rows.n_claims == len(NAMES)
    by_name = circular_support._after_acyclic_part(amap.support_successors)
    assert circular_support._acyclic(amap) == (not by_name)


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_evidence_reach_on_the_rows_agrees_with_the_search_by_name(amap: ArgumentMap) -> None:
    """missing-evidence's marks on the integer rows hold the claims the name search reaches."""
    seeds = [c.id for c in amap.claims.values() if c.kind is ClaimKind.EVIDENCE or c.cites]
    by_name = amap.supported_from(seeds) | set(seeds)
    marks = missing_evidence.evidenced_claims(amap)
    assert {claim for claim, mark in zip(amap.claims, marks, strict=True) if mark} == by_name
