"""Import a Carneades 4 argument graph (its native YAML), keeping statement ids as claim ids.

Statements become claims (assumed ones assumptions), arguments linked arguments (a Toulmin
``warrant`` role the warrant), undercutters undercutting claims. The positions of an issue
are mutually exclusive: each position's arguments conclude a claim ``<position>.argued``
that supports the position and rebuts every other position, so a position stands only if
some argument for it holds and none for an alternative does (Carneades' preponderance of
evidence with linked arguments, whose weights are 0 or 1; a tie leaves every position out).
What argmap cannot express is kept out of the map with a positioned warning.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.findings import Finding
from argmap.importers.base import ImportResult
from argmap.importers.common import (
    IdAllocator,
    OutputBudget,
    import_warning,
    listed_bytes,
    read_source_text,
)
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq, parse_tree
from argmap.model import (
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    ClaimKind,
    MapDocument,
    convergent_id,
)

_WEIGHED = ("cumulative", "factorized")
# an issue's rebuttals: (position, who speaks for it) pairs, the positions they rebut, where
_Rebuttals = tuple[list[tuple[str, str]], list[str], Position]
_IGNORED = {
    "language": "predicate templates (`language:`) are not kept: argmap claims are plain text",
    "issue_schemes": "issue schemes are not kept: argmap has no rules with variables",
    "argument_schemes": "argument schemes are not kept: argmap does not instantiate rules, "
    "so nothing is derived from them",
    "references": "references are not kept",
    "tests": "expected labels (`tests:`) are not part of a map; `argmap evaluate` computes them",
    "labels": "expected labels (`labels:`) are not part of a map; `argmap evaluate` computes them",
}


@dataclass
class _Arg:
    id: str
    conclusion: str
    premises: list[str]
    pos: Position
    warrant: str | None = None
    undercutter: str | None = None
    convergent: bool = False
    notes: list[str] = field(default_factory=list)


class _Reader:
    """Walks the positioned YAML tree, collecting claims, arguments, attacks and warnings."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.ids = IdAllocator()
        self.claim_of: dict[str, str] = {}  # Carneades statement id -> claim id
        self.claims: dict[str, Claim] = {}
        self.args: list[_Arg] = []
        self.attacks: dict[tuple[str, str, AttackKind], Attack] = {}
        self.budget = OutputBudget()
        self.warnings: list[Finding] = []
        self.title: str | None = None
        self.source: dict[str, str] = {}

    def pos(self, node: YNode) -> Position:
        return Position(self.path, node.line, node.col)

    def warn(self, message: str, node: YNode, subject: str | None = None) -> None:
        self.warnings.append(import_warning(message, self.pos(node), subject))

    def scalar(self, node: YNode, what: str) -> str:
        if not isinstance(node, YScalar) or not node.value.strip():
            raise MapLoadError(f"{what} must be a non-empty string", self.pos(node))
        return node.value.strip()

    def names(self, node: YNode, what: str) -> list[YScalar]:
        if isinstance(node, YScalar):
            return [node]
        if not isinstance(node, YSeq):
            raise MapLoadError(f"{what} must be a list of statement ids", self.pos(node))
        for item in node.items:
            self.scalar(item, what)
        return [item for item in node.items if isinstance(item, YScalar)]

    def statement(self, sid: str, node: YNode, text: str | None = None,
                  assumed: bool = False) -> str:
        """The claim for a statement, created on first mention (its id is its text if need be)."""
        if sid in self.claim_of:
            claim_id = self.claim_of[sid]
            if assumed:
                old = self.claims[claim_id]
                self.claims[claim_id] = Claim(old.id, old.text, ClaimKind.ASSUMPTION, old.pos,
                                              note=old.note)
            return claim_id
        claim_id = self.ids.allocate(sid.replace("¬", "not-"), "statement")
        note = None if claim_id == sid else f"Carneades statement id: {sid}"
        kind = ClaimKind.ASSUMPTION if assumed else ClaimKind.PREMISE
        text = text or sid.strip() or claim_id  # a claim's text is never empty
        self.claims[claim_id] = Claim(claim_id, text, kind, self.pos(node), note=note)
        self.claim_of[sid] = claim_id
        return claim_id

    # -- sections ----------------------------------------------------------------------

    def meta(self, node: YNode) -> None:
        if not isinstance(node, YMap):
            self.warn("`meta:` is not a mapping; not kept", node)
            return
        for key, (key_node, value) in node.items.items():
            if key == "title" and isinstance(value, YScalar):
                self.title = value.value.strip()
            elif key == "source" and isinstance(value, YScalar):
                self.source["title"] = " ".join(value.value.split())
            else:
                self.warn(f"`meta.{key}` is not kept", key_node)

    def statements(self, node: YNode) -> None:
        if not isinstance(node, YMap):
            raise MapLoadError("`statements:` must map statement ids to texts", self.pos(node))
        for sid, (key_node, value) in node.items.items():
            if isinstance(value, YScalar):
                self.statement(sid, key_node, " ".join(value.value.split()) or None)
                continue
            if not isinstance(value, YMap):
                raise MapLoadError("a statement is a text or a mapping", self.pos(value))
            text, assumed = None, False
            for key, (inner_key, inner) in value.items.items():
                if key == "text":
                    text = " ".join(self.scalar(inner, "`text`").split())
                elif key == "assumed":
                    assumed = self.scalar(inner, "`assumed`").lower() == "true"
                else:
                    self.warn(f"statement {sid}: `{key}` is not kept", inner_key, sid)
            self.statement(sid, key_node, text, assumed)

    def assumptions(self, node: YNode) -> None:
        for item in self.names(node, "`assumptions:`"):
            self.statement(item.value.strip(), item, assumed=True)

    def arguments(self, node: YNode) -> None:
        if not isinstance(node, YMap):
            raise MapLoadError("`arguments:` must map argument ids to arguments", self.pos(node))
        for aid, (key_node, value) in node.items.items():
            if not isinstance(value, YMap):
                raise MapLoadError(f"argument {aid} must be a mapping", self.pos(value))
            self.argument(aid, key_node, value)

    def argument(self, aid: str, key_node: YScalar, node: YMap) -> None:
        if "conclusion" not in node.items:
            self.warn(f"argument {aid} has no conclusion; not kept", key_node)
            return
        conclusion_node = node.items["conclusion"][1]
        conclusion = self.statement(self.scalar(conclusion_node, "`conclusion`"), conclusion_node)
        arg = _Arg(self.ids.allocate(aid, "argument"), conclusion, [], self.pos(key_node))
        if arg.id != aid:
            arg.notes.append(f"Carneades argument id: {aid}")
        for key, (inner_key, inner) in node.items.items():
            if key == "premises":
                self.premises(arg, inner)
            elif key == "undercutter":
                arg.undercutter = self.statement(self.scalar(inner, "`undercutter`"), inner)
            elif key == "scheme":
                self.scheme(arg, self.scalar(inner, "`scheme`"), inner)
            elif key != "conclusion":
                self.warn(f"argument {aid}: `{key}` is not kept", inner_key, arg.id)
        self.args.append(arg)

    def premises(self, arg: _Arg, node: YNode) -> None:
        if isinstance(node, YMap):  # premises with roles: datum, warrant, major, minor, ...
            roles = []
            for role, (_, value) in node.items.items():
                claim_id = self.statement(self.scalar(value, f"premise `{role}`"), value)
                roles.append(f"{role}={claim_id}")
                if role == "warrant" and arg.warrant is None:
                    arg.warrant = claim_id
                else:
                    arg.premises.append(claim_id)
            arg.notes.append("premise roles: " + ", ".join(roles))
            return
        for item in self.names(node, "`premises:`"):
            arg.premises.append(self.statement(item.value.strip(), item))

    def scheme(self, arg: _Arg, name: str, node: YNode) -> None:
        arg.notes.append(f"Carneades scheme: {name}")
        if name == "convergent":
            arg.convergent = True
        elif name in _WEIGHED:
            self.warn(f"argument {arg.id}: {name} weighing has no argmap equivalent; "
                      "read as linked (every premise needed)", node, arg.id)
        elif name != "linked":
            self.warn(f"argument {arg.id}: scheme {name!r} (its weight and conditions) is not "
                      "kept; read as linked", node, arg.id)

    def issues(self, node: YNode) -> list[tuple[str, list[str], YNode]]:
        if not isinstance(node, YMap):
            raise MapLoadError("`issues:` must map issue ids to issues", self.pos(node))
        found: list[tuple[str, list[str], YNode]] = []
        for iid, (key_node, value) in node.items.items():
            if not isinstance(value, YMap) or "positions" not in value.items:
                raise MapLoadError(f"issue {iid} needs `positions:`", self.pos(value))
            positions = list(dict.fromkeys(
                self.statement(p.value.strip(), p)
                for p in self.names(value.items["positions"][1], "`positions:`")))
            for key, (inner_key, inner) in value.items.items():
                if key == "standard":
                    standard = self.scalar(inner, "`standard`")
                    if standard not in ("PE", "DV"):
                        self.warn(f"issue {iid}: proof standard {standard} is not kept; read "
                                  "as preponderance of evidence (PE)", inner)
                elif key != "positions":
                    self.warn(f"issue {iid}: `{key}` is not kept", inner_key)
            found.append((iid, positions, key_node))
        return found

    # -- assembly ----------------------------------------------------------------------

    def resolve_issues(self, issues: list[tuple[str, list[str], YNode]]) -> None:
        """Resolve every issue, finding the arguments for a position through one index."""
        concluding: dict[str, list[_Arg]] = defaultdict(list)
        for arg in self.args:
            concluding[arg.conclusion].append(arg)
        # the positions of an issue rebut one another: the size of all those rebuttals is
        # checked before any is made
        rebuttals = [self.resolve_issue(iid, positions, node, concluding)
                     for iid, positions, node in issues]
        for attackers, targets, pos in rebuttals:
            for target in targets:  # an assumed position is never overturned, as in Carneades
                for other, attacker in attackers:
                    if other != target:
                        self.attack(attacker, target, AttackKind.REBUT, pos)

    def resolve_issue(self, iid: str, positions: list[str], node: YNode,
                      concluding: dict[str, list[_Arg]]) -> _Rebuttals:
        """Retarget each position's arguments to `<position>.argued`; the positions exclude one
        another: return who rebuts (each position with its voice) what, and where."""
        argued: dict[str, str] = {}
        pos = self.pos(node)
        for position in positions:
            retargeted = concluding.pop(position, [])
            if not retargeted:
                continue
            text = f"Some argument for {position} holds (positions of Carneades issue {iid})."
            helper = self.ids.allocate(f"{position}.argued")
            self.claims[helper] = Claim(helper, text, ClaimKind.PREMISE, pos)
            for arg in retargeted:
                arg.conclusion = helper
            concluding[helper] = retargeted
            link = _Arg(convergent_id(helper, position), position, [helper], pos)
            link.convergent = True
            self.args.append(link)
            concluding[position].append(link)
            argued[position] = helper
        assumed = {p for p in positions if self.claims[p].kind is ClaimKind.ASSUMPTION}
        if assumed and len(argued.keys() - assumed) > 0:
            self.warn(f"issue {iid}: Carneades lets an assumed position win outright; here an "
                      "argued alternative can still defeat it", node)
        # who speaks for each position: an assumed one itself, an argued one its helper
        attackers = [(other, other if other in assumed else argued[other])
                     for other in positions if other in assumed or other in argued]
        targets = [target for target in positions if target not in assumed]
        rebutting_itself = listed_bytes(other for other, _ in attackers if other not in assumed)
        self.budget.spend(len(attackers) * listed_bytes(targets) - rebutting_itself, pos,
                          f"issue {iid}: its {len(positions):,} positions rebut one another")
        return attackers, targets, pos

    def attack(self, attacker: str, target: str, kind: AttackKind, pos: Position) -> None:
        """Add an attack once (issues that share positions would repeat it)."""
        self.attacks.setdefault((attacker, target, kind), Attack(attacker, target, kind, pos))

    def result(self) -> ImportResult:
        arguments: dict[str, Argument] = {}
        for arg in self.args:
            note = "; ".join(arg.notes) or None
            premises = list(dict.fromkeys(arg.premises))
            if arg.warrant in premises:  # also a premise: the loader holds a warrant apart
                arg.warrant = None
            if not premises and arg.warrant is not None:
                premises, arg.warrant = [arg.warrant], None
            if not premises:  # Carneades allows none: the argument applies unless undercut
                given = self.ids.allocate(f"{arg.id}.applies")
                text = f"Argument {arg.id} has no premises: it applies unless undercut."
                self.claims[given] = Claim(given, text, ClaimKind.ASSUMPTION, arg.pos)
                premises = [given]
            if arg.convergent:
                ids = [convergent_id(p, arg.conclusion) for p in premises]
                for ident, premise in zip(ids, premises, strict=True):
                    arguments.setdefault(ident, Argument(ident, arg.conclusion, (premise,),
                                                         arg.pos, linked=False))
            else:
                ids = [arg.id]
                arguments[arg.id] = Argument(arg.id, arg.conclusion, tuple(premises), arg.pos,
                                             warrant=arg.warrant, note=note)
            if arg.undercutter is not None:
                for ident in ids:
                    self.attack(arg.undercutter, ident, AttackKind.UNDERCUT, arg.pos)
        undercutters = {a.attacker for a in self.attacks.values()
                        if a.kind is AttackKind.UNDERCUT}
        claims = [
            Claim(c.id, c.text, ClaimKind.OBJECTION, c.pos, note=c.note)
            if c.id in undercutters and c.kind is ClaimKind.PREMISE else c
            for c in self.claims.values()
        ]
        doc = MapDocument(self.path, 1, title=self.title, source=self.source)
        amap = ArgumentMap(claims, arguments.values(), self.attacks.values(), (), (doc,))
        return ImportResult(amap, tuple(self.warnings))


def read_file(path: Path) -> ImportResult:
    """Read a Carneades 4 YAML argument graph."""
    reader = _Reader(str(path))
    root = parse_tree(read_source_text(path), str(path))
    if not isinstance(root, YMap):
        raise MapLoadError("expected a Carneades argument graph (a mapping with `statements:`)",
                           Position(str(path), 1, 1))
    sections = root.items
    for key in ("meta", "statements", "assumptions", "arguments"):
        if key in sections:
            getattr(reader, key)(sections[key][1])
    issues = reader.issues(sections["issues"][1]) if "issues" in sections else []
    reader.resolve_issues(issues)
    for key, (key_node, _) in sections.items():
        if key in _IGNORED:
            reader.warn(_IGNORED[key], key_node)
        elif key not in ("meta", "statements", "assumptions", "arguments", "issues"):
            reader.warn(f"`{key}:` is not a Carneades section argmap knows; not kept", key_node)
    return reader.result()
