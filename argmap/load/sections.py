"""A map file's claims, arguments and sources: a quick read of plain entries, the checked read
of the rest.

An entry is read twice at most. The quick read accepts only what the checked read would accept
and builds the same objects; at the first thing it does not vouch for (a quoted id, a waiver,
anything unusual) it gives up without side effects, and the checked read, field by field through
`FieldReader`, either accepts the entry or refuses it with its positioned message. So every
message stays the checked read's, and a 10,000-claim map skips ~100 method calls per claim.
"""

from __future__ import annotations

from typing import cast

from argmap.errors import MapLoadError, Position
from argmap.load.fields import ARROW_ID_PATTERN, ID_PATTERN, NOT_TEXT, FieldReader, is_calendar_date
from argmap.load.yaml_tree import YMap, YNode, YScalar, YSeq
from argmap.model import (
    Argument,
    Attack,
    AttackKind,
    Claim,
    ClaimKind,
    MapDocument,
    Source,
    convergent_id,
)
from argmap.model.frozen_builder import positional_builder

CLAIM_KEYS = (
    "text", "kind", "locator", "tags", "note", "factual", "common-ground", "implicit", "cites",
    "supports", "rebuts", "undercuts", "waive", "answers",
)
CLAIM_KINDS = tuple(kind.value for kind in ClaimKind)  # built once: read for every claim
ARGUMENT_KEYS = (
    "conclusion", "premises", "warrant", "scheme", "locator", "note", "implicit", "waive",
)
SOURCE_KEYS = ("title", "author", "date", "url", "publisher", "locator", "note")
_CLAIM_KEY_SET = frozenset(CLAIM_KEYS) - {"implicit"}  # implicit: the checked read
_ARGUMENT_KEY_SET = frozenset(ARGUMENT_KEYS) - {"waive", "implicit"}  # these: the checked read
_SOURCE_KEY_SET = frozenset(SOURCE_KEYS)
_KIND_BY_NAME = {kind.value: kind for kind in ClaimKind}
_BOOLEANS = {"true": True, "false": False}
_ID = ID_PATTERN.fullmatch
_ARROW_ID = ARROW_ID_PATTERN.fullmatch
# The quick read makes a claim, a position and often an argument or attack per claim.
_new_claim = positional_builder(Claim)
_new_argument = positional_builder(Argument)
_new_attack = positional_builder(Attack)
_new_position = positional_builder(Position)
_new_source = positional_builder(Source)

# An id written somewhere, to be resolved once every file is read: (id, node, namespace).
Reference = tuple[str, YNode, str]


class FileContent:
    """What one map file contributes, before references are resolved across files."""

    def __init__(self, document: MapDocument) -> None:
        self.document = document
        self.claims: list[Claim] = []
        self.arguments: list[Argument] = []
        self.attacks: list[Attack] = []
        self.sources: list[Source] = []
        self.references: list[Reference] = []
        self.id_nodes: list[tuple[str, YScalar]] = []
        self.source_nodes: list[tuple[str, YScalar]] = []


def read_claims(fields: FieldReader, node: YNode, content: FileContent) -> None:
    """Every claim of the ``claims:`` mapping, into ``content``, in file order."""
    claims = fields.mapping(node, "'claims'")
    for claim_id, (key, body_node) in claims.items.items():
        if not _read_plain_claim(fields.path, claim_id, key, body_node, content):
            _read_claim(fields, claim_id, key, body_node, content)


def _plain_string(node: YNode) -> str | None:
    """The text of a scalar `FieldReader.string` accepts, else None."""
    if type(node) is not YScalar:
        return None
    value = node.value
    if (node.plain and value in NOT_TEXT) or not value.strip():
        return None
    return value


def _plain_bool(node: YNode) -> bool | None:
    """The value of a plain ``true`` or ``false``, else None."""
    return _BOOLEANS.get(node.value) if type(node) is YScalar and node.plain else None


