"""AIF (AIFdb JSON) to argmap: I nodes are claims, RA arguments, CA attacks, MA restatements."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.findings import Finding
from argmap.importers.base import ImportResult
from argmap.importers.common import (
    LONE_SURROGATE,
    IdAllocator,
    OutputBudget,
    import_warning,
    listed_bytes,
    quote_brief,
    read_source_text,
)
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, MapDocument

DIALOGUE_TYPES = ("L", "TA", "YA")
# scheme names AIFdb gives to an inference or conflict that names no particular scheme
DEFAULT_SCHEMES = {
    "",
    "RA",
    "CA",
    "MA",
    "Default Inference",
    "Default Conflict",
    "Default Rephrase",
}
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')
_JSON_TYPES: dict[type, str] = {list: "a list", dict: "an object", bool: "true or false"}


@dataclass
class _Node:
    ident: str
    type: str
    text: str
    scheme: str | None
    pos: Position


@dataclass
class _Graph:
    nodes: dict[str, _Node]
    into: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    dangling: list[tuple[str, str]] = field(default_factory=list)
    out_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _positions(text: str, path: str) -> dict[str, list[Position]]:
    """Where each node id is written in the JSON text, in order, for positioned warnings."""
    found: dict[str, list[Position]] = defaultdict(list)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line = 0
    for match in _NODE_ID.finditer(text):
        while line + 1 < len(line_starts) and line_starts[line + 1] <= match.start():
            line += 1
        found[match.group(1)].append(
            Position(path, line + 1, match.start() - line_starts[line] + 1)
        )
    return found


def _load_json(text: str, path: str) -> object:
    try:
        # parse_int=str: ids are kept as written, and a 5,000-digit number is no error
        return json.loads(text, parse_int=str)
    except json.JSONDecodeError as exc:
        raise MapLoadError(
            f"not valid JSON: {exc.msg}", Position(path, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise MapLoadError("JSON nested too deeply to read", Position(path, 1, 1)) from None


def _field(raw: dict[str, object], key: str, where: Position) -> str | None:
    """A node's or edge's field as text (a string or a number); None when absent or null."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | float):  # ints are read as str
        raise MapLoadError(f"{key!r} must be a string or a number, not {_JSON_TYPES[type(value)]}",
                           where)
    text = str(value)
    if LONE_SURROGATE.search(text):
        raise MapLoadError(f"{key!r} holds a lone surrogate (an escape such as \\udc80, which "
                           "is not a character)", where)
    return text


def _read_graph(text: str, path: str) -> tuple[_Graph, list[Finding]]:
    data = _load_json(text, path)
    start = Position(path, 1, 1)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise MapLoadError("not an AIF document: no 'nodes' list", start)
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise MapLoadError("not an AIF document: 'edges' is not a list", start)
    where = _positions(text, path)
    seen: Counter[str] = Counter()
    graph = _Graph({})
    warnings: list[Finding] = []
    for raw in data["nodes"]:
        if not isinstance(raw, dict):
            raise MapLoadError("an AIF node must be a JSON object", start)
        ident = _field(raw, "nodeID", start)
        pos = start
        if ident is not None and ident in where:  # the how-many'th node with this id it is
            pos = where[ident][min(seen[ident], len(where[ident]) - 1)]
            seen[ident] += 1
        node_type = _field(raw, "type", pos)
        if ident is None or node_type is None:
            raise MapLoadError("an AIF node needs 'nodeID' and 'type'", pos)
        if ident in graph.nodes:
            first = graph.nodes[ident].pos
            warnings.append(import_warning(
                f"node id {quote_brief(ident)} is used again (first at line {first.line}); "
                "this node is left out", pos))
            continue
        scheme = (_field(raw, "scheme", pos) or "").strip()
        graph.nodes[ident] = _Node(
            ident, node_type, _field(raw, "text", pos) or "", scheme or None, pos
        )
    for raw in edges:
        if not isinstance(raw, dict):
            raise MapLoadError("an AIF edge must be a JSON object", start)
        source, target = _field(raw, "fromID", start), _field(raw, "toID", start)
        if source is None or target is None:
            raise MapLoadError("an AIF edge needs 'fromID' and 'toID'", start)
        if source not in graph.nodes or target not in graph.nodes:
            graph.dangling.append((source, target))
            continue
        graph.out_of[source].append(target)
        graph.into[target].append(source)
    return graph, warnings


