"""Acceptance semantics: what stands, falls or stays open, why, and how fast."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.cli.evaluate import print_evaluation
from argmap.errors import Position, UsageError
from argmap.evaluate import Label, evaluate
from argmap.load.loader import load_text
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, Source
from argmap.semantics.extensions import extension_labellings
from argmap.semantics.framework import compile_map
from argmap.semantics.grounded import IN as IN_CODE
from argmap.semantics.grounded import OUT as OUT_CODE
from argmap.semantics.grounded import UNDECIDED as UNDECIDED_CODE
from argmap.semantics.grounded import grounded_labelling

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDECIDED
runner = CliRunner()

TRAM = """\
argmap: 1
claims:
  tram:
    kind: thesis
    text: The city should build the tram line.
  count:
    kind: evidence
    text: Peak traffic was 5% above capacity in 2023.
    supports: [congestion]
  congestion:
    text: Traffic is at capacity at peak hours.
  relieves:
    text: A tram moves commuters out of cars.
  funds:
    kind: assumption
    text: The regional grant covers the cost.
  overrun:
    kind: objection
    text: Tram projects overrun their budgets.
    cites: [audit]
    rebuts: [funds]
  fixed:
    kind: evidence
    text: The grant letter fixes the city's share.
    rebuts: [overrun]
  parking:
    kind: objection
    text: Free parking keeps drivers in their cars.
    undercuts: [relief]
arguments:
  relief:
    conclusion: tram
    premises: [congestion, relieves]
    warrant: funds
sources:
  audit:
    title: Audit of tram projects
