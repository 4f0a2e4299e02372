"""Map files to a validated `ArgumentMap`; every refusal is a positioned `MapLoadError`."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import NoReturn

from argmap.errors import MapLoadError, Position
from argmap.load.fields import FieldReader, suggest
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.load.sections import FileContent, read_arguments, read_claims, read_sources
from argmap.load.yaml_tree import YMap, YNode, parse_tree
from argmap.model import ArgumentMap, MapDocument

FORMAT_VERSION = 1
# About 150,000 claims: 1.5x the largest benchmark map (100,000 claims, 21 MB, checked within
# 10 s and 0.5 GB). Past this, one file is no longer a map a person reviews; `extends` splits it.
MAX_MAP_BYTES = 32 << 20

TOP_KEYS = ("argmap", "title", "source", "extends", "claims", "arguments", "sources")
DOCUMENT_KEYS = ("title", "author", "date", "url", "publisher")


def read_text(path: Path, shown: str) -> str:
    """A file's text as UTF-8 (a BOM is allowed); positioned errors otherwise."""
    try:
        with path.open("rb") as handle:  # bounded: /dev/zero or a runaway file cannot fill memory
            data = handle.read(MAX_MAP_BYTES + 1)
    except IsADirectoryError:
        raise MapLoadError("is a directory, not a map file", Position(shown, 1, 1)) from None
    except OSError as exc:
        raise MapLoadError(f"cannot read file: {exc.strerror}", Position(shown, 1, 1)) from None
    if len(data) > MAX_MAP_BYTES:
        raise MapLoadError(
            f"file is larger than {MAX_MAP_BYTES >> 20} MB, the most argmap reads as one map; "
            "split it into maps that extend one another", Position(shown, 1, 1))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode(
            "utf-8", "replace")) + 1
        raise MapLoadError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
            Position(shown, line, col),
        ) from None


