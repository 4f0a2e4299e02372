"""Which of the Indonesia–Korea paper's conclusions stand, alone and against the review."""

from __future__ import annotations

from pathlib import Path

from argmap.evaluate import Label, evaluate
from argmap.loader import load_map

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
    assert standing == {
        "approach-essential->rec-economy",
        "raises-standing->rec-economy",
        "model-for-others->rec-economy",
    }
    # Read strictly, no recommendation stands: each rests on facts the paper never evidences.
    for amap in (paper, review):
        labels = evaluate(amap).labels
        assert {labels[r] for r in RECOMMENDATIONS} == {Label.OUT}
