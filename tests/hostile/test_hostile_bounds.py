"""Maps shaped to make argmap work without end: each answers within its bounds, or says in one
line what it did not finish.

Times are CPU seconds of this process (the solver's threads included), not wall-clock ones,
so that a busy test machine does not fail them; the bounds are several times what is needed.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hostile_support import cli, process

from argmap.errors import Position
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind

PAIRS = 20


def pairs_map() -> str:
    """20 pairs of evidence claims that rebut each other (2^20 preferred and stable
    extensions), and a floating reinstatement: ``c`` falls to whichever of ``p``/``q`` stands,
    so ``d``, which only ``c`` rebuts, stands in every extension although grounded semantics
    decides nothing."""
    lines = ["argmap: 1", "claims:"]
    for i in range(PAIRS):
        for name, other in ((f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")):
            lines += [f"  {name}:", "    kind: evidence", f"    text: {name}.",
                      f"    rebuts: [{other}]"]
    for name, rebuts in (("p", "q, c"), ("q", "p, c"), ("c", "d"), ("d", "")):
        lines += [f"  {name}:", "    kind: evidence", f"    text: {name}."]
        lines += [f"    rebuts: [{rebuts}]"] if rebuts else []
    return "\n".join(lines) + "\n"


def pigeonhole_map(holes: int) -> str:
    """Stable extensions are exactly the ways to seat holes + 1 pigeons in ``holes`` holes,
    one to a hole: none, and a solver needs exponential time to be sure of it.

    Each variable is a pair of mutually rebutting claims; each clause a claim that rebuts
    itself (so it is out in a stable labelling only if a claim of the clause is in).
    """
    pigeons = range(holes + 1)
    clauses = [[f"p{i}-{h}" for h in range(holes)] for i in pigeons]
    clauses += [[f"not-p{i}-{h}", f"not-p{j}-{h}"]
                for h in range(holes) for i in pigeons for j in pigeons if i < j]
    rebuts: dict[str, list[str]] = {}
    for k, clause in enumerate(clauses):
        for literal in clause:
            rebuts.setdefault(literal, []).append(f"clause{k}")
    lines = ["argmap: 1", "claims:"]
    for i in pigeons:
        for h in range(holes):
            for name, other in ((f"p{i}-{h}", f"not-p{i}-{h}"), (f"not-p{i}-{h}", f"p{i}-{h}")):
                lines += [f"  {name}:", "    kind: evidence", f"    text: {name}.",
                          f"    rebuts: [{', '.join([other, *rebuts.get(name, [])])}]"]
    for k in range(len(clauses)):
        lines += [f"  clause{k}:", "    kind: evidence", f"    text: Clause {k}.",
                  f"    rebuts: [clause{k}]"]
    return "\n".join(lines) + "\n"


def dense_support_map(claims: int) -> str:
    """Every claim supports every other: claims * (claims - 1) supports."""
    ids = [f"c{i}" for i in range(claims)]
    lines = ["argmap: 1", "claims:"]
    for i, claim in enumerate(ids):
        others = ", ".join(other for other in ids if other != claim)
        lines += [f"  {claim}:", f"    text: Claim {i}.", f"    supports: [{others}]"]
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, text: str, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_two_to_the_twenty_extensions_are_labelled_without_listing_them(
        tmp_path: Path, semantics: str) -> None:
    path = write(tmp_path, pairs_map())
    started = time.process_time()
    outcome = cli("evaluate", str(path), "--semantics", semantics, "--format", "json")
    assert time.process_time() - started < 5
    assert (outcome.code, outcome.err) == (0, "")
    document = json.loads(outcome.out)
    # Every extension takes one claim of each pair, and p or q: so each of those is in in
    # some extension and out in another (undecided, credulously in); c is out and d in in all.
    undecided = [f"{x}{i}" for i in range(PAIRS) for x in "ab"] + ["p", "q"]
    assert document["labels"] == {**dict.fromkeys(undecided, "undecided"), "c": "out", "d": "in"}
    assert document["credulous"] == [*undecided, "d"]
    assert document["more_extensions"] is True
    extensions = document["extensions"]
    assert len(extensions) == 100 and len({tuple(e) for e in extensions}) == 100
    for extension in extensions:
        chosen = set(extension)
        assert all(len(chosen & {f"a{i}", f"b{i}"}) == 1 for i in range(PAIRS))
        assert len(chosen & {"p", "q"}) == 1 and "d" in chosen and "c" not in chosen
    text = cli("evaluate", str(path), "--semantics", semantics, "--max-extensions", "2")
    assert text.code == 0
    assert text.out.endswith(
        f"extension 2: {' '.join(sorted(extensions[1]))}\n"
        f"{semantics}: 1 in, 1 out, 42 undecided; more than 2 {semantics} extensions, the "
        "first 2 listed; 43 in some extension\n")


def test_render_status_preferred_on_two_to_the_twenty_extensions(tmp_path: Path) -> None:
    path = write(tmp_path, pairs_map())
    started = time.process_time()
    outcome = cli("render", str(path), "--status", "preferred", "--format", "dot", "-o", "-",
                  "--no-findings")
    assert time.process_time() - started < 5
    assert (outcome.code, outcome.err) == (0, "")
    status = dict(re.findall(r'id="claim-([^"]+)".*?status: (\w+)', outcome.out))
    assert len(status) == 2 * PAIRS + 4
    assert (status.pop("c"), status.pop("d")) == ("out", "in")
    assert set(status.values()) == {"undecided"}


def test_a_search_that_cannot_finish_stops_at_the_time_limit(tmp_path: Path) -> None:
    path = write(tmp_path, pigeonhole_map(12))
    started = time.perf_counter()
    outcome = cli("evaluate", str(path), "--semantics", "stable", "--timeout", "1")
    assert time.perf_counter() - started < 30  # loading and grounding come on top of 1 s
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: the stable labels were not settled within 1 s; allow more "
        "time with --timeout\n")


def test_render_status_stops_at_the_time_limit_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, pigeonhole_map(12))
    output = tmp_path / "map.svg"
    outcome = cli("render", str(path), "--status", "stable", "--timeout", "1", "-o", str(output))
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: the stable labels were not settled within 1 s; allow more "
        "time with --timeout\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml"]


def test_listing_a_million_extensions_stops_at_the_time_limit(tmp_path: Path) -> None:
    path = write(tmp_path, pairs_map())
    outcome = cli("evaluate", str(path), "--semantics", "preferred", "--timeout", "1",
                  "--max-extensions", "1000000")
    assert (outcome.code, outcome.out) == (2, "")
    assert re.fullmatch(
        r"argmap: error: the preferred extensions were not listed within 1 s \(\d+ found\); "
        r"list fewer with --max-extensions, or allow more time with --timeout\n", outcome.err)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "1e300", "1000001"])
@pytest.mark.parametrize("command", ["evaluate", "render", "report"])
def test_a_timeout_that_is_no_time_limit_is_a_usage_error(
        tmp_path: Path, command: str, value: str) -> None:
    path = write(tmp_path, pairs_map())
    output = ["-o", str(tmp_path / "out.html")] if command != "evaluate" else []
    outcome = cli(command, str(path), *output, f"--timeout={value}")
    shown = {"1e300": "1e+300"}.get(value, value)
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: --timeout must be a number of seconds above 0 and at most "
        f"1,000,000, not {shown}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.yaml"]


def test_a_zero_timeout_on_the_quick_render_path_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, pairs_map())
    outcome = process("render", str(path), "-o", str(tmp_path / "map.svg"), "--timeout", "0")
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: --timeout must be a number of seconds above 0 and at most "
        "1,000,000, not 0\n")


def test_a_negative_extension_cap_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, pairs_map())
    outcome = cli("evaluate", str(path), "--semantics", "stable", "--max-extensions", "-1")
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: --max-extensions must be 0 or more, not -1\n")


def test_a_search_too_large_for_the_solver_is_refused_before_it_starts(tmp_path: Path) -> None:
    claims = 330
    path = write(tmp_path, dense_support_map(claims))
    size = claims + 3 * claims * (claims - 1)  # claims, supports, premise and conclusion edges
    started = time.process_time()
    outcome = cli("evaluate", str(path), "--semantics", "preferred")
    assert time.process_time() - started < 10
    assert (outcome.code, outcome.out, outcome.err) == (
        2, "", "argmap: error: the preferred search is limited to 300,000 claims, arguments "
        f"and relations left undecided by grounded semantics, and this map has {size:,}; "
        "grounded semantics has no such limit\n")


def test_three_hundred_mutually_supporting_claims_are_one_cycle(tmp_path: Path) -> None:
    """90,000 supports: checked in time linear in them, and the circle reported once."""
    path = write(tmp_path, dense_support_map(300))
    started = time.process_time()
    outcome = cli("check", str(path))
    assert time.process_time() - started < 10
    named = ", ".join(f"c{i}" for i in range(10))
    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out.splitlines()[0] == (
        f"{path}:3:3: circular-support error support cycle: c0 -> c1 -> c0 (component of "
        f"300 claims: {named}, ... (290 more))")
    assert [line.split()[1] for line in outcome.out.splitlines()] == [
        "circular-support", "orphan-claim"]


def test_sides_of_a_map_with_many_premises_and_undercutters_are_linear() -> None:
    """Forty arguments with 6,000 premises each, each undercut by the same 6,000 claims:
    480,000 relations; telling premises from undercutters must not cost premises times
    undercutters per argument (1.4 billion steps)."""
    pos = Position("m.yaml", 1, 1)
    size, count = 6000, 40
    claims = [Claim("t", "T.", ClaimKind.THESIS, pos)]
    claims += [Claim(f"p{i}", "P.", ClaimKind.EVIDENCE, pos) for i in range(size)]
    claims += [Claim(f"u{i}", "U.", ClaimKind.EVIDENCE, pos) for i in range(size)]
    premises = tuple(f"p{i}" for i in range(size))
    arguments = [Argument(f"a{j}", "t", premises, pos, linked=True) for j in range(count)]
    attacks = [Attack(f"u{i}", f"a{j}", AttackKind.UNDERCUT, pos)
               for i in range(size) for j in range(count)]
    amap = ArgumentMap(claims, arguments, attacks)
    started = time.process_time()
    sides = amap.sides
    assert time.process_time() - started < 2
    assert (sides["p0"], sides["a0"], sides["u0"]) == ({"pro"}, {"pro"}, {"con"})
