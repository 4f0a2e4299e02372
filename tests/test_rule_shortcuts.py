"""The rules' shortcuts find what the full searches find: phrase pre-search, acyclic peeling."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.rules import circular_support, overstated_conclusion
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
