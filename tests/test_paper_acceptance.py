"""Which of the Indonesia–Korea paper's conclusions stand, alone and against the review."""

from __future__ import annotations

from pathlib import Path

from argmap.evaluate import Label, evaluate
from argmap.load.loader import load_map

MAPS = Path(__file__).resolve().parents[1] / "arguments" / "indonesia-korea"
PAPER = MAPS / "paper.yaml"
REVIEW = MAPS / "review.yaml"
THESIS = "uniquely-qualified"
RECOMMENDATIONS = {"rec-diplomacy", "rec-economy", "rec-peacekeeping", "rec-humanitarian"}


def test_acceptance_of_the_thesis_and_recommendations() -> None:
    paper, review = load_map(PAPER), load_map(REVIEW)
    # Presuming whatever is unsupported, the thesis stands alone and falls against the review.
    assert evaluate(paper, presume=True).labels[THESIS] is Label.IN
    assert evaluate(review, presume=True).labels[THESIS] is Label.OUT
    # The recommendations survive the review only on ¶13's benefits, which it leaves unanswered.
    credulous = evaluate(review, presume=True)
    assert {credulous.labels[r] for r in RECOMMENDATIONS} == {Label.IN}
    standing = {
        a.id for a in review.supporters_of("rec-economy") if credulous.labels[a.id] is Label.IN
    }
    assert standing == {"raises-standing->rec-economy", "model-for-others->rec-economy"}
    # Read strictly, no recommendation stands: each rests on facts the paper never evidences.
    for amap in (paper, review):
        labels = evaluate(amap).labels
        assert {labels[r] for r in RECOMMENDATIONS} == {Label.OUT}


def test_strictly_the_thesis_stands_on_asean_alone_and_on_peacekeeping_with_review() -> None:
    def standing_reasons(path: Path) -> set[str]:
        amap = load_map(path)
        labels = evaluate(amap).labels
        assert labels[THESIS] is Label.IN
        return {a.id for a in amap.supporters_of(THESIS) if labels[a.id] is Label.IN}

    assert standing_reasons(PAPER) == {
        "balancer->uniquely-qualified",
        "dialogue-eases-tension->uniquely-qualified",
    }
    # The review undercuts ASEAN membership -> influence; its own concession grounds peacekeeping.
    assert standing_reasons(REVIEW) == {"peacekeeping-role->uniquely-qualified"}
