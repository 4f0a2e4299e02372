"""The scheme catalogue and the certainty lexicon are package data, and docs/schemes.md matches."""

from __future__ import annotations

import re

import yaml

from argmap.rules.overstated_conclusion import booster_in, hedge_in
from argmap.schemes import find_scheme, load_schemes, scheme_ids
from tests.conftest import REPO

DOC = (REPO / "docs" / "schemes.md").read_text(encoding="utf-8")


def test_catalogue_has_the_required_schemes_with_stable_question_ids() -> None:
    assert scheme_ids() == [
        "practical-reasoning", "argument-from-consequences", "argument-from-expert-opinion",
        "cause-to-effect", "argument-from-analogy", "argument-from-example",
    ]
    for scheme in load_schemes().values():
        assert list(scheme.questions) == [f"CQ{i}" for i in range(1, len(scheme.questions) + 1)]
        assert all(q.endswith("?") for q in scheme.questions.values())
    assert find_scheme("generalisation") is find_scheme("argument-from-example")
    assert find_scheme("practical-reasonning") is None


def test_docs_list_every_scheme_question_and_lexicon_entry() -> None:
    for scheme_id in scheme_ids():
        scheme = load_schemes()[scheme_id]
        assert f"### `{scheme_id}`" in DOC
        for question_id, question in scheme.questions.items():
            assert f"| {question_id} | {question} |" in DOC
    lexicon = yaml.safe_load((REPO / "argmap" / "data" / "certainty.yaml").read_text("utf-8"))
    rows = {m[0]: m[1] for m in re.findall(r"^\| ([a-z ]+) \| (.+) \|$", DOC, re.M)}
    assert rows["certainty boosters"].split(", ") == lexicon["boosters"]["certainty"]
    assert rows["scope boosters"].split(", ") == lexicon["boosters"]["scope"]
    assert rows["hedges"].split(", ") == lexicon["hedges"]


def test_lexicon_on_the_papers_sentences() -> None:
    """Sentences of ../shared/source/indonesia-korea-mediation.txt, ¶1-¶5 (quoted here)."""
    boosted = {
        "This paper argues that Indonesia’s strategic position and diplomatic capabilities make "
        "it uniquely qualified to mediate and ease tensions on the Korean Peninsula": "uniquely",
        "Russia’s provision of economic and humanitarian aid to North Korea will strengthen "
        "this alliance": "will",
    }
    hedged = {
        "These developments are likely to increase tensions on the Korean Peninsula": "likely",
        "By providing aid to North Korea, Indonesia could help ease domestic economic and social "
        "pressures": "could",
        "Humanitarian assistance can be an effective tool for Indonesia to exert influence": "can",
        "This strategic partnership is seen as a counterbalance to the influence of the United "
        "States": "is seen as",
    }
    plain = "Indonesia is a member of the Association of Southeast Asian Nations (ASEAN)"
    for sentence, word in boosted.items():
        assert booster_in(sentence) == word
    for sentence, word in hedged.items():
        assert hedge_in(sentence) == word and booster_in(sentence) is None
    assert booster_in(plain) is None and hedge_in(plain) is None
    assert booster_in("Indonesia is not only a mediator but also a donor.") is None
