"""The catalogue of argument schemes and their critical questions (package data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Scheme:
    """An argument scheme: its id, name, pattern and critical questions (id -> question)."""

    id: str
    name: str
    pattern: str
    questions: Mapping[str, str]
    aliases: tuple[str, ...] = ()


@cache
def load_schemes() -> Mapping[str, Scheme]:
    """Every scheme, by its id and by each alias, from argmap/data/schemes.yaml."""
    from importlib import resources  # here, not at import: most commands never read it

    import yaml

    text = resources.files("argmap").joinpath("data/schemes.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    by_name: dict[str, Scheme] = {}
    for scheme_id, entry in data["schemes"].items():
        scheme = Scheme(
            id=scheme_id,
            name=entry["name"],
            pattern=entry["pattern"],
            questions={str(k): str(v) for k, v in entry["questions"].items()},
            aliases=tuple(entry.get("aliases", ())),
        )
        for name in (scheme_id, *scheme.aliases):
            if name in by_name:
                raise RuntimeError(f"scheme name {name!r} is used twice in schemes.yaml")
            by_name[name] = scheme
    return by_name


def find_scheme(name: str) -> Scheme | None:
    """The scheme an argument names (by id or alias), or None."""
    return load_schemes().get(name)


def scheme_ids() -> list[str]:
    """The schemes' own ids, in catalogue order."""
    return list(dict.fromkeys(s.id for s in load_schemes().values()))