def load_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a map file and every map it extends."""
    contents: list[FileContent] = []
    with cyclic_gc_paused():
        _load_file(Path(path), os.fspath(path), contents, [])
        return _assemble(contents)


def load_text(text: str, path: str = "<string>") -> ArgumentMap:
    """Load a map from text (``extends`` is resolved relative to ``path``)."""
    contents: list[FileContent] = []
    with cyclic_gc_paused():
        _load_content(text, Path(path), path, contents, [])
        return _assemble(contents)


def _load_file(path: Path, shown: str, contents: list[FileContent], stack: list[Path]) -> None:
    text = read_text(path, shown)
    _load_content(text, path, shown, contents, stack)


def _load_content(
    text: str, path: Path, shown: str, contents: list[FileContent], stack: list[Path]
) -> None:
    root = parse_tree(text, shown)
    if root is None:
        raise MapLoadError("empty map file: expected a mapping with 'argmap: 1' and 'claims'",
                           Position(shown, 1, 1))
    fields = FieldReader(shown)
    top = fields.mapping(root, "the map")
    fields.check_keys(top, TOP_KEYS, "the map")
    version_node = fields.require(top, "argmap", "the map")
    version = fields.integer(version_node, "'argmap' (the format version)")
    if version != FORMAT_VERSION:
        raise MapLoadError(
            f"unsupported format version {version}; this argmap reads version {FORMAT_VERSION}",
            fields.pos(version_node),
        )
    extends = None
    if "extends" in top.items:
        extends_node = top.items["extends"][1]
        extends = fields.string(extends_node, "'extends'")
        _load_base(path, shown, extends, extends_node, contents, stack)
    content = FileContent(
        MapDocument(
            path=shown,
            version=version,
            title=fields.optional_string(top, "title"),
            source=_document_source(fields, top),
            extends=extends,
        )
    )
    read_claims(fields, fields.require(top, "claims", "the map"), content)
    if "arguments" in top.items:
        read_arguments(fields, top.items["arguments"][1], content)
    if "sources" in top.items:
        read_sources(fields, top.items["sources"][1], content)
    contents.append(content)


def _load_base(
    path: Path, shown: str, value: str, node: YNode, contents: list[FileContent],
    stack: list[Path],
) -> None:
    here = path.resolve()
    base_path = (path.parent / value)
    base_shown = os.path.normpath(os.path.join(os.path.dirname(shown), value))
    chain = [*stack, here]
    resolved = base_path.resolve()
    if resolved in chain:
        cycle = " -> ".join(p.name for p in [*chain[chain.index(resolved):], resolved])
        raise MapLoadError(f"'extends' cycle: {cycle}", Position(shown, node.line, node.col))
    if not base_path.is_file():
        raise MapLoadError(f"extended map {value!r} not found ({base_shown})",
                           Position(shown, node.line, node.col))
    _load_file(base_path, base_shown, contents, chain)


def _document_source(fields: FieldReader, top: YMap) -> dict[str, str]:
    if "source" not in top.items:
        return {}
    node = fields.mapping(top.items["source"][1], "'source'")
    fields.check_keys(node, DOCUMENT_KEYS, "'source'")
    result = {k: fields.string(v, f"'source.{k}'") for k, (_, v) in node.items.items()}
    if "date" in node.items:
        fields.date(node.items["date"][1], "'source.date'")
    return result


def _assemble(contents: list[FileContent]) -> ArgumentMap:
    """Check ids are unique across files and every reference resolves, then build the map."""
    ids: set[str] = set()
    source_keys: set[str] = set()
    for content in contents:
        for seen, nodes in ((ids, content.id_nodes), (source_keys, content.source_nodes)):
            fresh = dict(nodes)
            if len(fresh) != len(nodes) or not seen.isdisjoint(fresh):
                _refuse_duplicate(contents)
            seen.update(fresh)
    arguments = [a for content in contents for a in content.arguments]
    amap = ArgumentMap(
        claims=[c for content in contents for c in content.claims],
        arguments=arguments,
        attacks=[a for content in contents for a in content.attacks],
        sources=[s for content in contents for s in content.sources],
        documents=[content.document for content in contents],
    )
    namespaces: dict[str, Collection[str]] = {
        "claim": amap.claims, "argument": amap.arguments, "source": source_keys,
    }
    for content in contents:
        for target, written_at, namespace in content.references:
            if target not in namespaces[namespace]:
                _refuse_reference(content.document.path, target, written_at, namespace,
                                  namespaces)
    seen_convergent: set[str] = set()
    for arg in arguments:
        if not arg.linked:
            if arg.id in seen_convergent:
                raise MapLoadError(f"{arg.premises[0]!r} supports {arg.conclusion!r} twice",
                                   arg.pos)
            seen_convergent.add(arg.id)
        if arg.warrant is not None and arg.warrant in arg.premises:
            raise MapLoadError(f"{arg.warrant!r} is both a premise and the warrant of "
                               f"argument {arg.id!r}", arg.pos)
    return amap


def _refuse_duplicate(contents: list[FileContent]) -> NoReturn:
    """Raise for the first id or source key defined twice, naming where it was first."""
    ids: dict[str, Position] = {}
    source_keys: dict[str, Position] = {}
    for content in contents:
        path = content.document.path
        for table, nodes in ((ids, content.id_nodes), (source_keys, content.source_nodes)):
            for name, node in nodes:
                if name in table:
                    raise MapLoadError(
                        f"duplicate id {name!r} (first defined at {table[name]})",
                        Position(path, node.line, node.col),
                    )
                table[name] = Position(path, node.line, node.col)
    raise AssertionError("no duplicate id after all")


def _refuse_reference(path: str, target: str, written_at: YNode, namespace: str,
                      namespaces: Mapping[str, Collection[str]]) -> NoReturn:
    """Raise for a reference to an unknown id, with the closest known one as a hint."""
    known = set(namespaces[namespace])
    hint = suggest(target, known)
    if namespace == "claim" and target in namespaces["argument"]:
        hint = f"; {target!r} is an argument"
    raise MapLoadError(f"unknown {namespace} {target!r}{hint}",
                       Position(path, written_at.line, written_at.col))
