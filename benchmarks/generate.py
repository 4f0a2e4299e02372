"""Realistic synthetic argument maps of N claims, written as argmap YAML and as Argdown.

The map looks like a team's map of a policy area: a few theses, trees of support beneath them
with cross-links, linked arguments of two or three premises (some with a warrant), evidence
leaves citing sources, objections (rebuttals and undercuts) and replies to some of them. Every
support edge points from a newer claim to an older one, so support is acyclic, as in a real map.
The same seed always gives the same map.

    python benchmarks/generate.py 10000 --out /tmp/bench   # writes map-10000.yaml and .argdown
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

_WORDS = (
    "traffic capacity tram line city budget grant commuters peak flow axis cost overrun "
    "contract builder council survey count report emissions noise housing density station "
    "ridership fare subsidy road lane bus cycle parking freight delay safety accident "
    "maintenance depot track signal power schedule frequency transfer network district "
    "employment school hospital market demand supply forecast model scenario risk benefit "
    "value time travel journey access equity income region state federal policy planning "
    "review audit estimate growth decline trend evidence study analysis data sample rate "
    "share level target standard limit option alternative proposal design route corridor"
).split()
_VERBS = (
    "raises lowers exceeds matches reduces increases shifts limits supports weakens "
    "improves worsens predicts explains requires allows prevents delays speeds"
).split()
_SLUGS = _WORDS[:60]


@dataclass
class GenClaim:
    """One claim as generated, with its outgoing relations."""

    id: str
    kind: str
    text: str
    locator: str
    factual: bool = False
    supports: list[str] = field(default_factory=list)
    rebuts: list[str] = field(default_factory=list)
    undercuts: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)


@dataclass
class GenArgument:
    """A linked argument: premises that work only together."""

    id: str
    conclusion: str
    premises: list[str]
    warrant: str | None = None


@dataclass
class GenMap:
    """A generated map: claims in file order, linked arguments, sources."""

    claims: list[GenClaim]
    arguments: list[GenArgument]
    sources: list[tuple[str, str, str]]  # key, title, date


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 16))]
    words.insert(rng.randint(2, len(words) - 1), rng.choice(_VERBS))
    return " ".join(words).capitalize() + "."


def generate(n_claims: int, seed: int = 1) -> GenMap:
    """A map of exactly ``n_claims`` claims."""
    rng = random.Random(seed)
    claims: list[GenClaim] = []
    arguments: list[GenArgument] = []
    n_sources = max(2, n_claims // 8)
    sources = [(f"src{i}", _sentence(rng).rstrip("."), f"{rng.randint(1990, 2025)}-"
                f"{rng.randint(1, 12):02d}") for i in range(n_sources)]
    supportable: list[str] = []  # claims that can be supported (not evidence, not objections)
    objections: list[str] = []
    linked_ids: list[str] = []

    def new(kind: str, factual: bool = False, **relations: list[str]) -> GenClaim:
        index = len(claims)
        claim = GenClaim(f"{rng.choice(_SLUGS)}-{index}", kind, _sentence(rng),
                         f"¶{index // 3 + 1}", factual, **relations)
        claims.append(claim)
        return claim

    def parent() -> str:
        # Mostly a recent claim (trees grow in depth), sometimes anything earlier (breadth).
        if rng.random() < 0.7:
            return supportable[rng.randint(max(0, len(supportable) - 40), len(supportable) - 1)]
        return rng.choice(supportable)

    n_theses = max(1, n_claims // 2000)
    for _ in range(n_theses):
        supportable.append(new("thesis").id)
    while len(claims) < n_claims:
        roll = rng.random()
        left = n_claims - len(claims)
        if roll < 0.12 and left >= 3:  # a linked argument of two or three premises
            conclusion = parent()
            premises = [new("premise", factual=rng.random() < 0.2).id
                        for _ in range(min(rng.randint(2, 3), left - 1))]
            warrant = new("assumption").id if rng.random() < 0.3 else None
            arg = GenArgument(f"arg{len(arguments)}", conclusion, premises, warrant)
            arguments.append(arg)
            linked_ids.append(arg.id)
            supportable.extend(premises)
        elif roll < 0.55:  # a premise, sometimes cross-linked to a second conclusion
            targets = [parent()]
            if rng.random() < 0.1:
                other = rng.choice(supportable)
                if other not in targets:
                    targets.append(other)
            claim = new("premise", supports=targets)
            claim.factual = rng.random() < 0.2
            supportable.append(claim.id)
        elif roll < 0.75:  # an evidence leaf citing one or two sources
            cites = sorted({rng.randrange(n_sources) for _ in range(rng.choice((1, 1, 2)))})
            new("evidence", supports=[parent()], cites=[sources[i][0] for i in cites])
        elif roll < 0.87 or not objections:  # an objection: a rebuttal, or an undercut
            if linked_ids and rng.random() < 0.25:
                objections.append(new("objection", undercuts=[rng.choice(linked_ids)]).id)
            else:
                objections.append(new("objection", rebuts=[parent()]).id)
        elif roll < 0.97:  # a reply to an objection
            new("premise", rebuts=[rng.choice(objections)])
        else:  # a recommendation resting on an earlier claim
            rec = new("recommendation")
            arguments.append(GenArgument(f"arg{len(arguments)}", rec.id, [parent()]))
            supportable.append(rec.id)
    return GenMap(claims, arguments, sources)


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def to_yaml(gmap: GenMap, seed: int) -> str:
    """The map as argmap format v1."""
    out = ["argmap: 1", f"title: Synthetic map of {len(gmap.claims)} claims (seed {seed})",
           "claims:"]
    for c in gmap.claims:
        out += [f"  {c.id}:", f"    kind: {c.kind}", f"    text: {c.text}",
                f"    locator: {c.locator}"]
        if c.factual:
            out.append("    factual: true")
        for key, values in (("cites", c.cites), ("supports", c.supports),
                            ("rebuts", c.rebuts), ("undercuts", c.undercuts)):
            if values:
                out.append(f"    {key}: {_flow(values)}")
    if gmap.arguments:
        out.append("arguments:")
    for a in gmap.arguments:
        out += [f"  {a.id}:", f"    conclusion: {a.conclusion}",
                f"    premises: {_flow(a.premises)}"]
        if a.warrant:
            out.append(f"    warrant: {a.warrant}")
    out.append("sources:")
    for key, title, date in gmap.sources:
        out += [f"  {key}:", f"    title: {title}", f"    date: {date}"]
    return "\n".join(out) + "\n"


def to_argdown(gmap: GenMap, seed: int) -> str:
    """The same map in Argdown: statements, premise-conclusion structures, relations."""
    out = ["===", f"title: Synthetic map of {len(gmap.claims)} claims (seed {seed})", "===", ""]
    by_target: dict[str, list[str]] = {}
    for c in gmap.claims:
        for target in c.supports:
            by_target.setdefault(f"[{target}]", []).append(f"  <+ [{c.id}]")
        for target in c.rebuts:
            by_target.setdefault(f"[{c.id}]", []).append(f"  -> [{target}]")
        for target in c.undercuts:
            by_target.setdefault(f"[{c.id}]", []).append(f"  _> <{target}>")
    for c in gmap.claims:
        suffix = f" #{c.kind}" + "".join(f" #({s})" for s in c.cites)
        out.append(f"[{c.id}]: {c.text}{suffix}")
        out.extend(by_target.pop(f"[{c.id}]", []))
        out.append("")
    for a in gmap.arguments:
        out += [f"<{a.id}>", ""]
        lines = [f"[{p}]" for p in a.premises] + ([f"[{a.warrant}]"] if a.warrant else [])
        out += [f"({i}) {line}" for i, line in enumerate(lines, 1)]
        out += ["----", f"({len(lines) + 1}) [{a.conclusion}]", ""]
    return "\n".join(out)


def write_maps(n_claims: int, directory: Path, seed: int = 1) -> tuple[Path, Path]:
    """Write ``map-N.yaml`` and ``map-N.argdown`` under ``directory``; return both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    gmap = generate(n_claims, seed)
    yaml_path = directory / f"map-{n_claims}.yaml"
    argdown_path = directory / f"map-{n_claims}.argdown"
    yaml_path.write_text(to_yaml(gmap, seed), encoding="utf-8")
    argdown_path.write_text(to_argdown(gmap, seed), encoding="utf-8")
    return yaml_path, argdown_path


def main() -> None:
    """Command line: sizes, output directory, seed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of claims")
    parser.add_argument("--out", type=Path, default=Path("bench-maps"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in args.sizes:
        for path in write_maps(size, args.out, args.seed):
            print(path)


if __name__ == "__main__":
    main()