class _Translator:
    def __init__(self, graph: _Graph, path: str) -> None:
        self.graph, self.path = graph, path
        self.ids = IdAllocator()
        self.claims: dict[str, Claim] = {}
        self.arguments: dict[str, Argument] = {}
        self.attacks: dict[tuple[str, str, str], Attack] = {}
        self.warnings: list[Finding] = []
        self.claim_of: dict[str, str] = {}  # I node id -> claim id
        self.argument_of: dict[str, str] = {}  # RA node id -> argument id
        self.budget = OutputBudget()

    def warn(self, message: str, node: _Node, subject: str | None = None) -> None:
        self.warnings.append(import_warning(message, node.pos, subject))

    def of_type(self, *types: str) -> list[_Node]:
        return [n for n in self.graph.nodes.values() if n.type in types]

    def neighbours(self, node: _Node, incoming: bool) -> list[_Node]:
        # the dialogue layer (L, TA, YA) anchors into RA/CA/MA nodes; it is reported once, below
        table = self.graph.into if incoming else self.graph.out_of
        found = [self.graph.nodes[i] for i in table.get(node.ident, []) if i in self.graph.nodes]
        return [n for n in found if n.type not in DIALOGUE_TYPES]

    def claims_from_i_nodes(self) -> None:
        for node in self.of_type("I"):
            ident = self.ids.allocate(node.ident, "node")
            self.claim_of[node.ident] = ident
            text = " ".join(node.text.split())
            if not text:
                self.warn(f"I node {node.ident} has no text; a placeholder stands in", node, ident)
            self.claims[ident] = Claim(
                ident,
                text or f"(empty I node {node.ident})",
                ClaimKind.PREMISE,
                node.pos,
                locator=f"AIF node {node.ident}",
            )

    def arguments_from_ra_nodes(self) -> None:
        for node in self.of_type("RA"):
            premises = self._claims_among(self.neighbours(node, incoming=True), node, "premise")
            conclusions = self._claims_among(
                self.neighbours(node, incoming=False), node, "conclusion"
            )
            if not premises or not conclusions:
                self.warn(
                    f"RA node {node.ident} lacks a premise or a conclusion among I nodes; left out",
                    node,
                )
                continue
            if len(conclusions) > 1:
                self.warn(
                    f"RA node {node.ident} has {len(conclusions)} conclusions; "
                    "one argument is made for each",
                    node,
                )
            for number, conclusion in enumerate(conclusions, start=1):
                self._argument(node, tuple(dict.fromkeys(premises)), conclusion, number)

    def _claims_among(self, nodes: list[_Node], ra: _Node, role: str) -> list[str]:
        found = []
        for other in nodes:
            if other.ident in self.claim_of:
                found.append(self.claim_of[other.ident])
            else:
                self.warn(
                    f"RA node {ra.ident} has a {other.type} node ({other.ident}) as {role}; "
                    "argmap relates only claims by arguments, so that edge is left out",
                    ra,
                )
        return found

    def _argument(self, node: _Node, premises: tuple[str, ...], conclusion: str, n: int) -> None:
        scheme = node.scheme if node.scheme not in DEFAULT_SCHEMES else None
        if conclusion in premises:
            self.warn(f"RA node {node.ident} concludes one of its own premises; left out", node)
            return
        convergent = f"{premises[0]}->{conclusion}"
        # AIFdb's numeric RA ids name nothing; a one-premise RA so named is a plain support
        plain = node.ident.isdigit() or node.ident == convergent
        if len(premises) == 1 and scheme is None and plain and convergent not in self.ids.taken:
            ident, linked = self.ids.reserve(convergent), False
        else:
            ident = self.ids.allocate(node.ident if n == 1 else f"{node.ident}-{n}", "ra")
            linked = True
        self.argument_of.setdefault(node.ident, ident)
        self.arguments[ident] = Argument(
            ident,
            conclusion,
            premises,
            node.pos,
            linked=linked,
            scheme=scheme,
            # the map format holds locators on linked arguments only
            locator=f"AIF node {node.ident}" if linked else None,
        )

    def attacks_from_ca_nodes(self) -> None:
        nodes = self.of_type("CA")
        # each attacker of a CA node attacks each target: the size of the result is checked
        # for every node before any attack is made
        for node in nodes:
            target_ids = [self.claim_of.get(t.ident) or self.argument_of.get(t.ident, "")
                          for t in self.neighbours(node, incoming=False)]
            self.budget.spend(len(self.neighbours(node, incoming=True))
                              * listed_bytes(t for t in target_ids if t),
                              node.pos, f"CA node {quote_brief(node.ident)}")
        for node in nodes:
            attackers = self.neighbours(node, incoming=True)
            targets = self.neighbours(node, incoming=False)
            if not attackers or not targets:
                self.warn(f"CA node {node.ident} lacks an attacker or a target; left out", node)
                continue
            for attacker in attackers:
                if attacker.ident not in self.claim_of:
                    self.warn(
                        f"CA node {node.ident} attacks from a {attacker.type} node "
                        f"({attacker.ident}); argmap attacks come from claims; left out",
                        node,
                    )
                    continue
                for target in targets:
                    self._attack(node, self.claim_of[attacker.ident], target)

    def _attack(self, node: _Node, attacker: str, target: _Node) -> None:
        if target.ident in self.claim_of:
            kind, target_id = AttackKind.REBUT, self.claim_of[target.ident]
        elif target.ident in self.argument_of:
            kind, target_id = AttackKind.UNDERCUT, self.argument_of[target.ident]
        else:
            self.warn(
                f"CA node {node.ident} attacks a {target.type} node ({target.ident}), "
                "which argmap cannot attack; left out",
                node,
            )
            return
        if attacker == target_id:
            self.warn(f"CA node {node.ident}: a claim attacking itself; left out", node)
            return
        self.attacks.setdefault(
            (attacker, target_id, kind.value), Attack(attacker, target_id, kind, node.pos)
        )

    def restatements_from_ma_nodes(self) -> None:
        notes: dict[str, list[str]] = defaultdict(list)
        for node in self.of_type("MA"):
            sources = [n for n in self.neighbours(node, incoming=True) if n.ident in self.claim_of]
            targets = [n for n in self.neighbours(node, incoming=False) if n.ident in self.claim_of]
            for source in sources:
                for target in targets:
                    notes[self.claim_of[source.ident]].append(self.claim_of[target.ident])
            self.warn(
                f"MA node {node.ident} (restatement) has no argmap relation; it is kept as "
                "a note on the restating claim",
                node,
            )
        for ident, restated in notes.items():
            note = "restates " + ", ".join(restated) + " (AIF MA)"
            self.claims[ident] = replace(self.claims[ident], note=note)

    def report_other_nodes(self) -> None:
        known = {"I", "RA", "CA", "MA", *DIALOGUE_TYPES}
        dialogue = Counter(n.type for n in self.of_type(*DIALOGUE_TYPES))
        if dialogue:
            counts = ", ".join(f"{dialogue[t]} {t}" for t in DIALOGUE_TYPES if dialogue[t])
            self.warnings.append(
                import_warning(
                    f"dialogue layer left out: {counts} nodes", Position(self.path, 1, 1)
                )
            )
        for source, target in self.graph.dangling:
            self.warnings.append(
                import_warning(
                    f"edge {source} -> {target} names a node the file does not have; left out",
                    Position(self.path, 1, 1),
                )
            )
        for node in self.graph.nodes.values():
            if node.type not in known:
                self.warn(
                    f"{node.type} node {node.ident} has no argmap counterpart; left out", node
                )

    def assign_kinds(self) -> None:
        used = {p for a in self.arguments.values() for p in a.premises}
        supported = {a.conclusion for a in self.arguments.values()}
        attackers = {a.attacker for a in self.attacks.values()}
        for ident, claim in self.claims.items():
            if ident in used:
                continue
            if ident in attackers:
                self.claims[ident] = replace(claim, kind=ClaimKind.OBJECTION)
            elif ident in supported:
                self.claims[ident] = replace(claim, kind=ClaimKind.THESIS)


def translate_aif(text: str, path: str) -> ImportResult:
    """An argmap map for AIF JSON text."""
    graph, warnings = _read_graph(text, path)
    work = _Translator(graph, path)
    work.warnings.extend(warnings)
    work.claims_from_i_nodes()
    work.arguments_from_ra_nodes()
    work.attacks_from_ca_nodes()
    work.restatements_from_ma_nodes()
    work.report_other_nodes()
    work.assign_kinds()
    amap = ArgumentMap(
        work.claims.values(),
        work.arguments.values(),
        work.attacks.values(),
        documents=[MapDocument(path=path, version=1)],
    )
    return ImportResult(amap, tuple(work.warnings))


def read_file(path: Path) -> ImportResult:
    """Import an AIF JSON file as an argmap map."""
    return translate_aif(read_source_text(path), str(path))
