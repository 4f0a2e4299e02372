"""Every kind of bad input gives one positioned, readable error, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.load.loader import load_map, load_text

HEAD = "argmap: 1\nclaims:\n"

# (name, file content, expected (line, col), expected message fragment)
BAD_INPUTS = [
    ("syntax", HEAD + "  a:\n    text: [unclosed\n", (5, 1), "YAML syntax error"),
    ("tab indent", "argmap: 1\nclaims:\n\ta:\n", (3, 1), "YAML syntax error"),
    ("duplicate key", HEAD + "  a:\n    text: one\n    text: two\n", (5, 5),
     "duplicate key 'text' (first defined at line 4)"),
    ("duplicate claim id", HEAD + "  a:\n    text: one\n  a:\n    text: two\n", (5, 3),
     "duplicate key 'a'"),
    ("unknown key", HEAD + "  a:\n    text: x\n    locatr: ¶1\n", (5, 5),
     "unknown key 'locatr' in claim 'a'; did you mean 'locator'?"),
    ("unknown top key", "argmap: 1\nclams:\n  a:\n    text: x\n", (2, 1),
     "unknown key 'clams' in the map; did you mean 'claims'?"),
    ("missing claims", "argmap: 1\ntitle: t\n", (1, 1), "missing required key 'claims'"),
    ("missing text", HEAD + "  a:\n    kind: thesis\n", (4, 5), "missing required key 'text'"),
    ("text is a list", HEAD + "  a:\n    text: [x]\n", (4, 11), "'text' must be text, not a list"),
    ("claims is a list", "argmap: 1\nclaims: [a]\n", (2, 9), "'claims' must be a mapping"),
    ("bad kind", HEAD + "  a:\n    text: x\n    kind: thesys\n", (5, 11),
     "'kind' is 'thesys'; did you mean 'thesis'?"),
    ("factual yes", HEAD + "  a:\n    text: x\n    factual: yes\n", (5, 14),
     "'factual' must be true or false, not 'yes'"),
    ("unquoted no", HEAD + "  a:\n    text: no\n", (4, 11),
     "unquoted 'no' is read by YAML as a boolean; quote it"),
    ("unquoted on", HEAD + "  a:\n    text: x\n    locator: on\n", (5, 14),
     "unquoted 'on' is read by YAML as a boolean"),
    ("null text", HEAD + "  a:\n    text: ~\n", (4, 11), "'text' is empty"),
    ("impossible date", HEAD + "  a:\n    text: x\nsources:\n  s:\n    title: t\n"
     "    date: 2024-02-30\n", (8, 11), "'2024-02-30' is not a real date"),
    ("zero date", HEAD + "  a:\n    text: x\nsources:\n  s:\n    title: t\n"
     "    date: 0000-00-00\n", (8, 11), "'0000-00-00' is not a real date"),
    ("bad source date", "argmap: 1\nsource:\n  title: t\n  date: next week\nclaims:\n"
     "  a:\n    text: x\n", (4, 9), "is not a date"),
    ("unknown claim", HEAD + "  alpha:\n    text: x\n  b:\n    text: y\n    supports: [alpa]\n",
     (7, 16), "unknown claim 'alpa'; did you mean 'alpha'?"),
    ("unknown source", HEAD + "  a:\n    text: x\n    cites: [kim2023]\nsources:\n  kim2022:\n"
     "    title: t\n", (5, 13), "unknown source 'kim2023'; did you mean 'kim2022'?"),
    ("unknown argument", HEAD + "  a:\n    text: x\n    undercuts: [nope]\n", (5, 17),
     "unknown argument 'nope'"),
    ("claim and argument share an id", HEAD + "  a:\n    text: x\narguments:\n  a:\n"
     "    conclusion: a\n    premises: [a]\n", (6, 3), "duplicate id 'a' (first defined at"),
    ("id with a space", HEAD + "  \"a b\":\n    text: x\n", (3, 3), "is not a valid id"),
    ("id with a right-to-left mark", HEAD + "  \"a\u200fb\":\n    text: x\n", (3, 3),
     "is not a valid id"),
    ("empty file", "", (1, 1), "empty map file"),
    ("only a comment", "# nothing\n", (1, 1), "empty map file"),
    ("not a mapping", "- a\n- b\n", (1, 1), "the map must be a mapping, not a list"),
    ("wrong version", "argmap: 2\nclaims: {}\n", (1, 9), "unsupported format version 2"),
    ("anchor", HEAD + "  a: &base\n    text: x\n", (3, 6), "anchors and aliases are not allowed"),
    ("alias", HEAD + "  a:\n    text: x\n    tags: [t]\n  b:\n    text: y\n    tags: *t\n",
     (8, 11), "anchors and aliases are not allowed"),
    ("python tag", HEAD + "  a:\n    text: !!python/object/apply:os.system [ls]\n", (4, 11),
     "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ("two documents", "argmap: 1\nclaims: {}\n---\nargmap: 1\n", (3, 1),
     "one YAML document; found a second"),
    ("NUL byte", HEAD + "  a:\n    text: \"x\x00\"\n", (4, 13), "'\\x00' is not allowed"),
    ("waiver without reason", HEAD + "  a:\n    text: x\n    waive:\n      unused-source: ''\n",
     (6, 22), "the reason for waiving 'unused-source' is empty"),
    ("waiver of unknown rule", HEAD + "  a:\n    text: x\n    waive:\n"
     "      unsuported-claim: because\n", (6, 7), "did you mean 'unsupported-claim'?"),
    ("duplicate list item", HEAD + "  a:\n    text: x\n  b:\n    text: y\n    supports: [a, a]\n",
     (7, 19), "lists 'a' twice under 'supports'"),
    ("argument without premises", HEAD + "  a:\n    text: x\narguments:\n  r:\n"
     "    conclusion: a\n    premises: []\n", (8, 15), "needs at least one premise"),
    ("complex key", "argmap: 1\nclaims:\n  [a]: 1\n", (3, 3), "mapping keys must be plain text"),
]


@pytest.mark.parametrize(("content", "where", "message"),
                         [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_a_positioned_error(tmp_path: Path, content: str, where: tuple[int, int],
                                         message: str) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    error = caught.value
    assert message in error.message
    assert error.position is not None
    assert (error.position.path, error.position.line, error.position.col) == (
        str(path), *where)


# YAML errors, worded and placed exactly: text -> (line, column, message).
YAML_ERRORS = {
    "argmap: 1\nclaims:\n  a:\n    text: x\n  a:\n    text: y\n":
        (5, 3, "duplicate key 'a' (first defined at line 3)"),
    "argmap: 1\nclaims:\n\ta: x\n":
        (3, 1, "YAML syntax error: a tab where YAML expects indentation or a value; indent with "
               "spaces"),
    "argmap: 1\nx: &a 1\ny: *a\n":
        (2, 4, "YAML anchors and aliases are not allowed in a map (write the value out)"),
    "a: 1\n---\nb: 2\n": (2, 1, "a map file holds one YAML document; found a second"),
    "argmap: 1\nclaims:\n  a: {x: 1, x: 2}\n":
        (3, 13, "duplicate key 'x' (first defined at line 3)"),
    # Not known to be a map yet (no 'argmap' key before the error): its text is not quoted.
    "claims:\n  a: {x: 1, x: 2}\n": (2, 13, "duplicate key (first defined at line 2)"),
    "a: !!int 1\n": (1, 4, "a YAML tag is not allowed in a map"),
    "text: >-\n  a\n b: 1\n":
        (3, 2, "YAML syntax error: did not find expected key (while parsing a block mapping)"),
    "a: b: c\n": (1, 5, "YAML syntax error: mapping values are not allowed in this context"),
    "a:\n  - x\n  b: 1\n": (3, 3, "YAML syntax error: did not find expected '-' indicator "
                                  "(while parsing a block collection)"),
    "a: [x, y\n": (2, 1, "YAML syntax error: did not find expected ',' or ']' "
                         "(while parsing a flow sequence)"),
    "a: 'x\n": (2, 1, "YAML syntax error: found unexpected end of stream "
                      "(while scanning a quoted scalar)"),
    "a: \"\\q\"\n": (1, 5, "YAML syntax error: found unknown escape character "
                           "(while parsing a quoted scalar)"),
    "a: 1\nb: \x00\n": (2, 4, "'\\x00' is not allowed in a YAML file"),
    "a: x # c\n  y\n":  # a comment ends a plain scalar: no next line for it
        (2, 3, "YAML syntax error: did not find expected key (while parsing a block mapping)"),
    "a: 'x\n  y' z\n":
        (2, 6, "YAML syntax error: did not find expected key (while parsing a block mapping)"),
    "argmap: 1\na: !!int 1\n": (2, 4, "YAML tag 'tag:yaml.org,2002:int' is not allowed in a map"),
    "[a, b]: 1\n": (1, 1, "mapping keys must be plain text, not a list"),
}


@pytest.mark.parametrize("text", list(YAML_ERRORS))
def test_yaml_errors_keep_their_exact_message_and_position(text: str) -> None:
    with pytest.raises(MapLoadError) as caught:
        load_text(text, "m.yaml")
    line, col, message = YAML_ERRORS[text]
    assert str(caught.value) == f"m.yaml:{line}:{col}: {message}"


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"argmap: 1\nclaims:\n  a:\n    text: caf\xe9\n")
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}:4:14: not UTF-8 text: byte 0xe9 cannot be decoded"


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfargmap: 1\r\nclaims:\r\n  a:\r\n    text: x\r\n")
    amap = load_map(path)
    assert amap.claims["a"].pos.line == 3


def test_billion_laughs_is_refused_in_milliseconds(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size < 600
    started = time.perf_counter()
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert time.perf_counter() - started < 1.0  # generous: the refusal is at the first anchor
    assert caught.value.position is not None and caught.value.position.line == 1


def test_very_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("argmap: 1\nclaims: " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    # Where it stops depends on the libyaml build (some refuse deep flow nesting while
    # scanning ahead); what it says does not.
    assert caught.value.message == "nesting deeper than 64 levels"
    assert caught.value.position is not None and caught.value.position.line == 2


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_nesting_past_64_levels_is_refused_at_level_65(tmp_path: Path, opener: str) -> None:
    path = tmp_path / "deep.yaml"
    if opener == "- ":
        body = "".join(f"{'  ' * i}-\n" for i in range(100)) + "  " * 100 + "x\n"
        path.write_text("argmap: 1\nclaims:\n" + body)
        where = (2 + 64, 1 + 2 * 63)  # the 65th collection: the 64th nested sequence's item
    else:
        path.write_text("argmap: 1\nclaims: " + opener * 100 + "x" + "]}"[opener != "["] * 100
                        + "\n")
        where = (2, 9 + len(opener) * 63)
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert caught.value.message == "nesting deeper than 64 levels"
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.col) == where


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(MapLoadError) as caught:
        load_map(tmp_path / "absent.yaml")
    assert "cannot read file" in caught.value.message
    with pytest.raises(MapLoadError) as caught:
        load_map(tmp_path)
    assert "is a directory" in caught.value.message
