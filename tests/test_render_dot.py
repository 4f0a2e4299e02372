"""`build_graph`: the DOT a map becomes (nodes, edges, attributes), read back through dot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from render_support import TRAM, layout

from argmap.engine import check_map
from argmap.errors import UsageError
from argmap.load.loader import load_map, load_text
from argmap.model import ClaimKind
from argmap.render.graph import RenderOptions, build_graph

CLAIMS = ("tram", "congestion", "count-2023", "trams-relieve", "funds", "cost-overrun",
          "stay-in-cars", "build-now")


def tram_layout(**options: object):  # type: ignore[no-untyped-def]
    amap = load_text(TRAM, "tram.yaml")
    findings = check_map(amap).findings
    return layout(build_graph(amap, findings, options=RenderOptions(**options)).source)


def claim_nodes(graph) -> set[str]:  # type: ignore[no-untyped-def]
    return {n for n, a in graph.nodes.items() if a.get("id", "").startswith("claim-")}


def test_every_claim_is_a_node_with_a_stable_svg_id() -> None:
    graph = tram_layout()
    assert claim_nodes(graph) == set(CLAIMS)
    for claim in CLAIMS:
        assert graph.nodes[claim]["id"] == f"claim-{claim}"


def test_each_kind_has_its_own_shape_and_colour() -> None:
    graph = tram_layout()
    kinds = {"tram": ClaimKind.THESIS, "congestion": ClaimKind.PREMISE,
             "count-2023": ClaimKind.EVIDENCE, "funds": ClaimKind.ASSUMPTION,
             "stay-in-cars": ClaimKind.OBJECTION, "build-now": ClaimKind.RECOMMENDATION}
    looks = {
        kind: tuple(graph.nodes[claim].get(a) for a in ("shape", "style", "peripheries"))
        for claim, kind in kinds.items()
    }
    fills = {kind: graph.nodes[claim]["fillcolor"] for claim, kind in kinds.items()}
    assert len(set(looks.values())) == 6, looks  # told apart without colour
    assert len(set(fills.values())) == 6, fills
    assert graph.nodes["source count2023"]["shape"] == "note"


def test_linked_premises_meet_at_an_inference_node() -> None:
    graph = tram_layout()
    node = "argument relief"
    assert graph.nodes[node]["id"] == "argument-relief"
    assert graph.nodes[node]["shape"] == "circle"
    assert graph.edge("congestion", node)["arrowhead"] == "none"
    assert graph.edge("trams-relieve", node)["arrowhead"] == "none"
    assert graph.edge("funds", node)["arrowhead"] == "empty"  # the warrant
    assert graph.edge(node, "tram")["arrowhead"] == "normal"
    assert not [e for e in graph.edges if e[:2] == ("trams-relieve", "tram")]


def test_convergent_support_is_a_direct_edge() -> None:
    graph = tram_layout()
    assert graph.edge("count-2023", "congestion")["style"] == "solid"
    assert graph.edge("congestion", "tram")["arrowhead"] == "normal"


def test_support_rebut_and_undercut_differ_in_line_and_arrowhead() -> None:
    graph = tram_layout()
    support = graph.edge("congestion", "tram")
    rebut = graph.edge("cost-overrun", "funds")
    undercut = graph.edge("stay-in-cars", "argument relief")  # at the inference, not a claim
    looks = {(e["style"], e["arrowhead"]) for e in (support, rebut, undercut)}
    assert looks == {("solid", "normal"), ("dashed", "tee"), ("dotted", "diamond")}
    assert len({e["color"] for e in (support, rebut, undercut)}) == 3


def test_a_cited_source_is_a_note_linked_to_its_claim() -> None:
    graph = tram_layout()
    source = graph.nodes["source count2023"]
    assert source["id"] == "source-count2023"
    assert source["URL"] == "https://example.org/count-2023.pdf"
    assert graph.edge("source count2023", "count-2023")
    assert "source count2023" not in tram_layout(show_sources=False).nodes


def test_findings_mark_their_claim_with_border_badge_and_tooltip() -> None:
    graph = tram_layout()
    flagged = graph.nodes["trams-relieve"]  # finding 1 of the check, a warning
    assert flagged["class"] == "severity-warning"
    assert flagged["penwidth"] == "3"
    assert "\u26a0 1<" in flagged["label"]
    assert "1. warning unsupported-claim" in flagged["tooltip"]
    assert "penwidth" not in graph.nodes["tram"]
    assert "class" not in graph.nodes["tram"]
    assert "\u26a0" not in graph.nodes["build-now"]["label"]  # its finding is waived
    quiet = tram_layout(show_findings=False)
    assert all("\u26a0" not in a.get("label", "") for a in quiet.nodes.values())
    assert not [a for a in quiet.nodes.values() if "severity" in a.get("class", "")]


def test_acceptance_labels_show_as_marker_and_fill() -> None:
    amap = load_text(TRAM, "tram.yaml")
    labels = {"tram": "in", "funds": "out", "cost-overrun": "undecided"}
    graph = layout(build_graph(amap, labels=labels).source)
    assert "\u2713" in graph.nodes["tram"]["label"]
    assert "\u2717" in graph.nodes["funds"]["label"]
    assert graph.nodes["funds"]["fillcolor"] == "#FFFFFF"
    assert "?" in graph.nodes["cost-overrun"]["label"]
    assert ";0.5:" in graph.nodes["cost-overrun"]["fillcolor"]
    assert {"legend status in", "legend status out", "legend status undecided"} <= set(
        graph.nodes)
    assert "\u2713" not in graph.nodes["congestion"]["label"]


def test_legend_shows_what_is_used_and_can_be_turned_off() -> None:
    graph = tram_layout()
    assert "cluster_legend" in graph.clusters
    legend = graph.clusters["cluster_legend"]
    assert {"legend kind thesis", "legend kind objection", "legend source",
            "legend severity warning", "legend severity info", "legend rebuts from",
            "legend undercuts from"} <= legend
    off = tram_layout(legend=False)
    assert not [n for n in off.nodes if n.startswith("legend")]
    assert "cluster_legend" not in off.clusters


def test_focus_draws_the_neighbourhood_at_the_given_depth() -> None:
    one = tram_layout(focus="count-2023", depth=1)
    assert claim_nodes(one) == {"count-2023", "congestion"}
    assert "not shown" in one.nodes["congestion"]["label"]  # it has links out of view
    two = tram_layout(focus="count-2023", depth=2)
    # congestion's neighbours: what it supports, its co-premise, the warrant, the undercutter
    assert claim_nodes(two) == {"count-2023", "congestion", "tram", "trams-relieve", "funds",
                                "stay-in-cars"}
    assert "argument relief" in two.nodes
    assert claim_nodes(tram_layout(focus="relief", depth=0)) == {
        "tram", "congestion", "trams-relieve", "funds", "stay-in-cars"}


def test_focus_on_an_unknown_id_is_a_usage_error_with_a_suggestion() -> None:
    amap = load_text(TRAM, "tram.yaml")
    with pytest.raises(UsageError, match="did you mean 'congestion'"):
        build_graph(amap, options=RenderOptions(focus="congestoin"))


def test_cluster_by_tag_groups_claims_under_their_first_tag() -> None:
    graph = tram_layout(cluster="tag")
    groups = [members for name, members in graph.clusters.items() if name != "cluster_legend"
              and name.startswith("cluster")]
    # the inference node goes with its conclusion, so the cluster holds the whole argument
    assert {"tram", "congestion", "argument relief"} in groups
    assert {"funds", "cost-overrun"} in groups


def test_cluster_by_file_separates_a_review_from_the_map_it_extends(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "paper.yaml").write_text(TRAM, encoding="utf-8")
    (tmp_path / "review.yaml").write_text(
        "argmap: 1\nextends: paper.yaml\nclaims:\n  doubt:\n    kind: objection\n"
        "    text: The count was taken during roadworks.\n    rebuts: [count-2023]\n",
        encoding="utf-8")
    amap = load_map(tmp_path / "review.yaml")
    graph = layout(build_graph(amap, options=RenderOptions(cluster="file")).source)
    groups = {name: members for name, members in graph.clusters.items()
              if name.startswith("cluster_") and name != "cluster_legend"}
    by_label = {graph.cluster_attrs[name]["label"]: members for name, members in groups.items()}
    assert len(by_label) == 2
    review = next(m for label, m in by_label.items() if "review.yaml" in label)
    paper = next(m for label, m in by_label.items() if "paper.yaml" in label)
    assert review == {"doubt"}
    assert paper == {*CLAIMS, "argument relief"}
    assert graph.edge("doubt", "count-2023")["style"] == "dashed"


@pytest.mark.parametrize("rankdir", ["TB", "LR", "BT", "RL"])
def test_rankdir_is_passed_to_graphviz(rankdir: str) -> None:
    assert tram_layout(rankdir=rankdir).attrs["rankdir"] == rankdir


@pytest.mark.parametrize("options", [
    {"rankdir": "XY"}, {"cluster": "section"}, {"engine": "circo; rm"}, {"depth": -1},
    {"wrap": 3},
])
def test_bad_options_are_usage_errors(options: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        RenderOptions(**options)  # type: ignore[arg-type]


def test_ids_with_colons_stay_whole_node_names() -> None:
    amap = load_text(
        "argmap: 1\nclaims:\n  a:b:\n    kind: thesis\n    text: T\n"
        "  graph:\n    text: P\n    supports: ['a:b']\n", "colon.yaml")
    graph = layout(build_graph(amap, options=RenderOptions(legend=False)).source)
    assert claim_nodes(graph) == {"a:b", "graph"}
    assert graph.edge("graph", "a:b")["arrowhead"] == "normal"


def test_findings_on_undrawn_items_are_listed_or_counted_in_the_legend() -> None:
    text = TRAM + "  unused:\n    title: Nobody cites this\n"
    amap = load_text(text, "tram.yaml")
    findings = check_map(amap).findings
    assert any(f.rule == "unused-source" for f in findings)
    graph = layout(build_graph(amap, findings).source)
    assert "source unused" not in graph.nodes
    assert "legend unplaced" not in graph.nodes
    assert "Nobody" not in graph.attrs["label"]
    assert "unused-source" in graph.attrs["label"] and "(not drawn)" in graph.attrs["label"]
    unlisted = layout(build_graph(amap, findings,
                                  options=RenderOptions(findings_list=False)).source)
    assert "+1 finding on items not drawn" in unlisted.nodes["legend unplaced"]["label"]


@pytest.mark.parametrize("rankdir", ["TB", "LR", "BT", "RL"])
def test_legend_reads_from_the_top_down_in_every_direction(rankdir: str) -> None:
    graph = tram_layout(rankdir=rankdir)
    order = [name for name in graph.clusters["cluster_legend"] if name.startswith(
        ("legend kind", "legend source", "legend severity"))]
    order.sort(key=lambda name: graph.nodes[name]["_gvid"])  # the order they were written
    assert order[:3] == ["legend kind thesis", "legend kind premise", "legend kind evidence"]
    columns: dict[float, list[float]] = {}  # x -> the heights of the samples there, in order
    for name in order:
        x, y = map(float, graph.nodes[name]["pos"].split(","))
        columns.setdefault(round(x), []).append(y)
    assert len(columns) >= 2  # the tram's nine samples would be taller than the tram
    for heights in columns.values():
        assert heights == sorted(heights, reverse=True)  # Graphviz's y grows upwards


def test_clusters_list_their_members_in_map_order_in_every_process() -> None:
    """Python salts string hashes per process: nothing drawn may follow a set's order."""
    review = Path(__file__).resolve().parents[1] / "arguments" / "indonesia-korea" / "review.yaml"
    program = ("import sys; from argmap.load.loader import load_map; "
               "from argmap.render.graph import RenderOptions, build_graph; "
               "sys.stdout.write(build_graph(load_map(sys.argv[1]), "
               "options=RenderOptions(cluster='file')).source)")
    sources = {subprocess.run([sys.executable, "-c", program, str(review)], check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(sources) == 1
    top, *clusters = sources.pop().split("\tsubgraph cluster_")
    declared = [line.split(" [")[0].strip() for line in top.splitlines()
                if line.startswith('\t"argument ') and " -> " not in line]
    assert len(declared) > 10
    in_clusters = [[line.strip() for line in cluster.splitlines()
                    if line.startswith('\t\t"argument ')] for cluster in clusters]
    assert sorted(sum(in_clusters, [])) == sorted(declared)
    for members in in_clusters:
        assert members == [name for name in declared if name in members]
