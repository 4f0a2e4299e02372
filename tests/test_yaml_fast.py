"""The fast composer gives libyaml's tree node for node, positions included, or gives up.

Every test here runs both paths on the same text: ``yaml_fast.compose_strict`` (which raises
NotInSubset where it gives up) and ``yaml_tree.parse_tree_libyaml``. Where the fast path
answers, the two trees must be equal in every node's class, value, style, line and column, and
in key order; where libyaml finds an error, the fast path must have given up. Acceptance rates
are asserted too, so no test can pass by the fast path always giving up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError, Position
from argmap.load.dump import dump_map
from argmap.load.loader import load_map, load_text
from argmap.load.yaml_fast import compose_fast, compose_strict
from argmap.load.yaml_fast_values import NotInSubset
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq, parse_tree, parse_tree_libyaml
from argmap.new_map import skeleton

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests" / "hostile"))
import generate  # noqa: E402
from test_generated_maps import generated_maps  # noqa: E402

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "150"))


def fuzz(examples: int = EXAMPLES) -> settings:
    """Hypothesis settings for these tests: no deadline, quick by default."""
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def difference(fast: YNode, slow: YNode, where: str = "root") -> str | None:
    """Where two trees first differ, or None when they are equal node for node."""
    if type(fast) is not type(slow):
        return f"{where}: {type(fast).__name__} != {type(slow).__name__}"
    if (fast.line, fast.col) != (slow.line, slow.col):
        return f"{where}: at {fast.line}:{fast.col} != {slow.line}:{slow.col}"
    if isinstance(fast, YScalar):
        assert isinstance(slow, YScalar)
        if (fast.value, fast.plain) != (slow.value, slow.plain):
            return f"{where}: {(fast.value, fast.plain)!r} != {(slow.value, slow.plain)!r}"
        return None
    if isinstance(fast, YSeq):
        assert isinstance(slow, YSeq)
        if len(fast.items) != len(slow.items):
            return f"{where}: {len(fast.items)} items != {len(slow.items)}"
        for i, (mine, theirs) in enumerate(zip(fast.items, slow.items, strict=True)):
            found = difference(mine, theirs, f"{where}[{i}]")
            if found:
                return found
        return None
    assert isinstance(fast, YMap) and isinstance(slow, YMap)
    if list(fast.items) != list(slow.items):
        return f"{where}: keys {list(fast.items)} != {list(slow.items)}"
    for name, (key, value) in fast.items.items():
        other_key, other_value = slow.items[name]
        found = (difference(key, other_key, f"{where} key {name!r}")
                 or difference(value, other_value, f"{where}.{name}"))
        if found:
            return found
    return None


def same_tree_or_gives_up(text: str) -> bool:
    """Assert the fast path's tree is libyaml's, or that it gave up; True if it answered."""
    try:
        fast = compose_strict(text)
    except NotInSubset:
        assert compose_fast(text) is None
        return False
    try:
        slow = parse_tree_libyaml(text, "t.yaml")
    except MapLoadError as exc:
        raise AssertionError(f"fast path accepted what libyaml refuses ({exc}):\n{text}") from None
    assert slow is not None
    found = difference(fast, slow)
    assert found is None, f"{found}\n--- text:\n{text}"
    return True


# ---- the files in the repository, and the benchmark generator's maps --------------------------

YAML_FILES = sorted(p for folder in ("tests", "arguments", "docs")
                    for p in (REPO / folder).rglob("*.y*ml"))
SHIPPED = sorted((REPO / "arguments").rglob("*.yaml")) + [REPO / "docs/examples/tram.yaml"]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_yaml_file_in_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    same_tree_or_gives_up(text)
    if path.name == "cases.yaml":  # the rule fixtures hold their maps as literal blocks
        for case in yaml.safe_load(text)["cases"].values():
            same_tree_or_gives_up(case["map"])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_shipped_maps_take_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert same_tree_or_gives_up(text)
    tree, slow = parse_tree(text, "m.yaml"), parse_tree_libyaml(text, "m.yaml")
    assert tree is not None and slow is not None and difference(tree, slow) is None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_maps_argmap_writes_take_the_fast_path(path: Path) -> None:
    """`argmap import` writes dump_map's text (long texts folded over lines); `init`, a skeleton."""
    assert same_tree_or_gives_up(dump_map(load_map(path)))
    assert same_tree_or_gives_up(skeleton(path.stem))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_windows_line_endings_give_the_same_tree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    taken = same_tree_or_gives_up(text.replace("\n", "\r\n"))
    assert taken == same_tree_or_gives_up(text)
    assert not same_tree_or_gives_up(text.replace("\n", "\r"))  # old Mac endings: libyaml's


