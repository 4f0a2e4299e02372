"""What the loader builds from a map's claims, arguments and sources, field by field."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.errors import MapLoadError, Position
from argmap.load.dump import dump_map
from argmap.load.loader import load_map, load_text
from argmap.model import ArgumentMap, AttackKind, ClaimKind

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))
from test_generated_maps import GeneratedMap, generated_maps  # noqa: E402

SHIPPED = sorted((REPO / "arguments").rglob("*.yaml"))

EVERY_FIELD = """\
argmap: 1
claims:
  tram:
    text: The city should build the tram line.
    kind: thesis
  capacity:
    text: The tram carries more people than buses.
    locator: ¶2
    tags: [transport, "yes"]
    note: counted at peak hours
    factual: true
    common-ground: false
    cites: [survey]
    supports: [tram]
  "no":
    text: Buses are cheaper.
    kind: objection
    rebuts: [tram]
    undercuts: [capacity->tram]
  reply:
    text: Running costs favour the tram.
    answers:
      capacity->tram: [Is the count typical?]
    waive:
      unused-source: the survey is cited elsewhere
arguments:
  linked:
    conclusion: tram
    premises: [capacity, reply]
    warrant: "no"
    scheme: cause to effect
sources:
  survey:
    title: Passenger count
    author: City transport office
    date: 2024-03
    url: https://example.org/count
"""


def test_every_field_of_a_claim_argument_and_source_is_read() -> None:
    amap = load_text(EVERY_FIELD, "m.yaml")
    capacity = amap.claims["capacity"]
    assert (capacity.text, capacity.kind, capacity.pos) == (
        "The tram carries more people than buses.", ClaimKind.PREMISE, Position("m.yaml", 6, 3))
    assert (capacity.locator, capacity.tags, capacity.note) == (
        "¶2", ("transport", "yes"), "counted at peak hours")
    assert (capacity.factual, capacity.common_ground, capacity.cites) == (True, False, ("survey",))
    assert amap.claims["no"].kind is ClaimKind.OBJECTION  # a quoted "no" is an id like any other
    reply = amap.claims["reply"]
    assert reply.answers == (("capacity->tram", "Is the count typical?"),)
    assert [(w.rule, w.reason, w.pos.line) for w in reply.waivers] == [
        ("unused-source", "the survey is cited elsewhere", 25)]

    convergent = amap.arguments["capacity->tram"]
    assert (convergent.premises, convergent.conclusion, convergent.linked) == (
        ("capacity",), "tram", False)
    assert convergent.pos == Position("m.yaml", 14, 16)  # where `tram` is written
    linked = amap.arguments["linked"]
    assert (linked.premises, linked.conclusion, linked.warrant, linked.scheme) == (
        ("capacity", "reply"), "tram", "no", "cause to effect")
    assert [(a.attacker, a.target, a.kind, a.pos.line, a.pos.col) for a in amap.attacks] == [
        ("no", "tram", AttackKind.REBUT, 18, 14),
        ("no", "capacity->tram", AttackKind.UNDERCUT, 19, 17)]

    survey = amap.sources["survey"]
    assert (survey.title, survey.author, survey.date, survey.url, survey.pos.line) == (
        "Passenger count", "City transport office", "2024-03", "https://example.org/count", 33)


@pytest.mark.parametrize(("field", "message"), [
    ("kind: thesis", None),
    ("kind: yes", "claim 'c' 'kind': unquoted 'yes' is read by YAML as a boolean"),
    ("tags: x", "claim 'c' 'tags' must be a list, not 'x'"),
    ("tags: [~]", "claim 'c' 'tags' item is empty"),
    ("supports: [\"a b\"]", "claim 'c' 'supports' item 'a b' is not a valid id"),
    ("cites: {s: 1}", "claim 'c' 'cites' must be a list of ids, not a mapping"),
    ("note: ''", "'note' is empty"),
    ("locator: [p]", "'locator' must be text, not a list"),
    ("common-ground: 1", "'common-ground' must be true or false, not '1'"),
    ("answers: [x]", "claim 'c' 'answers' must be a mapping, not a list"),
    ("waive: {unused-source: yes}",
     "the reason for waiving 'unused-source': unquoted 'yes' is read by YAML as a boolean"),
])
def test_each_claim_field_is_checked_where_it_is_written(field: str, message: str | None) -> None:
    text = f"argmap: 1\nclaims:\n  c:\n    text: x\n    {field}\n"
    if message is None:
        load_text(text, "m.yaml")
        return
    with pytest.raises(MapLoadError) as caught:
        load_text(text, "m.yaml")
    assert caught.value.message.startswith(message)
    assert caught.value.position is not None and caught.value.position.line == 5


def test_the_first_wrong_field_is_the_one_reported() -> None:
    """Fields are read in a fixed order: the relations before the text, the text before notes."""
    text = "argmap: 1\nclaims:\n  c:\n    note: ~\n    text: ~\n    supports: [\"a b\"]\n"
    with pytest.raises(MapLoadError) as caught:
        load_text(text, "m.yaml")
    assert str(caught.value).startswith("m.yaml:6:16: claim 'c' 'supports' item 'a b'")


def map_contents(amap: ArgumentMap) -> tuple[object, ...]:
    """Everything loaded from a map, positions aside (a written map has its own lines).

    Arguments and attacks are compared as sets: a written map lists linked arguments after
    the claims, which hold the convergent ones.
    """
    claims = [(c.id, c.text, c.kind, c.locator, c.tags, c.note, c.factual, c.common_ground,
               c.cites, [(w.rule, w.reason) for w in c.waivers], c.answers)
              for c in amap.claims.values()]
    arguments = {(a.id, a.conclusion, a.premises, a.linked, a.warrant, a.scheme, a.locator,
                  a.note) for a in amap.arguments.values()}
    attacks = {(a.attacker, a.target, a.kind) for a in amap.attacks}
    sources = [(s.key, s.title, s.author, s.date, s.url, s.publisher, s.locator, s.note)
               for s in amap.sources.values()]
    return claims, arguments, attacks, sources, amap.title


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_what_import_writes_loads_back_as_the_same_map(path: Path) -> None:
    amap = load_map(path)
    assert map_contents(load_text(dump_map(amap), "written.yaml")) == map_contents(amap)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=generated_maps())
def test_generated_maps_load_back_the_same_once_written(generated: GeneratedMap) -> None:
    """Quoted ids in any script, texts full of escapes: written as `import` does, read again."""
    amap = load_text(generated.text, "m.yaml")
    assert map_contents(load_text(dump_map(amap), "written.yaml")) == map_contents(amap)
