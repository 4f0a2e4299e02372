"""A native reader for Argdown: statements, arguments, premise–conclusion structures, relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.argdown.inline import Element, clean_text, parse_element
from argmap.argdown.lines import Item, group_items, read_front_matter, strip_comments
from argmap.errors import MapLoadError, Position

# relation symbol -> (relation type, True when the relation runs from the child to its parent)
_SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}
_STRICT = {"support": "entails", "attack": "contrary"}


@dataclass
class Statement:
    """An equivalence class: every statement written with one title."""

    title: str
    text: str
    line: int
    col: int
    tags: dict[str, None] = field(default_factory=dict)  # in order, each once
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    defined: bool = False


@dataclass
class Step:
    """One inference of a premise–conclusion structure."""

    premises: list[str]
    conclusion: str
    rules: list[str]
    data: dict[str, Any]
    line: int


@dataclass
class Argument:
    """An Argdown argument: its description and, if reconstructed, its premise–conclusion steps."""

    title: str
    description: str
    line: int
    col: int
    tags: dict[str, None] = field(default_factory=dict)  # in order, each once
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    """A support, attack, undercut, contradiction, contrariety or entailment."""

    type: str
    source: tuple[str, str]  # (statement | argument, title)
    target: tuple[str, str]
    line: int
    col: int


@dataclass
class ArgdownDocument:
    """What an Argdown file says, counted the way Argdown counts it."""

    front_matter: dict[str, Any]
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[tuple[int, str, int]] = field(default_factory=list)  # level, title, line
    warnings: list[tuple[int, int, str]] = field(default_factory=list)


class _Builder:
    def __init__(self, path: str, front_matter: dict[str, Any]) -> None:
        self.path = path
        self.doc = ArgdownDocument(front_matter)
        model = front_matter.get("model")
        self.strict = isinstance(model, dict) and model.get("mode") == "strict"
        self.untitled = {"statement": 0, "argument": 0}
        self.section_stack: list[tuple[int, str]] = []
        self.last_top: tuple[str, str] | None = None
        self.parents: list[tuple[int, tuple[str, str]]] = []
        self.pcs: _PcsState | None = None
        self.related: set[tuple[str, tuple[str, str], tuple[str, str]]] = set()

    @property
    def section(self) -> str | None:
        return self.section_stack[-1][1] if self.section_stack else None

    def warn(self, where: Item | Element, message: str) -> None:
        self.doc.warnings.append((where.line, where.col, message))

    def fail(self, message: str, item: Item) -> MapLoadError:
        return MapLoadError(message, Position(self.path, item.line, item.col))

    def _new_title(self, kind: str) -> str:
        self.untitled[kind] += 1
        return f"Untitled {self.untitled[kind]}"

    def register(self, element: Element) -> tuple[str, str]:
        """Add a statement or argument occurrence to its class; return (kind, title)."""
        title = element.title or self._new_title(element.kind)
        if element.kind == "argument":
            self._register_argument(title, element)
        else:
            self._register_statement(title, element)
        if element.title and not element.is_definition and element.text:
            self.doc.warnings.append(
                (
                    element.line,
                    element.col,
                    f"text after the reference to {element.title!r} is not part of any statement",
                )
            )
        return element.kind, title

    def _register_statement(self, title: str, element: Element) -> None:
        text = element.text if (element.is_definition or element.title is None) else ""
        known = self.doc.statements.get(title)
        if known is None:
            known = Statement(title, text, element.line, element.col, section=self.section)
            self.doc.statements[title] = known
        if text and not known.text:
            known.text, known.line, known.col = text, element.line, element.col
        elif text and text != known.text:
            self.doc.warnings.append(
                (
                    element.line,
                    element.col,
                    f"statement [{title}] is defined again with other text; the first is kept",
                )
            )
        known.defined = known.defined or bool(text)
        known.tags.update(dict.fromkeys(element.tags))
        known.data.update(element.data)

    def _register_argument(self, title: str, element: Element) -> None:
        known = self.doc.arguments.get(title)
        if known is None:
            known = Argument(title, "", element.line, element.col, section=self.section)
            self.doc.arguments[title] = known
        if element.is_definition and not known.description:
            known.description = element.text
        elif element.is_definition and element.text != known.description:
            self.warn(
                element,
                f"argument <{title}> is described again with other text; "
                "the first description is kept",
            )
        known.tags.update(dict.fromkeys(element.tags))
        known.data.update(element.data)

    def relate(
        self, symbol: str, parent: tuple[str, str], child: tuple[str, str], item: Item
    ) -> None:
        kind, child_to_parent = _SYMBOLS[symbol]
        source, target = (child, parent) if child_to_parent else (parent, child)
        if self.strict and source[0] == target[0] == "statement":
            kind = _STRICT.get(kind, kind)
        if (kind, source, target) not in self.related:
            self.related.add((kind, source, target))
            self.doc.relations.append(Relation(kind, source, target, item.line, item.col))

    # -- items -------------------------------------------------------------------------

    def heading(self, item: Item) -> None:
        self.end_pcs()
        element_text = parse_element(item, self.path).text
        title = clean_text(element_text)
        level = len(item.marker)
        while self.section_stack and self.section_stack[-1][0] >= level:
            self.section_stack.pop()
        self.section_stack.append((level, title))
        self.doc.sections.append((level, title, item.line))
        self.last_top, self.parents = None, []

    def paragraph(self, item: Item) -> None:
        self.end_pcs()
        node = self.register(parse_element(item, self.path))
        self.last_top = node
        self.parents = [(item.indent, node)]

    def relation(self, item: Item) -> None:
        while self.parents and self.parents[-1][0] >= item.indent:
            self.parents.pop()
        if not self.parents:
            raise self.fail(
                f"relation '{item.marker}' has no statement or argument above it "
                "to attach to (indent it under one)",
                item,
            )
        node = self.register(parse_element(item, self.path))
        self.relate(item.marker, self.parents[-1][1], node, item)
        self.parents.append((item.indent, node))

    def pcs_item(self, item: Item) -> None:
        element = parse_element(item, self.path)
        if element.kind == "argument":
            raise self.fail("a premise–conclusion structure holds statements, not arguments", item)
        if self.pcs is None:
            owner = self.last_top
            if owner is not None and owner[0] == "argument" and self.doc.arguments[owner[1]].steps:
                self.warn(
                    item,
                    f"argument <{owner[1]}> already has a premise–conclusion "
                    "structure; this one becomes an untitled argument",
                )
            if owner is None or owner[0] != "argument" or self.doc.arguments[owner[1]].steps:
                title = self._new_title("argument")
                self.doc.arguments[title] = Argument(
                    title, "", item.line, item.col, section=self.section
                )
                owner = ("argument", title)
            self.pcs = _PcsState(owner[1], item)
        node = self.register(element)
        self.pcs.add_statement(node[1])
        self.parents = [(item.indent, node)]

    def inference(self, item: Item) -> None:
        if self.pcs is None or not self.pcs.pending:
            raise self.fail("inference line without numbered premises above it", item)
        if self.pcs.inference is not None:
            raise self.fail("two inference lines without a conclusion between them", item)
        element = parse_element(item, self.path) if item.text else None
        rules = [r.strip() for r in (element.text if element else "").split(",") if r.strip()]
        uses = element.data.get("uses") if element else None
        count = len(self.pcs.numbered)
        if uses is not None and not (
            isinstance(uses, list) and all(isinstance(u, int) and 0 < u <= count for u in uses)
        ):
            self.warn(
                item,
                f"'uses' must list numbers of the {count} statements above; "
                "the inference uses all of them instead",
            )
        self.pcs.inference = (rules, element.data if element else {}, item.line)
        self.parents = []

    def end_pcs(self) -> None:
        if self.pcs is None:
            return
        pcs, self.pcs = self.pcs, None
        if pcs.inference is not None or len(pcs.pending) != 1 or not pcs.steps:
            raise self.fail(
                "premise–conclusion structure does not end with a conclusion "
                "after an inference line",
                pcs.first,
            )
        self.doc.arguments[pcs.owner].steps = pcs.steps


class _PcsState:
    """A premise–conclusion structure being read."""

    def __init__(self, owner: str, first: Item) -> None:
        self.owner = owner
        self.first = first
        self.steps: list[Step] = []
        self.numbered: list[str] = []
        self.pending: list[str] = []
        self.inference: tuple[list[str], dict[str, Any], int] | None = None

    def add_statement(self, title: str) -> None:
        self.numbered.append(title)
        if self.inference is None:
            self.pending.append(title)
            return
        rules, data, line = self.inference
        uses = data.get("uses")
        premises = list(self.pending)
        valid = range(1, len(self.numbered))  # the conclusion just added is not a premise
        if isinstance(uses, list) and uses and all(isinstance(u, int) and u in valid for u in uses):
            premises = [self.numbered[u - 1] for u in uses]
        self.steps.append(Step(premises, title, rules, data, line))
        self.inference = None
        self.pending = [title]


def parse_argdown(text: str, path: str) -> ArgdownDocument:
    """Read Argdown source; syntax errors are MapLoadError with file, line and column."""
    lines = text.splitlines()
    front_matter, start = read_front_matter(lines, path)
    lines = strip_comments(lines, start, path)
    builder = _Builder(path, front_matter)
    handlers = {
        "heading": builder.heading,
        "paragraph": builder.paragraph,
        "relation": builder.relation,
        "pcs": builder.pcs_item,
        "inference": builder.inference,
    }
    for item in group_items(lines, start, path):
        handlers[item.kind](item)
    builder.end_pcs()
    return builder.doc
