"""Argdown to argmap: statements become claims, arguments linked arguments, relations relations.

The choices (what an attack on an argument becomes, and so on) are documented in docs/interop.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.argdown.parser import (
    ArgdownDocument,
    Argument,
    Relation,
    Statement,
    Step,
    parse_argdown,
)
from argmap.errors import Position
from argmap.findings import Finding
from argmap.importers.base import ImportResult
from argmap.importers.common import (
    IdAllocator,
    OutputBudget,
    import_warning,
    listed_bytes,
    read_source_text,
    sanitise_id,
)
from argmap.load.fields import is_calendar_date
from argmap.model import Argument as MapArgument
from argmap.model import ArgumentMap, Attack, AttackKind, Claim, ClaimKind, MapDocument, Source

_ATTACKS = {"attack", "contrary", "contradictory"}
_SYMMETRIC = {"contrary", "contradictory"}
_CLAIM_KEYS = {"kind", "locator", "note", "factual", "common-ground", "implicit", "cites"}
_PRESENTATION_KEYS = {"title", "subTitle", "model", "sources"}
_SOURCE_FIELDS = ("title", "author", "date", "url", "publisher", "locator", "note")


@dataclass
class Provenance:
    """Where each Argdown element went: its claim, argument, or relation keys in the map."""

    statements: dict[str, str] = field(default_factory=dict)
    arguments: dict[str, str] = field(default_factory=dict)
    relations: list[tuple[Relation, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class _Parts:
    claims: dict[str, Claim] = field(default_factory=dict)
    arguments: dict[str, MapArgument] = field(default_factory=dict)
    attacks: dict[tuple[str, str, str], Attack] = field(default_factory=dict)
    warnings: list[Finding] = field(default_factory=list)


class _Translator:
    def __init__(self, doc: ArgdownDocument, path: str) -> None:
        self.doc, self.path = doc, path
        self.ids = IdAllocator()
        self.parts = _Parts()
        self.prov = Provenance()
        self.anchor: dict[tuple[str, str], str] = {}  # element -> claim that speaks for it
        self.final_step: dict[str, str] = {}  # argument title -> argmap id of its last step
        self.explicit_kind: set[str] = set()
        self.objecting: set[str] = set()  # attackers in a one-way attack or undercut
        self.sources = self._sources(doc.front_matter.get("sources"))
        self.sole_premise: dict[str, list[str]] | None = None
        self.budget = OutputBudget()

    def pos(self, line: int, col: int = 1) -> Position:
        return Position(self.path, line, col)

    def warn(self, message: str, line: int, col: int = 1, subject: str | None = None) -> None:
        self.parts.warnings.append(import_warning(message, self.pos(line, col), subject))

    def _sources(self, entries: object) -> dict[str, Source]:
        """Sources from the front matter, as argmap's Argdown export writes them."""
        if entries is None:
            return {}
        found: dict[str, Source] = {}
        if not isinstance(entries, dict):
            self.warn("front matter 'sources' is not a mapping; left out", 1)
            return found
        for key, entry in entries.items():
            fields = entry if isinstance(entry, dict) else {}
            values = {k: str(fields[k]) for k in _SOURCE_FIELDS if fields.get(k) is not None}
            values = {k: v for k, v in values.items() if v.strip()}  # a blank one says nothing
            if "title" not in values:
                self.warn(f"source {key!r} in the front matter has no title; left out", 1)
                continue
            if "date" in values and not is_calendar_date(values["date"]):
                self.warn(f"source {key!r}: date {values.pop('date')!r} is not YYYY, YYYY-MM "
                          "or YYYY-MM-DD; left out", 1)
            ident = sanitise_id(str(key), "source")
            found[ident] = Source(key=ident, pos=self.pos(1), **values)
        return found

    # -- claims ------------------------------------------------------------------------

    def statement_claims(self) -> None:
        for title, stmt in self.doc.statements.items():
            ident = self.ids.allocate(title, "statement")
            self.prov.statements[title] = ident
            self.anchor[("statement", title)] = ident
            if not stmt.text:
                self.warn(
                    f"statement [{title}] has no text; its title stands in",
                    stmt.line,
                    stmt.col,
                    ident,
                )
            self.parts.claims[ident] = self._claim(ident, stmt.text or title, stmt, stmt.data)

    def _claim(
        self,
        ident: str,
        text: str,
        item: Statement | Argument,
        data: dict[str, Any],
        extra_note: str | None = None,
    ) -> Claim:
        kind = str(data.get("kind"))
        if kind in ClaimKind._value2member_map_:
            self.explicit_kind.add(ident)
        notes = [extra_note] if extra_note else []
        if isinstance(data.get("note"), str):
            notes.append(data["note"])
        if item.section:
            notes.append(f"section: {item.section}")
        rest = {k: v for k, v in data.items() if k not in _CLAIM_KEYS}
        if rest:
            notes.append("Argdown data: " + ", ".join(f"{k}: {v}" for k, v in rest.items()))
        locator = data.get("locator")
        if locator is not None and not (isinstance(locator, str) and locator.strip()):
            self.warn(f"locator of [{ident}] is empty or not text; kept as a note", item.line,
                      item.col, ident)
            notes.append(f"locator: {locator}")
            locator = None
        cites = data.get("cites") or []
        if not (isinstance(cites, list) and all(isinstance(c, str) and c in self.sources
                                                for c in cites)):
            self.warn(
                f"cites of [{ident}] names sources the front matter does not list; kept as a note",
                item.line,
                item.col,
                ident,
            )
            notes.append(f"cites: {cites}")
            cites = []
        return Claim(
            id=ident,
            text=text,
            kind=ClaimKind(kind) if kind in ClaimKind._value2member_map_ else ClaimKind.PREMISE,
            pos=self.pos(item.line, item.col),
            locator=locator if "locator" in data else f"line {item.line}",
            tags=tuple(item.tags),
            note="; ".join(notes) or None,
            factual=data.get("factual") is True,
            common_ground=data.get("common-ground") is True,
            implicit=data.get("implicit") is True,
            cites=tuple(dict.fromkeys(str(c) for c in cites)),
        )

    # -- arguments ---------------------------------------------------------------------

    def arguments(self) -> None:
        for title, arg in self.doc.arguments.items():
            ident = self.ids.allocate(title, "argument")
            self.prov.arguments[title] = ident
            if arg.steps:
                self._linked(ident, arg)
            else:
                self._gist(ident, arg)

    def _linked(self, ident: str, arg: Argument) -> None:
        conclusion = self.prov.statements[arg.steps[-1].conclusion]
        self.anchor[("argument", arg.title)] = conclusion
        self.final_step[arg.title] = ident
        notes = [n for n in (arg.description, arg.section and f"section: {arg.section}") if n]
        if arg.tags:
            notes.append("tags: " + " ".join(f"#{t}" for t in arg.tags))
        rest = {k: v for k, v in arg.data.items() if k not in ("locator", "convergent", "implicit")}
        if rest:
            notes.append("Argdown data: " + ", ".join(f"{k}: {v}" for k, v in rest.items()))
        locator = arg.data.get("locator")
        for number, step in enumerate(arg.steps, start=1):
            last = number == len(arg.steps)
            target = self.prov.statements[step.conclusion]
            premises = tuple(
                dict.fromkeys(
                    self.prov.statements[p]
                    for p in step.premises
                    if self.prov.statements[p] != target
                )
            )
            if not premises:
                self.warn(
                    f"inference {number} of <{arg.title}> has no premise; it is left out", step.line
                )
                continue
            if arg.data.get("convergent") is True and len(arg.steps) == 1 and len(premises) == 1:
                # argmap's own export: a plain support that something undercuts
                rel = Relation("support", ("statement", ""), ("statement", ""), arg.line, arg.col)
                self.final_step[arg.title] = self._support(premises[0], target, rel)
                self.prov.arguments[arg.title] = self.final_step[arg.title]
                continue
            step_id = ident if last else self.ids.allocate(f"{ident}:{number}")
            written = step.data.get("warrant")
            warrant = self.prov.statements.get(written) if isinstance(written, str) else None
            if warrant in premises:
                self.warn(f"the warrant of inference {number} of <{arg.title}> is also one of "
                          "its premises; it is kept as a premise only", step.line)
                warrant = None
            self.parts.arguments[step_id] = MapArgument(
                id=step_id,
                conclusion=target,
                premises=premises,
                pos=self.pos(arg.line if last else step.line, arg.col if last else 1),
                linked=True,
                warrant=warrant,
                scheme=", ".join(step.rules) or None,
                locator=self._step_locator(arg, step, last, locator),
                note=self._step_note(notes if last else [], step),
                implicit=arg.data.get("implicit") is True,
            )

    @staticmethod
    def _step_note(notes: list[str], step: Step) -> str | None:
        extra = {k: v for k, v in step.data.items() if k not in ("uses", "warrant")}
        if extra:
            notes = [*notes, "inference data: " + ", ".join(f"{k}: {v}" for k, v in extra.items())]
        return "; ".join(notes) or None

    @staticmethod
    def _step_locator(arg: Argument, step: Step, last: bool, given: object) -> str | None:
        if not last:
            return f"line {step.line}"
        if given is None and "locator" in arg.data:
            return None
        return given if isinstance(given, str) else f"line {arg.line}"

    def _gist(self, ident: str, arg: Argument) -> None:
        """An argument without premise–conclusion structure: one claim states its reason."""
        self.anchor[("argument", arg.title)] = ident
        note = f"Argdown argument <{arg.title}> without premise–conclusion structure"
        self.parts.claims[ident] = self._claim(
            ident, arg.description or arg.title, arg, arg.data, note
        )

    # -- relations ---------------------------------------------------------------------

    def relations(self) -> None:
        # undercuts last: an undercut of a reason claim targets the supports it makes
        undercuts = [r for r in self.doc.relations if r.type == "undercut"]
        keys: dict[int, tuple[str, ...]] = {}
        for relation in self.doc.relations:
            if relation.type != "undercut":
                keys[id(relation)] = self._relation(relation)
        self._count_undercuts(undercuts)
        for relation in undercuts:
            keys[id(relation)] = self._relation(relation)
        self.prov.relations = [(r, keys[id(r)]) for r in self.doc.relations]

    def _count_undercuts(self, undercuts: list[Relation]) -> None:
        """Refuse, before making any, undercuts whose attacks would outgrow a map: an undercut
        of a reason claim attacks every support it makes."""
        size: dict[str, int] = {}  # the attacks' size for each reason claim undercut
        for rel in undercuts:
            if rel.target[0] == "argument" and rel.target[1] not in self.final_step:
                gist = self.anchor[rel.target]
                if gist not in size:
                    size[gist] = listed_bytes(self._inferences_from()[gist])
                label = f"undercut from {_show(rel.source)} to {_show(rel.target)}"
                self.budget.spend(size[gist], self.pos(rel.line, rel.col), label)

    def _relation(self, rel: Relation) -> tuple[str, ...]:
        source = self.anchor[rel.source]
        target_is_pcs = rel.target[0] == "argument" and rel.target[1] in self.final_step
        target = self.anchor[rel.target]
        label = f"{rel.type} from {_show(rel.source)} to {_show(rel.target)}"
        if rel.type == "undercut":
            return self._undercut(rel, source, label)
        if source == target:
            self.warn(f"{label} relates a claim to itself; left out", rel.line, rel.col)
            return ()
        if rel.type in ("support", "entails"):
            if target_is_pcs:
                self.warn(
                    f"{label}: Argdown leaves open which premise is supported, which "
                    "argmap cannot say; left out",
                    rel.line,
                    rel.col,
                    source,
                )
                return ()
            return (f"support:{self._support(source, target, rel)}",)
        if target_is_pcs:
            self.warn(
                f"{label}: an attack on an argument is imported as an undercut of its "
                "inference (Argdown leaves open which premise is attacked)",
                rel.line,
                rel.col,
                source,
            )
            return (self._attack(source, self.final_step[rel.target[1]], AttackKind.UNDERCUT, rel),)
        keys = [self._attack(source, target, AttackKind.REBUT, rel)]
        if rel.type in _SYMMETRIC:
            keys.append(self._attack(target, source, AttackKind.REBUT, rel))
        return tuple(keys)

    def _undercut(self, rel: Relation, source: str, label: str) -> tuple[str, ...]:
        if rel.target[0] == "argument" and rel.target[1] in self.final_step:
            step = self.final_step[rel.target[1]]
            return (self._attack(source, step, AttackKind.UNDERCUT, rel),)
        if rel.target[0] == "argument":
            inferences = self._inferences_from()[self.anchor[rel.target]]
            if inferences:
                return tuple(self._attack(source, a, AttackKind.UNDERCUT, rel) for a in inferences)
        self.warn(
            f"{label}: there is no inference in the map to undercut; left out",
            rel.line,
            rel.col,
            source,
        )
        return ()

    def _inferences_from(self) -> dict[str, list[str]]:
        """The arguments with each claim as their one premise (made once undercuts are read:
        they come last and make no arguments)."""
        if self.sole_premise is None:
            self.sole_premise = defaultdict(list)
            for argument in self.parts.arguments.values():
                if len(argument.premises) == 1:
                    self.sole_premise[argument.premises[0]].append(argument.id)
        return self.sole_premise

    def _support(self, premise: str, conclusion: str, rel: Relation) -> str:
        ident = f"{premise}->{conclusion}"
        if ident not in self.parts.arguments:
            self.parts.arguments[ident] = MapArgument(
                id=ident,
                conclusion=conclusion,
                premises=(premise,),
                pos=self.pos(rel.line, rel.col),
                linked=False,
                # a plain support has no locator in the map format
            )
        return ident

    def _attack(self, attacker: str, target: str, kind: AttackKind, rel: Relation) -> str:
        if rel.type not in _SYMMETRIC:
            self.objecting.add(attacker)
        key = (attacker, target, kind.value)
        self.parts.attacks.setdefault(
            key, Attack(attacker, target, kind, self.pos(rel.line, rel.col))
        )
        return f"{kind.value}:{attacker}>{target}"

    # -- kinds and the document ----------------------------------------------------------

    def assign_kinds(self) -> None:
        used = {p for a in self.parts.arguments.values() for p in a.premises}
        attackers = {a.attacker for a in self.parts.attacks.values()}
        supported = {a.conclusion for a in self.parts.arguments.values()}
        attacked = {a.target for a in self.parts.attacks.values()}
        for ident, claim in self.parts.claims.items():
            if claim.kind is not ClaimKind.PREMISE or ident in self.explicit_kind or ident in used:
                continue
            if ident in self.objecting:
                kind = ClaimKind.OBJECTION
            elif ident in supported:
                kind = ClaimKind.THESIS
            elif ident in attackers:
                kind = ClaimKind.OBJECTION
            elif ident in attacked:
                kind = ClaimKind.THESIS
            else:
                continue
            self.parts.claims[ident] = replace(claim, kind=kind)

    def document(self) -> MapDocument:
        front = self.doc.front_matter
        title = front.get("title")
        subtitle = front.get("subTitle")
        full = " ".join(str(title).split()) if title else None
        if full and subtitle:
            full = f"{full}: {' '.join(str(subtitle).split())}"
        ignored = sorted(k for k in front if k not in _PRESENTATION_KEYS)
        if ignored:
            self.warn(
                "front matter keys not imported (argmap has no place for them): "
                + ", ".join(ignored),
                1,
            )
        return MapDocument(path=self.path, version=1, title=full)


def _show(node: tuple[str, str]) -> str:
    return f"[{node[1]}]" if node[0] == "statement" else f"<{node[1]}>"


def translate(doc: ArgdownDocument, path: str) -> tuple[ImportResult, Provenance]:
    """The argmap map for a parsed Argdown document, and where each element went."""
    work = _Translator(doc, path)
    for line, col, message in doc.warnings:
        work.warn(message, line, col)
    work.statement_claims()
    work.arguments()
    work.relations()
    work.assign_kinds()
    document = work.document()
    parts = work.parts
    amap = ArgumentMap(
        parts.claims.values(),
        parts.arguments.values(),
        parts.attacks.values(),
        work.sources.values(),
        documents=[document],
    )
    return ImportResult(amap, tuple(parts.warnings)), work.prov


def read_document(path: Path) -> tuple[ImportResult, Provenance]:
    """Import an Argdown file, also returning where each Argdown element went."""
    return translate(parse_argdown(read_source_text(path), str(path)), str(path))


def read_file(path: Path) -> ImportResult:
    """Import an Argdown file as an argmap map."""
    return read_document(path)[0]
