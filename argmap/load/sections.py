"""A map file's claims, arguments and sources, read field by field through `FieldReader`.

Each entry is read in one pass; the first thing wrong is refused with a positioned message.
"""

from __future__ import annotations

from argmap.errors import MapLoadError
from argmap.load.fields import FieldReader
from argmap.load.yaml_tree import YMap, YNode, YScalar
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

CLAIM_KEYS = (
    "text", "kind", "locator", "tags", "note", "factual", "common-ground", "implicit", "cites",
    "supports", "rebuts", "undercuts", "waive", "answers",
)
CLAIM_KINDS = tuple(kind.value for kind in ClaimKind)  # built once: read for every claim
ARGUMENT_KEYS = (
    "conclusion", "premises", "warrant", "scheme", "locator", "note", "implicit", "waive",
)
SOURCE_KEYS = ("title", "author", "date", "url", "publisher", "locator", "note")
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


def _open_entry(fields: FieldReader, noun: str, key: YScalar, body_node: YNode,
                allowed: tuple[str, ...], content: FileContent) -> tuple[str, YMap]:
    """Check a claim's or argument's id and keys; its name for messages, and its mapping."""
    fields.identifier(key, f"{noun} id")
    content.id_nodes.append((key.value, key))
    where = f"{noun} {key.value!r}"
    body = fields.mapping(body_node, where)
    fields.check_keys(body, allowed, where)
    return where, body


def read_claims(fields: FieldReader, node: YNode, content: FileContent) -> None:
    """Every claim of the ``claims:`` mapping, into ``content``, in file order."""
    claims = fields.mapping(node, "'claims'")
    for claim_id, (key, body_node) in claims.items.items():
        _read_claim(fields, claim_id, key, body_node, content)


def _read_claim(
    fields: FieldReader, claim_id: str, key: YScalar, body_node: YNode, content: FileContent
) -> None:
    """Read one claim field by field, refusing the first thing wrong with a positioned error."""
    where, body = _open_entry(fields, "claim", key, body_node, CLAIM_KEYS, content)
    kind = ClaimKind.PREMISE
    if "kind" in body.items:
        kind = ClaimKind(fields.choice(body.items["kind"][1], CLAIM_KINDS, f"{where} 'kind'"))
    for target, item in fields.id_list(body, "supports", where):
        content.references.append((target, item, "claim"))
        content.arguments.append(Argument(
            id=convergent_id(claim_id, target), conclusion=target, premises=(claim_id,),
            pos=fields.pos(item), linked=False,
        ))
    for target, item in fields.id_list(body, "rebuts", where):
        content.references.append((target, item, "claim"))
        content.attacks.append(Attack(attacker=claim_id, target=target, kind=AttackKind.REBUT,
                                      pos=fields.pos(item)))
    for target, item in fields.id_list(body, "undercuts", where, allow_arrow=True):
        content.references.append((target, item, "argument"))
        content.attacks.append(Attack(attacker=claim_id, target=target,
                                      kind=AttackKind.UNDERCUT, pos=fields.pos(item)))
    cites = fields.id_list(body, "cites", where)
    content.references.extend((target, item, "source") for target, item in cites)
    answers = _read_answers(fields, body, where, content)
    content.claims.append(Claim(
        id=claim_id,
        text=fields.string(fields.require(body, "text", where), f"{where} 'text'"),
        kind=kind,
        pos=fields.pos(key),
        locator=fields.optional_string(body, "locator"),
        tags=tuple(fields.string_list(body.items["tags"][1], f"{where} 'tags'"))
        if "tags" in body.items else (),
        note=fields.optional_string(body, "note"),
        factual=fields.optional_bool(body, "factual"),
        common_ground=fields.optional_bool(body, "common-ground"),
        implicit=fields.optional_bool(body, "implicit"),
        cites=tuple(target for target, _ in cites),
        waivers=fields.waivers(body, where),
        answers=answers,
    ))


def _read_answers(
    fields: FieldReader, body: YMap, where: str, content: FileContent
) -> tuple[tuple[str, str], ...]:
    """A claim's ``answers``: (argument id, critical question) pairs, in file order."""
    if "answers" not in body.items:
        return ()
    answers: list[tuple[str, str]] = []
    answer_map = fields.mapping(body.items["answers"][1], f"{where} 'answers'")
    for arg_id, (arg_key, questions) in answer_map.items.items():
        fields.identifier(arg_key, "argument id", allow_arrow=True)
        content.references.append((arg_id, arg_key, "argument"))
        for question in fields.string_list(questions, f"{where} 'answers.{arg_id}'"):
            answers.append((arg_id, question))
    return tuple(answers)


def read_arguments(fields: FieldReader, node: YNode, content: FileContent) -> None:
    """Every linked argument of the ``arguments:`` mapping, into ``content``, in file order."""
    arguments = fields.mapping(node, "'arguments'")
    for arg_id, (key, body_node) in arguments.items.items():
        _read_argument(fields, arg_id, key, body_node, content)


def _read_argument(
    fields: FieldReader, arg_id: str, key: YScalar, body_node: YNode, content: FileContent
) -> None:
    """Read one argument field by field, refusing the first thing wrong with a positioned error."""
    where, body = _open_entry(fields, "argument", key, body_node, ARGUMENT_KEYS, content)
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
        _read_source(fields, source_key, key, body_node, content)


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
        author=fields.optional_string(body, "author"),
        date=fields.optional_string(body, "date"),
        url=fields.optional_string(body, "url"),
        publisher=fields.optional_string(body, "publisher"),
        locator=fields.optional_string(body, "locator"),
        note=fields.optional_string(body, "note"),
    ))