def _plain_ids(items: dict[str, tuple[YScalar, YNode]], key: str, arrow: bool
               ) -> list[YScalar] | tuple[()] | None:
    """The id nodes `FieldReader.id_list` accepts under ``key`` ((): absent), else None."""
    entry = items.get(key)
    if entry is None:
        return ()
    seq = entry[1]
    if type(seq) is not YSeq:
        return None
    match = _ARROW_ID if arrow else _ID
    nodes = cast("list[YScalar]", seq.items)
    for item in nodes:
        # A quoted "yes" is a valid id, but the quick read leaves such rarities to the checked one.
        if type(item) is not YScalar or item.value in NOT_TEXT or match(item.value) is None:
            return None
    if len(nodes) > 1 and len({item.value for item in nodes}) != len(nodes):
        return None
    return nodes


def _read_plain_claim(
    path: str, claim_id: str, key: YScalar, body: YNode, content: FileContent
) -> bool:
    """Read a claim the quick way and return True, or return False having changed nothing."""
    if type(body) is not YMap or claim_id in NOT_TEXT or _ID(claim_id) is None:
        return False
    items = body.items
    if not items.keys() <= _CLAIM_KEY_SET or "waive" in items or "answers" in items:
        return False
    text_entry = items.get("text")
    text = None if text_entry is None else _plain_string(text_entry[1])
    if text is None:
        return False
    kind = ClaimKind.PREMISE
    if "kind" in items:
        kind_node = items["kind"][1]
        named = _KIND_BY_NAME.get(kind_node.value) if type(kind_node) is YScalar else None
        if named is None:
            return False
        kind = named
    locator = note = None
    if "locator" in items:
        locator = _plain_string(items["locator"][1])
        if locator is None:
            return False
    if "note" in items:
        note = _plain_string(items["note"][1])
        if note is None:
            return False
    factual = _plain_bool(items["factual"][1]) if "factual" in items else False
    common_ground = (_plain_bool(items["common-ground"][1])
                     if "common-ground" in items else False)
    if factual is None or common_ground is None:
        return False
    tags: tuple[str, ...] = ()
    if "tags" in items:
        tag_list = items["tags"][1]
        if type(tag_list) is not YSeq:
            return False
        tags = tuple(_plain_string(tag) or "" for tag in tag_list.items)
        if "" in tags:
            return False
    supports = _plain_ids(items, "supports", False)
    rebuts = _plain_ids(items, "rebuts", False)
    undercuts = _plain_ids(items, "undercuts", True)
    cites = _plain_ids(items, "cites", False)
    if supports is None or rebuts is None or undercuts is None or cites is None:
        return False
    content.id_nodes.append((claim_id, key))
    references = content.references
    for item in supports:
        target = item.value
        references.append((target, item, "claim"))
        content.arguments.append(_new_argument(
            convergent_id(claim_id, target), target, (claim_id,),
            _new_position(path, item.line, item.col), False, None, None, None, None, (), False))
    for attacks, attack_kind, namespace in ((rebuts, AttackKind.REBUT, "claim"),
                                            (undercuts, AttackKind.UNDERCUT, "argument")):
        for item in attacks:
            target = item.value
            references.append((target, item, namespace))
            content.attacks.append(_new_attack(claim_id, target, attack_kind,
                                               _new_position(path, item.line, item.col)))
    for item in cites:
        references.append((item.value, item, "source"))
    content.claims.append(_new_claim(
        claim_id, text, kind, _new_position(path, key.line, key.col), locator, tags, note,
        factual, common_ground, tuple([item.value for item in cites]) if cites else (), (), (),
        False,
    ))
    return True


