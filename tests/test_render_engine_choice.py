"""Large maps go straight to sfdp when no engine is named, and say so."""

from __future__ import annotations

import graphviz
import pytest

from argmap.render import graphviz as graphviz_run


@pytest.mark.parametrize(("claims", "fallback", "engine", "expected", "announced"), [
    (graphviz_run.DOT_CLAIM_LIMIT, True, "dot", "dot", False),
    (graphviz_run.DOT_CLAIM_LIMIT + 1, True, "dot", "sfdp", True),
    (50_000, False, "dot", "dot", False),  # --engine dot was asked for: no switch
    (50_000, True, "neato", "neato", False),
])
def test_engine_for_map_size(monkeypatch: pytest.MonkeyPatch, claims: int, fallback: bool,
                             engine: str, expected: str, announced: bool) -> None:
    used: list[str] = []

    def fake_run(source: str, fmt: str, chosen: str, timeout: float) -> bytes:
        used.append(chosen)
        return b"<svg/>"

    monkeypatch.setattr(graphviz_run, "run_graphviz", fake_run)
    said: list[str] = []
    data = graphviz_run.render_graph(graphviz.Digraph(), "svg", engine=engine, timeout=5,
                                     fallback=fallback, claims=claims, warn=said.append)
    assert data == b"<svg/>"
    assert used == [expected]
    assert bool(said) == announced
    if announced:
        assert said[0].startswith(f"argmap: {claims} claims is more than dot lays out")


def test_dot_format_never_runs_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphviz_run, "run_graphviz", pytest.fail)
    graph = graphviz.Digraph()
    graph.node("a")
    out = graphviz_run.render_graph(graph, "dot", engine="dot", timeout=5, fallback=True,
                                    claims=10_000, warn=pytest.fail)
    assert b"a" in out