"""


def labels(text: str, semantics: str = "grounded", presume: bool = False) -> dict[str, Label]:
    return dict(evaluate(load_text(text, "m.yaml"), semantics, presume).labels)


def test_audit_reading_unsupported_premise_falls_and_takes_the_thesis() -> None:
    got = labels(TRAM)
    assert (got["count"], got["congestion"], got["relieves"]) == (IN, IN, OUT)
    assert (got["overrun"], got["fixed"], got["funds"]) == (OUT, IN, IN)  # reinstated
    assert (got["parking"], got["relief"], got["tram"]) == (OUT, OUT, OUT)
    assert got["count->congestion"] is IN


def test_presume_lets_unsupported_claims_stand_unless_attacked() -> None:
    got = labels(TRAM, presume=True)
    assert got["relieves"] is IN
    # the objection to the inference now stands too, so the argument is undercut
    assert (got["parking"], got["relief"], got["tram"]) == (IN, OUT, OUT)
    # parking rebutting fixed instead: the overrun objection is reinstated and takes funds
    without_undercut = TRAM.replace("    undercuts: [relief]\n", "    rebuts: [fixed]\n")
    got = labels(without_undercut, presume=True)
    assert (got["fixed"], got["overrun"], got["funds"]) == (OUT, IN, OUT)
    assert (got["relief"], got["tram"]) == (OUT, OUT)
    # and if fixed answers parking in turn, neither side wins: all undecided
    mutual = without_undercut.replace("    rebuts: [overrun]\n", "    rebuts: [overrun, parking]\n")
    got = labels(mutual, presume=True)
    assert (got["fixed"], got["parking"], got["overrun"], got["funds"]) == (UNDEC,) * 4


def test_a_cycle_of_support_is_undecided_under_grounded_and_out_in_extensions() -> None:
    text = (
        "argmap: 1\nclaims:\n  a:\n    text: A.\n    supports: [b]\n"
        "  b:\n    text: B.\n    supports: [a]\n"
    )
    assert set(labels(text).values()) == {UNDEC}
    for semantics in ("preferred", "stable"):
        assert set(labels(text, semantics).values()) == {OUT}


def test_preferred_and_stable_extensions_of_a_mutual_rebuttal() -> None:
    text = (
        "argmap: 1\nclaims:\n  a:\n    kind: evidence\n    text: A.\n    rebuts: [b]\n"
        "  b:\n    kind: evidence\n    text: B.\n    rebuts: [a]\n"
        "  c:\n    kind: thesis\n    text: C.\n  a->c-premise:\n    text: only via a.\n"
    )
    amap = load_text(text.replace("  a->c-premise:\n    text: only via a.\n", ""), "m.yaml")
    grounded = evaluate(amap)
    assert (grounded.labels["a"], grounded.labels["b"], grounded.extensions) == (UNDEC, UNDEC, ())
    for semantics in ("preferred", "stable"):
        ev = evaluate(amap, semantics)
        assert sorted(map(sorted, ev.extensions)) == [["a"], ["b"]]
        assert (ev.labels["a"], ev.labels["b"], ev.labels["c"]) == (UNDEC, UNDEC, OUT)


def test_an_odd_cycle_has_no_stable_extension() -> None:
    claims = [Claim(n, n, ClaimKind.ASSUMPTION, Position("m", 1, 1)) for n in "abc"]
    attacks = [Attack(x, y, AttackKind.REBUT, Position("m", 1, 1)) for x, y in
               (("a", "b"), ("b", "c"), ("c", "a"))]
    amap = ArgumentMap(claims, (), attacks)
    assert evaluate(amap, "stable").extensions == ()
    assert set(evaluate(amap, "stable").labels.values()) == {UNDEC}
    assert evaluate(amap, "preferred").extensions == (frozenset(),)


def test_why_follows_the_chain_to_its_grounds() -> None:
    ev = evaluate(load_text(TRAM, "m.yaml"))
    steps = ev.why("tram")
    assert [str(s) for s in steps[:3]] == [
        "tram is out: every argument for it is out: relief",
        "relief is out: its premise relieves is out",
        "relieves is out: no argument supports it, and it is not evidence, an assumption, a goal, "
        "common ground or cited",
    ]
    funds = {s.node: s for s in ev.why("funds")}
    assert funds["funds"].reason == "it is an assumption; every rebutter is out: overrun"
    assert funds["overrun"].reason == "rebutted by fixed, which is in"
    assert funds["fixed"].because == ()
    with pytest.raises(UsageError):
        ev.why("nowhere")


def test_reason_is_the_first_step_of_why() -> None:
    """reason() gives why()'s first reason without walking back (conclusion-not-established asks
    it once per thesis), for every claim and argument of the tram map, presumed or not."""
    amap = load_text(TRAM, "m.yaml")
    for presume in (False, True):
        ev = evaluate(amap, presume=presume)
        assert {node: ev.reason(node) for node in ev.labels} == {
            node: ev.why(node)[0].reason for node in ev.labels}
    with pytest.raises(UsageError):
        ev.reason("nowhere")


def test_unknown_semantics_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown semantics 'ideal'"):
        evaluate(load_text(TRAM, "m.yaml"), "ideal")


def test_grounded_is_linear_on_100000_claims() -> None:
    pos = Position("big.yaml", 1, 1)
    size = 100_000
    claims = [Claim("e", "E.", ClaimKind.EVIDENCE, pos)]
    claims += [Claim(f"c{i}", f"C{i}.", ClaimKind.PREMISE, pos) for i in range(size)]
    args = [Argument(f"c{i}->c{i + 1}", f"c{i + 1}", (f"c{i}",), pos, linked=False)
            for i in range(size - 1)]
    args.append(Argument("e->c0", "c0", ("e",), pos, linked=False))
    # every tenth claim is rebutted by an objection that an evidence claim defeats
    objections = [Claim(f"o{i}", "O.", ClaimKind.OBJECTION, pos, cites=("s",))
                  for i in range(0, size, 10)]
    attacks = [Attack(f"o{i}", f"c{i}", AttackKind.REBUT, pos) for i in range(0, size, 10)]
    attacks += [Attack("e", f"o{i}", AttackKind.REBUT, pos) for i in range(0, size, 10)]
    amap = ArgumentMap(claims + objections, args, attacks, [Source("s", "S", pos)])
    started = time.perf_counter()
    ev = evaluate(amap)
    assert time.perf_counter() - started < 5
    assert ev.labels[f"c{size - 1}"] is IN and ev.labels["o0"] is OUT
    assert len(ev.why(f"c{size - 1}")) > size  # the chain reaches back to the evidence


def test_cli_json(tmp_path: Path) -> None:
    path = tmp_path / "tram.yaml"
    path.write_text(TRAM, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (document["version"], document["semantics"]) == (1, "grounded")
    assert document["labels"]["tram"] == "out" and document["labels"]["fixed"] == "in"
    assert "extensions" not in document
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "stable", "--presume",
                                 "--format", "json"])
    document = json.loads(result.stdout)
    assert document["extensions"] == [sorted(k for k, v in document["labels"].items()
                                             if v == "in" and "->" not in k and k != "relief")]


def test_cli_text_and_why(tmp_path: Path) -> None:
    path = tmp_path / "tram.yaml"
    path.write_text(TRAM, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 0
    assert "tram\tout\tthesis\n" in result.stdout
    assert result.stdout.endswith("grounded: 5 in, 5 out, 0 undecided\n")
    result = runner.invoke(app, ["evaluate", str(path), "--why", "overrun"])
    assert result.stdout == "overrun is out: rebutted by fixed, which is in\n" \
        "fixed is in: it is evidence\n"
    result = runner.invoke(app, ["evaluate", str(path), "--why", "nowhere"])
    assert result.exit_code == 2
    assert "no claim or argument 'nowhere'" in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nclaims:\n  a:\n    txt: A.\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2 and f"{bad}:4:5:" in result.stderr


def test_terminal_table_keeps_markup_literal() -> None:
    hostile = TRAM.replace("The city should build the tram line.",
                           "'[bold red]Build[/bold red] [link=javascript:x]it[/link]'")
    amap = load_text(hostile, "m.yaml")
    console = Console(record=True, width=200, color_system=None)
    print_evaluation(amap, evaluate(amap), console)
    text = console.export_text()
    assert "[bold red]Build[/bold red] [link=javascript:x]it[/link]" in text


def _random_map(rng: random.Random) -> ArgumentMap:
    """A small map with every kind of relation: rebuttals (self-rebuttals too), linked
    arguments, undercuts; grounded and ungrounded claims."""
    pos = Position("m.yaml", 1, 1)
    n = rng.randint(5, 22)
    kinds = (ClaimKind.EVIDENCE, ClaimKind.PREMISE, ClaimKind.ASSUMPTION)
    claims = [Claim(f"c{i}", "C.", rng.choice(kinds), pos) for i in range(n)]
    arguments = []
    for j in range(rng.randint(0, 14)):
        conclusion = rng.randrange(n)
        premises = {f"c{rng.randrange(n)}" for _ in range(rng.randint(1, 3))} - {f"c{conclusion}"}
        if premises:
            arguments.append(Argument(f"a{j}", f"c{conclusion}", tuple(sorted(premises)), pos,
                                      linked=True))
    attacks = set()
    for _ in range(rng.randint(5, 40)):
        if arguments and rng.random() < 0.25:
            attacks.add((f"c{rng.randrange(n)}", rng.choice(arguments).id, AttackKind.UNDERCUT))
        else:
            attacks.add((f"c{rng.randrange(n)}", f"c{rng.randrange(n)}", AttackKind.REBUT))
    return ArgumentMap(claims, arguments, [Attack(x, y, k, pos) for x, y, k in sorted(attacks)])


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_labels_found_without_listing_agree_with_every_extension(semantics: str) -> None:
    """Labels come from the solver's brave and cautious reasoning and, for preferred, a
    search for a labelling that differs; on 300 random maps they are what listing every
    extension gives: in (out) when in (out) in all, and in in some for credulous."""
    rng = random.Random(1)
    for _ in range(300):
        amap = _random_map(rng)
        presume = rng.random() < 0.5
        fw = compile_map(amap, presume=presume)
        grounded_codes, _ = grounded_labelling(fw)
        every = extension_labellings(fw, grounded_codes, semantics)
        ev = evaluate(amap, semantics, presume, max_extensions=3)
        names = {UNDECIDED_CODE: UNDEC, IN_CODE: IN, OUT_CODE: OUT}
        expected = {
            node: names[every[0][i]] if every and all(lab[i] == every[0][i] for lab in every)
            else UNDEC
            for i, node in enumerate(fw.rows.ids)
        }
        assert dict(ev.labels) == expected
        assert ev.credulous == {node for i, node in enumerate(fw.rows.ids)
                                if any(lab[i] == IN_CODE for lab in every)}
        assert (len(ev.extensions), ev.more_extensions) == (min(3, len(every)), len(every) > 3)


def test_a_time_limit_that_is_none_or_an_extension_cap_below_zero_is_a_usage_error() -> None:
    amap = load_text(TRAM, "m.yaml")
    for seconds in (float("nan"), float("inf"), 0.0, -1.0, 1e7):
        with pytest.raises(UsageError, match="--timeout must be a number of seconds above 0"):
            evaluate(amap, "preferred", timeout=seconds)
    with pytest.raises(UsageError, match="--max-extensions must be 0 or more, not -1"):
        evaluate(amap, "stable", max_extensions=-1)


def test_the_command_line_defaults_are_the_library_ones() -> None:
    """`argmap evaluate` spells its defaults out (the CLI imports the library lazily)."""
    import inspect

    from argmap.cli.evaluate import evaluate as evaluate_command
    from argmap.evaluate import DEFAULT_MAX_EXTENSIONS, DEFAULT_TIMEOUT

    parameters = inspect.signature(evaluate_command).parameters
    assert parameters["timeout"].default == DEFAULT_TIMEOUT
    assert parameters["max_extensions"].default == DEFAULT_MAX_EXTENSIONS
