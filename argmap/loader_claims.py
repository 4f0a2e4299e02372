"""The `claims:` of a map file: a quick read of well-formed claims, the checked read of the rest.

A claim is read twice at most. The quick read accepts only what the checked read would accept
and builds the same objects; at the first thing it does not vouch for (a quoted id, a waiver,
anything unusual) it gives up without side effects, and the checked read, field by field through
`FieldReader`, either accepts the claim or refuses it with its positioned message. So every
message stays the checked read's, and a 10,000-claim map skips ~100 method calls per claim.
"""

from __future__ import annotations

from typing import cast

from argmap.errors import Position
from argmap.fields import ARROW_ID_PATTERN, ID_PATTERN, NOT_TEXT, FieldReader
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
from argmap.yaml_tree import YMap, YNode, YScalar, YSeq

CLAIM_KEYS = (
    "text", "kind", "locator", "tags", "note", "factual", "common-ground", "cites",
    "supports", "rebuts", "undercuts", "waive", "answers",
)
CLAIM_KINDS = tuple(kind.value for kind in ClaimKind)  # built once: read for every claim
_CLAIM_KEY_SET = frozenset(CLAIM_KEYS)
_KIND_BY_NAME = {kind.value: kind for kind in ClaimKind}
_BOOLEANS = {"true": True, "false": False}
_ID = ID_PATTERN.fullmatch
_ARROW_ID = ARROW_ID_PATTERN.fullmatch

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
    optional: list[str | None] = []
    for name in ("locator", "note"):
        value = None
        if name in items:
            value = _plain_string(items[name][1])
            if value is None:
                return False
        optional.append(value)
    flags: list[bool] = []
    for name in ("factual", "common-ground"):
        flag = False
        if name in items:
            flag_node = items[name][1]
            written = (_BOOLEANS.get(flag_node.value)
                       if type(flag_node) is YScalar and flag_node.plain else None)
            if written is None:
                return False
            flag = written
        flags.append(flag)
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
        content.arguments.append(Argument(convergent_id(claim_id, target), target, (claim_id,),
                                          Position(path, item.line, item.col), False))
    for attacks, attack_kind, namespace in ((rebuts, AttackKind.REBUT, "claim"),
                                            (undercuts, AttackKind.UNDERCUT, "argument")):
        for item in attacks:
            target = item.value
            references.append((target, item, namespace))
            content.attacks.append(Attack(claim_id, target, attack_kind,
                                          Position(path, item.line, item.col)))
    for item in cites:
        references.append((item.value, item, "source"))
    content.claims.append(Claim(
        claim_id, text, kind, Position(path, key.line, key.col), optional[0], tags, optional[1],
        flags[0], flags[1], tuple(item.value for item in cites),
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
    ))
