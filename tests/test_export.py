"""Export to Argdown, GraphML, JSON and AIF: round trips, and hostile text kept in its place."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from argmap.argdown.parser import parse_argdown
from argmap.errors import Position
from argmap.exporters import EXPORTERS
from argmap.exporters import argdown as argdown_export
from argmap.exporters import graphml as graphml_export
from argmap.exporters import json as json_export
from argmap.importers import IMPORTERS
from argmap.importers.argdown import translate
from argmap.load.loader import load_map
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, Source
from tests.conftest import REPO
from tests.interop_support import NO_CORPUS, corpus_files, map_contents

POS = Position("t.yaml", 1, 1)
HOSTILE = (
    'a [b]: <c> #d {e: 1} // f /* g */ *h* _i_ \\ "j" \'k\' @[l] </svg><script>x</script> &amp;'
)



def _via_argdown(amap: ArgumentMap) -> ArgumentMap:
    text = argdown_export.write_text(amap)
    result, _ = translate(parse_argdown(text, "x.argdown"), "x.argdown")
    assert result.warnings == (), [w.message for w in result.warnings]
    return result.amap


def _hostile_map() -> ArgumentMap:
    claims = [
        Claim("t", HOSTILE, ClaimKind.THESIS, POS, locator="¶1 {x}", tags=("a b", "c)d", "#e"),
              note="note\nwith newline {x} \\ y \"z\"", factual=True, cites=("s1",)),
        Claim("p", "premise (1) -- text (2) not a number", ClaimKind.GOAL, POS, implicit=True),
        Claim("q", "q", ClaimKind.ASSUMPTION, POS, common_ground=True),
        Claim("o", "objection + [x]", ClaimKind.OBJECTION, POS),
        Claim("u", "undercutter", ClaimKind.OBJECTION, POS),
    ]
    arguments = [
        Argument("arg.1", "t", ("p", "q"), POS, warrant="o", scheme="practical-reasoning",
                 locator="¶2", note="why <b>", implicit=True),
        Argument("q->p", "p", ("q",), POS, linked=False),
    ]
    attacks = [
        Attack("o", "t", AttackKind.REBUT, POS),
        Attack("u", "arg.1", AttackKind.UNDERCUT, POS),
        Attack("u", "q->p", AttackKind.UNDERCUT, POS),
    ]
    sources = [Source("s1", "A <title> & more", POS, author="X", date="2024-01", url="http://e")]
    return ArgumentMap(claims, arguments, attacks, sources)


def test_argdown_round_trip_keeps_hostile_text_and_every_field() -> None:
    amap = _hostile_map()
    assert map_contents(_via_argdown(amap)) == map_contents(amap)


PROJECT_MAPS = sorted((REPO / "arguments").glob("*/*.yaml"))


@pytest.mark.parametrize("path", PROJECT_MAPS, ids=lambda p: p.stem)
def test_argdown_round_trip_of_the_projects_own_maps(path: Path) -> None:
    amap = load_map(path)
    assert map_contents(_via_argdown(amap)) == map_contents(amap)



@pytest.mark.skipif(not corpus_files(aif_every=10), reason=NO_CORPUS)
def test_imported_corpus_maps_survive_argdown_export() -> None:
    for name, path in corpus_files(aif_every=10):
        amap = IMPORTERS[name](path).amap
        again = _via_argdown(amap)
        assert again.stats() == amap.stats(), path.name
        assert map_contents(again)[:3] == map_contents(amap)[:3], path.name


def test_graphml_escapes_markup_and_drops_what_xml_cannot_hold() -> None:
    amap = _hostile_map()
    text = graphml_export.write_text(amap)
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert graph.nodes["t"]["text"] == HOSTILE
    assert graph.nodes["t"]["tags"] == "a b c)d #e"
    assert graph.nodes["arg.1"]["type"] == "argument"
    assert graph.nodes["arg.1"]["implicit"] is True
    assert (graph.nodes["p"]["kind"], graph.nodes["p"]["implicit"]) == ("goal", True)
    assert graph.edges["u", "q->p"]["role"] == "undercut"
    assert graph.edges["arg.1", "t"]["role"] == "conclusion"
    assert graph.number_of_nodes() == len(amap.claims) + len(amap.arguments)
    control = ArgumentMap([Claim("c", "bell\x07 and nul\x00", ClaimKind.PREMISE, POS)])
    parsed = nx.read_graphml(io.BytesIO(graphml_export.write_text(control).encode("utf-8")))
    assert parsed.nodes["c"]["text"] == "bell\ufffd and nul\ufffd"


def test_json_is_a_node_link_document() -> None:
    amap = _hostile_map()
    doc = json.loads(json_export.write_text(amap))
    assert doc["version"] == 1
    assert set(doc) == {"version", "title", "claims", "arguments", "attacks", "sources"}
    assert [c["id"] for c in doc["claims"]] == list(amap.claims)
    thesis = doc["claims"][0]
    assert thesis["text"] == HOSTILE and thesis["kind"] == "thesis"
    assert thesis["cites"] == ["s1"] and thesis["common-ground"] is False
    assert thesis["implicit"] is False
    assert (doc["claims"][1]["kind"], doc["claims"][1]["implicit"]) == ("goal", True)
    assert doc["arguments"][0] == {
        "id": "arg.1", "conclusion": "t", "premises": ["p", "q"], "linked": True,
        "warrant": "o", "scheme": "practical-reasoning", "locator": "¶2", "note": "why <b>",
        "implicit": True,
    }
    assert {"attacker": "u", "target": "q->p", "kind": "undercut"} in doc["attacks"]
    assert doc["sources"][0]["title"] == "A <title> & more"


def test_every_exporter_is_registered() -> None:
    assert set(EXPORTERS) >= {"aif", "argdown", "graphml", "json"}
    assert set(IMPORTERS) >= {"aif", "argdown", "brat"}
