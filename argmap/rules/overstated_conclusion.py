"""A conclusion stated with more certainty or scope than all of its premises allow.

When every premise of a conclusion is hedged (the aid *could* ease pressures, the talks *may*
reduce tension) but the conclusion is boosted (Indonesia *will* ease tensions, is *uniquely*
qualified), the text claims more than its reasons give: certainty from possibilities, or
"only" and "always" from a few cases. The rule compares words, not meanings, so it is a
warning to reread the sentence, not a verdict. Boosters and hedges are listed in
`argmap/data/certainty.yaml` (see docs/schemes.md); "can" counts as a hedge, and "not only"
is not a booster.

Only premises and warrants of arguments for the conclusion count; a conclusion is reported
when it has at least one, all of them hedged, and it has a booster and no hedge itself.

Passing example:

    argmap: 1
    claims:
      mediator:
        kind: thesis
        text: Indonesia may be well placed to mediate between the Koreas.
      ties:
        text: Indonesia's ties with Russia and China could give it access to Pyongyang.
        supports: [mediator]

Failing example:

    argmap: 1
    claims:
      mediator:
        kind: thesis
        text: Indonesia is uniquely qualified to mediate between the Koreas.
      ties:
        text: Indonesia's ties with Russia and China could give it access to Pyongyang.
        supports: [mediator]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from argmap.findings import Severity
from argmap.model import ArgumentMap
from argmap.rules.base import Problem

ID = "overstated-conclusion"
NAME = "overstated conclusion"
SEVERITY = Severity.WARNING
OPTIONS: Mapping[str, Any] = {}

# The C-accelerated safe loader reads the lexicon in a tenth of the time (4 ms per run).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# First word -> the phrases starting with it, in lexicon order.
PhraseIndex = dict[str, list[tuple[str, ...]]]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _lexicon() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], dict[str, set[str]]]:
    # Beside the package's modules (importlib.resources would add ~7 ms to every check's start).
    text = (Path(__file__).parents[1] / "data" / "certainty.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    boosters = [tuple(str(p).lower().split()) for group in data["boosters"].values() for p in group]
    hedges = [tuple(str(p).lower().split()) for p in data["hedges"]]
    not_after = {k: set(v) for k, v in data["not_after"].items()}
    return boosters, hedges, not_after


@cache
def _phrase_index() -> tuple[PhraseIndex, PhraseIndex]:
    """Boosters and hedges indexed by first word: a text is scanned once, not once a phrase."""
    boosters, hedges, _ = _lexicon()
    return _by_first_word(boosters), _by_first_word(hedges)


@cache
def _candidates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One search each for the boosters and for the hedges, as whole words in sequence.

    A phrase's words are whole tokens with only non-letters between them, so a text in which
    this search finds nothing has no such phrase, and most texts are settled without being
    split into words. A text it does match is split and looked up as before (the search is
    looser: it ignores "not only" and apostrophes), so what is found does not change.
    """
    boosters, hedges, _ = _lexicon()
    return _any_phrase(boosters), _any_phrase(hedges)


def _any_phrase(phrases: list[tuple[str, ...]]) -> re.Pattern[str]:
    written = sorted({r"[\W\d_]+".join(map(re.escape, phrase)) for phrase in phrases})
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(written) + r")(?![^\W\d_])")


def _by_first_word(phrases: list[tuple[str, ...]]) -> PhraseIndex:
    index: PhraseIndex = {}
    for phrase in phrases:  # in lexicon order, which decides between phrases at one word
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _find(words: list[str], index: PhraseIndex, not_after: dict[str, set[str]]) -> str | None:
    for i, word in enumerate(words):
        for phrase in index.get(word, ()):
            if len(phrase) > 1 and tuple(words[i : i + len(phrase)]) != phrase:
                continue
            if len(phrase) == 1 and i > 0 and words[i - 1] in not_after.get(phrase[0], ()):
                continue
            return " ".join(phrase)
    return None


def booster_in(text: str) -> str | None:
    """The first certainty or scope booster in ``text``, or None."""
    lowered = text.lower()
    if _candidates()[0].search(lowered) is None:
        return None
    _, _, not_after = _lexicon()
    return _find(_WORD.findall(lowered), _phrase_index()[0], not_after)


def hedge_in(text: str) -> str | None:
    """The first hedge in ``text``, or None."""
    lowered = text.lower()
    if _candidates()[1].search(lowered) is None:
        return None
    return _find(_WORD.findall(lowered), _phrase_index()[1], {})


def check(amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]:
    """Report each boosted conclusion all of whose premises are hedged."""
    hedges: dict[str, str | None] = {}  # claim id -> its hedge: premises are shared
    for claim in amap.claims.values():
        supporters = amap.supporters_of(claim.id)
        if not supporters:
            continue
        booster = booster_in(claim.text)
        if booster is None:
            continue
        reasons = {p for arg in supporters for p in arg.premises_and_warrant}
        if not reasons or hedge_in(claim.text) is not None:
            continue
        hedged = {}
        for p in sorted(reasons):
            if p not in hedges:
                hedges[p] = hedge_in(amap.claims[p].text)
            hedged[p] = hedges[p]
        if all(hedged.values()):
            shown = ", ".join(f"'{p}' ({h})" for p, h in list(hedged.items())[:3])
            more = f" and {len(hedged) - 3} more" if len(hedged) > 3 else ""
            yield Problem(
                message=f"claim '{claim.id}' says '{booster}', but every premise for it is "
                f"hedged: {shown}{more}",
                pos=claim.pos,
                subject=claim.id,
            )
