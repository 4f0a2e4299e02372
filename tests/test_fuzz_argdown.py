"""Any text given to the Argdown importer ends in a map argmap loads or a positioned error."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.argdown.parser import parse_argdown
from argmap.errors import MapLoadError
from argmap.exporters import argdown as argdown_export
from argmap.importers.argdown import translate
from argmap.load.dump import dump_map
from argmap.load.loader import load_text

PIECES = [
    "[A]", "[A]: a", "[B]: b #t", "<X>", "<X>: x", "<Y>: y {k: 1}", "(1) p", "(2) [A]", "(3) q",
    "----", "--", "-- rule {uses: [1]} --", "Modus ponens", "  + ", "  - ", "  +> ", "  -> ",
    "  <_ ", "    _> ", "  >< ", "# H", "## H2 {isGroup: false}", "// c", "/* c */", "/*", "*/",
    "===", "title: t", "", "text", "@[A]", "{", "}", "\\", "**b**", "#(x y)", "<", "[",
    "  + [A]", "  - <X>", "  _> <X>", '[C]: c {note: "a\\\\b}"}',
    "-- r {warrant: A} --", "[A]: a {locator: [1], cites: [s, s]}", "[B]: b {note: ' '}",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("\n".join))
def test_any_text_imports_or_fails_with_a_position(text: str) -> None:
    try:
        doc = parse_argdown(text, "f.argdown")
    except MapLoadError as exc:
        assert exc.position is not None and exc.position.line >= 1
        return
    result, prov = translate(doc, "f.argdown")
    assert len(prov.statements) == len(doc.statements)
    load_text(dump_map(result.amap), "imported.yaml")  # what `argmap import` writes loads
    # whatever was imported survives an export and a second import
    again, _ = translate(parse_argdown(argdown_export.write_text(result.amap), "g"), "g")
    assert again.amap.stats() == result.amap.stats()
