"""`argmap show`: the argument as an outline, from each conclusion down through its support."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from argmap.findings import Finding, Severity
from argmap.model import Argument, ArgumentMap, AttackKind, Claim, ClaimKind

STATUS_STYLE = {"in": "green", "out": "red", "undecided": "yellow"}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
ROLE_STYLE = {"pro": "green", "con": "red", "undercut": "red", "warrant": "blue"}
_ROOT_KINDS = (ClaimKind.THESIS, ClaimKind.RECOMMENDATION)


class Outline:
    """Builds the outline tree of one map; every claim is expanded once, later only referenced."""

    def __init__(self, amap: ArgumentMap, findings: Sequence[Finding] = (),
                 labels: Mapping[str, str] | None = None, depth: int | None = None,
                 needed_by: Mapping[str, Sequence[str]] | None = None) -> None:
        self.amap = amap
        self.labels = labels or {}
        self.depth = depth
        self.needed_by = needed_by or {}
        self.shown: set[str] = set()
        self.findings: dict[str, list[Finding]] = {}
        for finding in findings:
            self.findings.setdefault(finding.claim or "", []).append(finding)

    def trees(self) -> list[Tree]:
        """One tree per conclusion, then trees for claims no conclusion reaches."""
        roots = [c for c in self.amap.claims.values() if c.kind in _ROOT_KINDS]
        if not roots:  # a map without conclusions: start from claims that lead nowhere
            roots = [c for c in self.amap.claims.values() if not self._leads_somewhere(c.id)]
        result = []
        for claim in roots:
            if claim.id not in self.shown:
                result.append(self._claim_tree(claim, None, 0))
        reached = self._reachable([c.id for c in roots])
        rest = [c for c in self.amap.claims.values() if c.id not in reached]
        rest.sort(key=lambda c: self._leads_somewhere(c.id))  # tops of loose chains first
        loose = [self._claim_tree(c, None, 0) for c in rest if c.id not in self.shown]
        if loose:
            group = Tree(Text("not connected to a conclusion", style="bold"), guide_style="dim")
            for tree in loose:
                group.children.append(tree)
            result.append(group)
        return result

    def _reachable(self, roots: list[str]) -> set[str]:
        """Claims below ``roots`` at any depth (so --depth does not make them loose)."""
        reached, stack = set(roots), list(roots)
        while stack:
            for _, item in self._children(self.amap.claims[stack.pop()]):
                members = (self._members(item) if isinstance(item, Argument)
                           else [("", item.id)])
                for _, claim_id in members:
                    if claim_id not in reached:
                        reached.add(claim_id)
                        stack.append(claim_id)
        return reached

    def _members(self, arg: Argument) -> list[tuple[str, str]]:
        members = [("", p) for p in arg.premises]
        if arg.warrant:
            members.append(("warrant", arg.warrant))
        members.extend(("undercut", a.attacker) for a in self.amap.attackers_of(arg.id))
        return members

    def _leads_somewhere(self, claim_id: str) -> bool:
        return bool(self.amap.arguments_using(claim_id) or self.amap.attacks_by(claim_id))

    def _claim_tree(self, claim: Claim, role: str | None, level: int) -> Tree:
        if claim.id in self.shown:
            label = self._role(role) + Text(claim.id, style="bold")
            label.append(" (shown above)", style="dim")
            return Tree(label)
        self.shown.add(claim.id)
        tree = Tree(self._claim_label(claim, role), guide_style="dim")
        children = self._children(claim)
        if self.depth is not None and level >= self.depth:
            if children:
                tree.add(Text(f"… {len(children)} more below (raise --depth)", style="dim"))
            return tree
        for child_role, item in children:
            if isinstance(item, Argument):
                tree.children.append(self._argument_tree(item, level + 1))
            else:
                tree.children.append(self._claim_tree(item, child_role, level + 1))
        return tree

    def _children(self, claim: Claim) -> list[tuple[str, Claim | Argument]]:
        amap = self.amap
        children: list[tuple[str, Claim | Argument]] = []
        for arg in amap.supporters_of(claim.id):
            if arg.linked or arg.warrant or amap.attackers_of(arg.id):
                children.append(("pro", arg))
            else:
                children.append(("pro", amap.claims[arg.premises[0]]))
        children.extend(("con", amap.claims[a.attacker]) for a in amap.attackers_of(claim.id)
                        if a.kind is AttackKind.REBUT)
        return children

    def _argument_tree(self, arg: Argument, level: int) -> Tree:
        kind = ("implicit " if arg.implicit else "") + (
            "linked argument" if arg.linked else "support")
        label = self._role("pro") + Text(arg.id, style="bold")
        label.append(f" · {kind}" + (f" ({arg.scheme})" if arg.scheme else ""), style="dim")
        self._marks(label, arg.id)
        tree = Tree(label, guide_style="dim")
        for role, claim_id in self._members(arg):
            tree.children.append(self._claim_tree(self.amap.claims[claim_id], role or None,
                                                  level))
        return tree

    def _claim_label(self, claim: Claim, role: str | None) -> Text:
        label = self._role(role) + Text(claim.id, style="bold")
        kind = f"implicit {claim.kind.value}" if claim.implicit else claim.kind.value
        details = [kind] + ([claim.locator] if claim.locator else [])
        label.append(" · " + " · ".join(details), style="dim")
        self._marks(label, claim.id)
        label.append("\n")
        label.append(claim.text)
        return label

    def _marks(self, label: Text, node_id: str) -> None:
        status = self.labels.get(node_id)
        if status in STATUS_STYLE:
            label.append(" ")
            label.append(f"[{status}]", style=STATUS_STYLE[status])
        conclusions = self.needed_by.get(node_id)
        if conclusions:
            label.append(" ")
            label.append(f"load-bearing for {', '.join(conclusions)}", style="bold magenta")
        for finding in self.findings.get(node_id, []):
            label.append(" ")
            label.append(f"⚠ {finding.rule}", style=SEVERITY_STYLE[finding.severity])

    @staticmethod
    def _role(role: str | None) -> Text:
        if role is None:
            return Text()
        return Text(f"{role} ", style=ROLE_STYLE.get(role, ""))


def print_outline(amap: ArgumentMap, console: Console, findings: Sequence[Finding] = (),
                  labels: Mapping[str, str] | None = None, depth: int | None = None,
                  needed_by: Mapping[str, Sequence[str]] | None = None) -> None:
    """Print the outline of ``amap``, marking each claim and argument some conclusion hangs on
    (``needed_by``: id -> those conclusions); all map text goes in as plain Text, never markup."""
    if amap.title:
        console.print(Text(amap.title, style="bold underline"))
    for tree in Outline(amap, findings, labels, depth, needed_by).trees():
        console.print(tree)


def show_map(map_path: str, console: Console, depth: int | None = None) -> None:
    """Load, check (with the map's nearest configuration) and evaluate a map; print its outline."""
    from argmap.config import ConfigResolver
    from argmap.engine import check_map
    from argmap.errors import UsageError
    from argmap.evaluate import grounded, grounded_verdict
    from argmap.load.loader import load_map

    if depth is not None and depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    amap = load_map(map_path)
    findings = check_map(amap, ConfigResolver().settings_for(map_path)).findings
    labels = {node: str(label) for node, label in grounded(amap).labels.items()}
    print_outline(amap, console, findings, labels, depth, grounded_verdict(amap).needed_by)