def test_rule_fixture_maps_mostly_take_the_fast_path() -> None:
    maps = [case["map"] for path in YAML_FILES if path.name == "cases.yaml"
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"].values()]
    taken = sum(same_tree_or_gives_up(text) for text in maps)
    assert len(maps) > 50 and taken >= 0.9 * len(maps)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_generated_benchmark_maps_take_the_fast_path(seed: int) -> None:
    assert same_tree_or_gives_up(generate.to_yaml(generate.generate(300, seed), seed))


TAKEN = [
    "text: The city should build\n  the tram line,\n\n  \n  soon.\nnote: x\n",  # folded lines
    "- a\n  b\n- c\n",
    "a:\n  - k: a b  \n      c\n  - 'x  \n\n    y '' z  \n    w'  # note\nb: 1\n",
    "a: '\n  x'\n",
    "a: |\n  x\n\n   y\n  z\nb: >-\n  p\n  q\n\n  r\n",
    "a: {x: [1, 'b'], y: \"\\u00e9\"}\n'q': [c, d]\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_multi_line_scalars_and_flow_take_the_fast_path(text: str) -> None:
    assert same_tree_or_gives_up(text)


# ---- Hypothesis: YAML-ish text from the tricky pieces ------------------------------------------

# Pieces the fast path takes (PLAIN, KEYS, ESCAPES), and ODD ones that should make it give up or
# that libyaml refuses. Tidy text uses the first kind only and keeps its indentation consistent;
# tricky text mixes in the odd pieces and shifts lines by a column now and then.
PLAIN = ["a", "text", "x y", "common-ground", "a:b", "http://x.org/a#b", "¶3", "é ж 論",
         "true", "~", "null", "1.5", "it's", 'say "hi"', "a, b", "C:\\temp", "p. 12", "50%",
         "a -b", "a ?b", "a#b", "a  b", "a\u00a0", "a\U0001F600", "a [b]", "a {b}", "x]",
         "a -", "a |"]
ODD_PLAIN = ["[x]y", "a{b}", "#x", "-x", "- x", "?x", "!x", "&x", "*x", "%x", "@x", "`x",
             "|", ">", "a: b", "a:", ":", "-", "\u2028", "\ufeff", "\x85", "a\u3000", "\x7f",
             "\u00a0a", "a\tb", "a\rb", "---", "..."]
KEYS = ["argmap", "claims", "text", "kind", "supports", "a", "b", "a:b", "x.y", "_1", "1",
        "é", "a#b", "~", "'q'", '"d"', "'it''s'", '"e\\\\"', "'a: b'", '"\\u00e9"']
ODD_KEYS = ["a b", "-a", "?a", "[a]", "{b}", "a ", "&a", "!a", "a:", '"\\q"', "'a", "? a"]
ESCAPES = ["\\\\", '\\"', "\\n", "\\t", "\\x41", "\\u00e9", "\\U0001F600", "\\0",
           "\\e", "\\N", "\\_", "\\L", "\\P", "\\ ", "\\a", "\\b", "\\v", "\\f",
           "\\r", "\\x7F", "\\uFFFD"]
ODD_ESCAPES = ["\\ud800", "\\/", "\\'", "\\q", "\\x4", "\\U00110000", "\\"]


def pieces(tidy: list[str], odd: list[str], tricky: bool) -> st.SearchStrategy[str]:
    """A strategy over the tidy pieces, or mostly tidy ones with odd ones mixed in."""
    pool = st.sampled_from(tidy)
    return st.one_of(pool, pool, st.sampled_from(odd)) if tricky else pool


@st.composite
def quoted(draw: st.DrawFn, tricky: bool) -> str:
    """A single- or double-quoted scalar, with quotes and escapes inside."""
    body = "".join(draw(st.lists(st.one_of(
        pieces(PLAIN, ODD_PLAIN, tricky), st.sampled_from(["'", '"', " ", "  ", "#", ": "])),
        max_size=4)))
    if draw(st.booleans()):
        doubled = "''" if not tricky or draw(st.booleans()) else "'"
        return "'" + body.replace("'", doubled) + "'"
    escapes = draw(st.lists(pieces(ESCAPES, ODD_ESCAPES, tricky), max_size=3))
    body = body.replace("\\", "\\\\").replace('"', '\\"' if not tricky or draw(st.booleans())
                                              else '"')
    return '"' + body + "".join(escapes) + '"'


@st.composite
def flow(draw: st.DrawFn, tricky: bool, depth: int = 0) -> str:
    """A flow list or mapping on one line, of plain, quoted or nested items."""
    items = [pieces(PLAIN, ODD_PLAIN, tricky), quoted(tricky)]
    if depth < 2:
        items.append(flow(tricky, depth + 1))
    parts = [p for p in draw(st.lists(st.one_of(*items), max_size=3))
             if tricky or (p.strip(" ") and not set(p) & set(",:#[]{}"))]
    if draw(st.booleans()):
        keys = draw(st.lists(st.one_of(pieces(KEYS, ODD_KEYS, tricky), quoted(tricky)),
                             min_size=len(parts), max_size=len(parts), unique=not tricky))
        parts = [f"{k}:{draw(st.sampled_from([' ', '  ', '']))}{v}"
                 for k, v in zip(keys, parts, strict=True)]
        opening, closing = "{", "}"
    else:
        opening, closing = "[", "]"
    comma = draw(st.sampled_from([", ", ",", " , ", ",  "]))
    trailing = draw(st.sampled_from(["", "", ",", " "] if tricky else ["", " "]))
    return opening + draw(SPACES) + comma.join(parts) + trailing + closing


SPACES = st.sampled_from(["", "", "", " ", "  "])


@st.composite
def block_scalar(draw: st.DrawFn, parent: int, tricky: bool) -> list[str]:
    """A folded or literal block scalar: header, then lines of varied indentation and blanks."""
    headers = [">-", ">", "|", "|-", ">-  # note", "| #x"]
    header = draw(st.sampled_from(headers + ([">+", "|2", "|#x", ">-x"] if tricky else [])))
    base = parent + draw(st.integers(1, 3))
    lines = [header]
    for _ in range(draw(st.integers(1 if not tricky else 0, 5))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(" " * draw(st.integers(0, base + (2 if tricky else 0))))  # a blank
            continue
        extra = draw(st.sampled_from([0, 0, 0, 1, 2, -1] if tricky else [0, 0, 0, 1, 2]))
        words = draw(st.lists(st.one_of(pieces(PLAIN, ODD_PLAIN, tricky),
                                        st.sampled_from(["# c", "- x", "k: v", "'q", '"'])),
                              min_size=1, max_size=3))
        lines.append(" " * max(0, base + extra) + " ".join(words) + draw(SPACES))
    if not tricky and len(lines) > 1 and not lines[1].strip():
        lines.insert(1, " " * base + "first")  # the first line sets the indentation
    return lines


@st.composite
def continuation(draw: st.DrawFn, holder: int, tricky: bool) -> list[str]:
    """Lines continuing a multi-line plain scalar of a collection at ``holder``, with blanks."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        lines += [" " * draw(st.integers(0, holder + 3))] * draw(st.sampled_from([0, 0, 0, 1, 2]))
        shift = draw(st.integers(-1 if tricky else 1, 3))
        words = draw(st.lists(st.one_of(pieces(PLAIN, ODD_PLAIN, tricky), st.sampled_from(
            ["- x", "[a]", "'q", "k: v", "# c", "&a", "x #y"] if tricky else ["'q", "[a]"])),
            min_size=1, max_size=3))
        lines.append(" " * max(0, holder + shift) + " ".join(words) + draw(SPACES))
    return lines


@st.composite
def single_quoted_lines(draw: st.DrawFn, holder: int, tricky: bool) -> list[str]:
    """A single-quoted scalar over several lines, with blank lines and spaces around breaks."""
    def words() -> str:
        text = " ".join(draw(st.lists(st.one_of(pieces(PLAIN, ODD_PLAIN, tricky), st.sampled_from(
            ["'", "- x", "# c", "k: v", '"'])), max_size=3)))
        return text.replace("'", "''" if not tricky or draw(st.booleans()) else "'")

    lines = ["'" + words() + draw(SPACES)]
    for _ in range(draw(st.integers(0, 3))):
        lines += [" " * draw(st.integers(0, holder + 3))] * draw(st.sampled_from([0, 0, 1, 2]))
        pad = " " * max(0, holder + draw(st.integers(-1 if tricky else 1, 3)))
        lines.append(pad + words() + draw(SPACES))
    pad = " " * max(0, holder + draw(st.integers(-1 if tricky else 1, 3)))
    tail = draw(st.sampled_from(["", "", " # c", "  "] + (["x", "#c", " 'y'"] if tricky else [])))
    lines.append(pad + words() + draw(SPACES) + "'" + tail)
    return lines


@st.composite
def inline_value(draw: st.DrawFn, tricky: bool) -> str:
    """What may follow ``key: `` or ``- `` on the same line."""
    plain = pieces(PLAIN, ODD_PLAIN, tricky)
    value = draw(st.one_of(plain, plain, plain, quoted(tricky), flow(tricky)))
    comment = draw(st.sampled_from(["", "", "", " # c", "  #c"] + (["#c"] if tricky else [])))
    return value + draw(SPACES) + comment


@st.composite
def block(draw: st.DrawFn, indent: int, tricky: bool, depth: int = 0) -> list[str]:
    """Lines of a block mapping or list at ``indent``, with comments, blanks and odd indents."""
    lines: list[str] = []
    as_list = draw(st.integers(0, 3)) == 0
    keys = pieces(KEYS, ODD_KEYS, tricky)
    used: set[str] = set()
    for _ in range(draw(st.integers(1, 4))):
        shift = draw(st.sampled_from([0] * 8 + [1, -1])) if tricky else 0
        pad = " " * max(0, indent + shift)
        if draw(st.integers(0, 6)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", "# c", "  # c", "#"])))
        if as_list:
            lead = pad + "-" + draw(st.sampled_from([" ", " ", "  "]))
            entry = ""
            if draw(st.integers(0, 2)) == 0:  # an item that is a mapping starting on this line
                child_indent = len(lead)
                lead += draw(keys) + ":"
                inner_list = False
            else:
                child_indent, inner_list = indent, True
        else:
            key = draw(st.one_of(keys, quoted(tricky)))
            if not tricky and key in used:
                continue
            used.add(key)
            lead, entry, child_indent, inner_list = pad, key + ":", indent, False
        shape = draw(st.integers(0, 5))
        if shape <= 1:
            lines.append(lead + entry + ("" if inner_list else " ") + draw(inline_value(tricky)))
        elif shape == 2 and draw(st.booleans()):  # a plain scalar over several lines
            value = draw(pieces(PLAIN, ODD_PLAIN, tricky)) if not tricky else draw(
                inline_value(tricky))
            lines.append(lead + entry + ("" if inner_list else " ") + value)
            lines += draw(continuation(child_indent, tricky))
        elif shape == 2:  # a single-quoted scalar over several lines
            quoted_lines = draw(single_quoted_lines(child_indent, tricky))
            lines.append(lead + entry + ("" if inner_list else " ") + quoted_lines[0])
            lines += quoted_lines[1:]
        elif shape == 3:
            lines.append(lead + entry + draw(SPACES))  # an empty value
        elif shape == 4 and depth < 3:
            lines.append(lead + entry + draw(st.sampled_from(["", " # c"])))
            nested = draw(st.sampled_from([1, 2, 4] + ([0] if not inner_list else [])))
            lines += draw(block(child_indent + nested, tricky, depth + 1))
        else:
            scalar = draw(block_scalar(indent if inner_list else child_indent, tricky))
            lines.append(lead + entry + ("" if inner_list else " ") + scalar[0])
            lines += scalar[1:]
    return lines


@st.composite
def yamlish(draw: st.DrawFn, tricky: bool) -> str:
    """A document from the pieces, ending with a line break or not."""
    lines = draw(block(draw(st.sampled_from([0, 0, 0, 2])), tricky))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "", "\n\n", "\n  "]))


def _run(strategy: st.SearchStrategy[str], examples: int) -> float:
    """Check ``examples`` drawn texts; the share the fast path answered."""
    taken: list[bool] = []

    @fuzz(examples)
    @given(strategy)
    def check(text: str) -> None:
        taken.append(same_tree_or_gives_up(text))

    check()
    return sum(taken) / len(taken)


def test_tidy_yamlish_text_gives_the_same_tree_and_mostly_the_fast_path() -> None:
    assert _run(yamlish(tricky=False), EXAMPLES) >= 0.5


def test_tidy_yamlish_text_with_windows_line_endings_gives_the_same_tree() -> None:
    assert _run(yamlish(tricky=False).map(lambda text: text.replace("\n", "\r\n")),
                EXAMPLES // 2) >= 0.5


def test_tricky_yamlish_text_gives_the_same_tree_or_gives_up() -> None:
    assert _run(yamlish(tricky=True), EXAMPLES) > 0.02


@fuzz()
@given(st.lists(st.sampled_from(list("ab :-#'\"[]{},|>\\\t&*!?%@~é") + ["  ", "\n", "\n  "]),
                max_size=40).map("".join))
def test_any_text_gives_the_same_tree_or_gives_up(text: str) -> None:
    same_tree_or_gives_up(text)  # compose_strict raises nothing but NotInSubset


# ---- Hypothesis: maps written by dump_map (what `argmap import` writes) -----------------------

WORDS = ["tram", "city", "budget", "grant", "5%", "e.g.", "it's", '"quoted"', "a: b", "#1",
         "- x", "¶3", "東京", "naïve", "x,y", "[a]", "{b}", "C:\\dir", "null", "yes", "1.5",
         "@home", "50 %", "a#b", "&", "*", "!", "|", ">", "?", "'", "~"]
ids = st.text(st.sampled_from("abcxyz019_-."), min_size=1, max_size=6).filter(
    lambda s: s[0] not in "-.")
texts = st.one_of(
    st.lists(st.sampled_from(WORDS[:4] + WORDS[11:16]), min_size=1, max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
).filter(lambda s: s.strip() != "")


@st.composite
def map_data(draw: st.DrawFn) -> dict[str, object]:
    """Format-1 map data: claims with texts, notes, tags and relations, and some sources."""
    names = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    sources = {f"s{i}": {"title": draw(texts), "date": "2024-01"}
               for i in range(draw(st.integers(0, 2)))}
    claims: dict[str, dict[str, object]] = {}
    for name in names:
        claim: dict[str, object] = {"text": draw(texts)}
        if draw(st.booleans()):
            claim["kind"] = draw(st.sampled_from(["thesis", "evidence", "objection"]))
        if draw(st.booleans()):
            claim["note"] = draw(texts)
        if draw(st.booleans()):
            claim["tags"] = draw(st.lists(texts, max_size=2))
        for relation in ("supports", "rebuts"):
            targets = draw(st.lists(st.sampled_from(names), unique=True, max_size=2))
            if targets:
                claim[relation] = targets
        if sources and draw(st.booleans()):
            claim["cites"] = [draw(st.sampled_from(sorted(sources)))]
        claims[name] = claim
    data: dict[str, object] = {"argmap": 1, "title": draw(texts), "claims": claims}
    if sources:
        data["sources"] = sources
    return data


def test_hostile_generated_maps_give_the_same_tree_and_take_the_fast_path() -> None:
    """tests/hostile's maps: double-quoted ids and texts full of escapes, quoted flow lists."""
    assert _run(generated_maps().map(lambda generated: generated.text), EXAMPLES // 2) >= 0.9


def test_dump_map_output_gives_the_same_tree_and_often_the_fast_path() -> None:
    written: list[str] = []

    @fuzz()
    @given(map_data())
    def collect(data: dict[str, object]) -> None:
        try:
            amap = load_text(yaml.safe_dump(data, allow_unicode=True), "drawn.yaml")
        except MapLoadError:
            return  # a text the loader refuses (a tab, say): nothing to dump
        written.append(dump_map(amap))

    collect()
    taken = [same_tree_or_gives_up(text) for text in written]
    assert len(written) > EXAMPLES // 2 and sum(taken) >= 0.3 * len(taken)


# ---- errors: the fast path gives up, and the message and position are libyaml's as before ------

ERRORS = {
    "argmap: 1\nclaims:\n  a:\n    text: x\n  a:\n    text: y\n":
        (5, 3, "duplicate key 'a' (first defined at line 3)"),
    "argmap: 1\nclaims:\n\ta: x\n":
        (3, 1, "YAML syntax error: a tab where YAML expects indentation or a value; indent with "
               "spaces"),
    "argmap: 1\nx: &a 1\ny: *a\n":
        (2, 4, "YAML anchors and aliases are not allowed in a map (write the value out)"),
    "a: 1\n---\nb: 2\n": (2, 1, "a map file holds one YAML document; found a second"),
    "claims:\n  a: {x: 1, x: 2}\n": (2, 13, "duplicate key 'x' (first defined at line 2)"),
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
}


@pytest.mark.parametrize("text", list(ERRORS))
def test_errors_keep_their_message_and_position(text: str) -> None:
    assert compose_fast(text) is None
    with pytest.raises(MapLoadError) as raised:
        parse_tree(text, "m.yaml")
    line, col, message = ERRORS[text]
    assert raised.value.position == Position("m.yaml", line, col)
    assert str(raised.value) == f"m.yaml:{line}:{col}: {message}"