def _read_claim(
    fields: FieldReader, claim_id: str, key: YScalar, body_node: YNode, content: FileContent
) -> None:
    """Read one claim field by field, refusing the first thing wrong with a positioned error."""
    fields.identifier(key, "claim id")
    content.id_nodes.append((claim_id, key))
    body = fields.mapping(body_node, f"claim {claim_id!r}")
    where = f"claim {claim_id!r}"
    fields.check_keys(body, CLAIM_KEYS, where)
    kind_node = body.items.get("kind")
    kind = ClaimKind.PREMISE
    if kind_node is not None:
        kind = ClaimKind(fields.choice(kind_node[1], CLAIM_KINDS, f"{where} 'kind'"))
    pos = fields.pos(key)
    for target, item in fields.id_list(body, "supports", where):
        content.references.append((target, item, "claim"))
        content.arguments.append(Argument(
            id=convergent_id(claim_id, target), conclusion=target, premises=(claim_id,),
            pos=fields.pos(item), linked=False,
        ))
    for field_name, kind_of_attack, namespace in (
        ("rebuts", AttackKind.REBUT, "claim"), ("undercuts", AttackKind.UNDERCUT, "argument")
    ):
        for target, item in fields.id_list(body, field_name, where,
                                           allow_arrow=namespace == "argument"):
            content.references.append((target, item, namespace))
            content.attacks.append(Attack(claim_id, target, kind_of_attack, fields.pos(item)))
    cites = fields.id_list(body, "cites", where)
    content.references.extend((t, n, "source") for t, n in cites)
    answers: list[tuple[str, str]] = []
    if "answers" in body.items:
        answer_map = fields.mapping(body.items["answers"][1], f"{where} 'answers'")
        for arg_id, (arg_key, questions) in answer_map.items.items():
            fields.identifier(arg_key, "argument id", allow_arrow=True)
            content.references.append((arg_id, arg_key, "argument"))
            for question in fields.string_list(questions, f"{where} 'answers.{arg_id}'"):
                answers.append((arg_id, question))
    content.claims.append(Claim(
        id=claim_id,
        text=fields.string(fields.require(body, "text", where), f"{where} 'text'"),
        kind=kind,
        pos=pos,
        locator=fields.optional_string(body, "locator"),
        tags=tuple(fields.string_list(body.items["tags"][1], f"{where} 'tags'"))
        if "tags" in body.items else (),
        note=fields.optional_string(body, "note"),
        factual=fields.optional_bool(body, "factual"),
        common_ground=fields.optional_bool(body, "common-ground"),
        cites=tuple(t for t, _ in cites),
        waivers=fields.waivers(body, where),
        answers=tuple(answers),
        implicit=fields.optional_bool(body, "implicit"),
    ))


def read_arguments(fields: FieldReader, node: YNode, content: FileContent) -> None:
    """Every linked argument of the ``arguments:`` mapping, into ``content``, in file order."""
    arguments = fields.mapping(node, "'arguments'")
    for arg_id, (key, body_node) in arguments.items.items():
        if not _read_plain_argument(fields.path, arg_id, key, body_node, content):
            _read_argument(fields, arg_id, key, body_node, content)


def _read_plain_argument(
    path: str, arg_id: str, key: YScalar, body: YNode, content: FileContent
) -> bool:
    """Read an argument the quick way and return True, or return False having changed nothing."""
    if type(body) is not YMap or arg_id in NOT_TEXT or _ID(arg_id) is None:
        return False
    items = body.items
    if not items.keys() <= _ARGUMENT_KEY_SET or "conclusion" not in items:
        return False
    conclusion = items["conclusion"][1]
    premises = _plain_ids(items, "premises", False)
    if (not premises or type(conclusion) is not YScalar or conclusion.value in NOT_TEXT
            or _ID(conclusion.value) is None):
        return False
    warrant: YScalar | None = None
    if "warrant" in items:
        warrant_node = items["warrant"][1]
        if (type(warrant_node) is not YScalar or warrant_node.value in NOT_TEXT
                or _ID(warrant_node.value) is None):
            return False
        warrant = warrant_node
    optional: dict[str, str | None] = {"scheme": None, "locator": None, "note": None}
    for name in optional:
        if name in items:
            optional[name] = _plain_string(items[name][1])
            if optional[name] is None:
                return False
    content.id_nodes.append((arg_id, key))
    references = content.references
    references.append((conclusion.value, conclusion, "claim"))
    references.extend([(item.value, item, "claim") for item in premises])
    if warrant is not None:
        references.append((warrant.value, warrant, "claim"))
    content.arguments.append(_new_argument(
        arg_id, conclusion.value, tuple([item.value for item in premises]),
        _new_position(path, key.line, key.col), True,
        None if warrant is None else warrant.value,
        optional["scheme"], optional["locator"], optional["note"], (), False,
    ))
    return True


def _read_argument(
    fields: FieldReader, arg_id: str, key: YScalar, body_node: YNode, content: FileContent
) -> None:
    """Read one argument field by field, refusing the first thing wrong with a positioned error."""
    fields.identifier(key, "argument id")
    content.id_nodes.append((arg_id, key))
    where = f"argument {arg_id!r}"
    body = fields.mapping(body_node, where)
    fields.check_keys(body, ARGUMENT_KEYS, where)
    conclusion_node = fields.require(body, "conclusion", where)
    conclusion = fields.identifier(conclusion_node, f"{where} 'conclusion'")
    premises = fields.id_list(body, "premises", where)
    if not premises:
        raise MapLoadError(f"{where} needs at least one premise", fields.pos(
            body.items["premises"][1] if "premises" in body.items else key))
    refs: list[tuple[str, YNode]] = [(conclusion, conclusion_node), *premises]
    warrant = None
    if "warrant" in body.items:
        warrant_node = body.items["warrant"][1]
        warrant = fields.identifier(warrant_node, f"{where} 'warrant'")
        refs.append((warrant, warrant_node))
    content.references.extend((t, n, "claim") for t, n in refs)
    content.arguments.append(Argument(
        id=arg_id, conclusion=conclusion, premises=tuple(t for t, _ in premises),
        pos=fields.pos(key), linked=True, warrant=warrant,
        scheme=fields.optional_string(body, "scheme"),
        locator=fields.optional_string(body, "locator"),
        note=fields.optional_string(body, "note"),
        waivers=fields.waivers(body, where),
        implicit=fields.optional_bool(body, "implicit"),
    ))


def read_sources(fields: FieldReader, node: YNode, content: FileContent) -> None:
    """Every source of the ``sources:`` mapping, into ``content``, in file order."""
    sources = fields.mapping(node, "'sources'")
    for source_key, (key, body_node) in sources.items.items():
        if not _read_plain_source(fields.path, source_key, key, body_node, content):
            _read_source(fields, source_key, key, body_node, content)


def _read_plain_source(
    path: str, source_key: str, key: YScalar, body: YNode, content: FileContent
) -> bool:
    """Read a source the quick way and return True, or return False having changed nothing."""
    if type(body) is not YMap or source_key in NOT_TEXT or _ID(source_key) is None:
        return False
    items = body.items
    if not items.keys() <= _SOURCE_KEY_SET or "title" not in items:
        return False
    written = {name: _plain_string(value) for name, (_, value) in items.items()}
    if None in written.values():
        return False
    date = written.get("date")
    if date is not None and not is_calendar_date(date):
        return False
    content.source_nodes.append((source_key, key))
    content.sources.append(_new_source(
        source_key, written["title"], _new_position(path, key.line, key.col),
        written.get("author"), date, written.get("url"), written.get("publisher"),
        written.get("locator"), written.get("note"),
    ))
    return True


def _read_source(
    fields: FieldReader, source_key: str, key: YScalar, body_node: YNode, content: FileContent
) -> None:
    """Read one source field by field, refusing the first thing wrong with a positioned error."""
    fields.identifier(key, "source key")
    content.source_nodes.append((source_key, key))
    where = f"source {source_key!r}"
    body = fields.mapping(body_node, where)
    fields.check_keys(body, SOURCE_KEYS, where)
    if "date" in body.items:
        fields.date(body.items["date"][1], f"{where} 'date'")
    content.sources.append(Source(
        key=source_key,
        title=fields.string(fields.require(body, "title", where), f"{where} 'title'"),
        pos=fields.pos(key),
        **{name.replace("-", "_"): fields.optional_string(body, name)
           for name in SOURCE_KEYS if name != "title"},
    ))
