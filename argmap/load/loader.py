"""Map files to a validated `ArgumentMap`; every refusal is a positioned `MapLoadError`."""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import NoReturn

from argmap.errors import MapLoadError, NotAMapError, Position
from argmap.load.fields import FieldReader, suggest
from argmap.load.gc_pause import cyclic_gc_paused
from argmap.load.project import project_root
from argmap.load.sections import FileContent, read_arguments, read_claims, read_sources
from argmap.load.yaml_tree import YMap, YNode, kind_name, parse_tree
from argmap.model import ArgumentMap, MapDocument

FORMAT_VERSION = 1
# About 150,000 claims: 1.5x the largest benchmark map (100,000 claims, 21 MB, checked within
# 10 s and 0.5 GB). Past this, one file is no longer a map a person reviews; `extends` splits it.
MAX_MAP_BYTES = 32 << 20
# A reviewer's layer over an author's map is two; a chain this long is a mistake or an attack.
MAX_EXTENDS_DEPTH = 16

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
    chain = _Chain(os.fspath(path))
    with cyclic_gc_paused():
        _load_file(Path(path), os.fspath(path), chain)
        return _assemble(chain.contents)


def load_text(text: str, path: str = "<string>") -> ArgumentMap:
    """Load a map from text (``extends`` is resolved relative to ``path``)."""
    chain = _Chain(path)
    with cyclic_gc_paused():
        _load_content(text, Path(path), path, chain)
        return _assemble(chain.contents)


class _Chain:
    """One load: the map named by the caller, the maps it extends, and what they hold."""

    def __init__(self, top: str) -> None:
        self.top = top
        self.contents: list[FileContent] = []
        self.files: list[Path] = []  # resolved, outermost first: the maps being read
        self._root: Path | None = None

    @property
    def root(self) -> Path:
        """The project the chain may reach into, found only when a map extends another."""
        if self._root is None:
            self._root = project_root(self.top)
        return self._root


def _load_file(path: Path, shown: str, chain: _Chain) -> None:
    text = read_text(path, shown)
    _load_content(text, path, shown, chain)


def _load_content(text: str, path: Path, shown: str, chain: _Chain) -> None:
    # Until the file is known to be a map, no error quotes it: it may be any file at all.
    root = parse_tree(text, shown, map_key="argmap")
    if root is None:
        raise NotAMapError("empty map file: expected a mapping with 'argmap: 1' and 'claims'",
                           Position(shown, 1, 1))
    if not isinstance(root, YMap):
        raise NotAMapError(f"the map must be a mapping, not {kind_name(root)}",
                           Position(shown, root.line, root.col))
    if "argmap" not in root.items:
        raise NotAMapError("the map is missing required key 'argmap'",
                           Position(shown, root.line, root.col))
    fields = FieldReader(shown)
    fields.check_keys(root, TOP_KEYS, "the map")
    version_node = root.items["argmap"][1]
    version = fields.integer(version_node, "'argmap' (the format version)")
    if version != FORMAT_VERSION:
        raise MapLoadError(
            f"unsupported format version {version}; this argmap reads version {FORMAT_VERSION}",
            fields.pos(version_node),
        )
    extends = None
    if "extends" in root.items:
        extends_node = root.items["extends"][1]
        extends = fields.string(extends_node, "'extends'")
        _load_base(path, shown, extends, fields.pos(extends_node), chain)
    content = FileContent(
        MapDocument(
            path=shown,
            version=version,
            title=fields.optional_string(root, "title"),
            source=_document_source(fields, root),
            extends=extends,
        )
    )
    read_claims(fields, fields.require(root, "claims", "the map"), content)
    if "arguments" in root.items:
        read_arguments(fields, root.items["arguments"][1], content)
    if "sources" in root.items:
        read_sources(fields, root.items["sources"][1], content)
    chain.contents.append(content)


def _load_base(path: Path, shown: str, value: str, where: Position, chain: _Chain) -> None:
    """Load the map ``value`` names, refusing anything outside the project before reading."""
    if len(chain.files) >= MAX_EXTENDS_DEPTH:
        raise MapLoadError(f"'extends' goes more than {MAX_EXTENDS_DEPTH} maps deep", where)
    if "\0" in value:
        raise MapLoadError(f"extended map {value!r} is not a valid path", where)
    if os.path.isabs(value):
        raise MapLoadError(f"extended map {value!r} is an absolute path; 'extends' takes a "
                           "path relative to this map, inside its project", where)
    # Symbolic links followed: a link inside the project may not lead out of it.
    resolved = Path(os.path.realpath(path.parent / value))
    if not resolved.is_relative_to(chain.root):
        raise MapLoadError(f"extended map {value!r} is outside the project ({chain.root}); "
                           "'extends' reads only files inside it", where)
    here = Path(os.path.realpath(path))
    files = [*chain.files, here]
    if resolved in files:
        cycle = " -> ".join(p.name for p in [*files[files.index(resolved):], resolved])
        raise MapLoadError(f"'extends' cycle: {cycle}", where)
    base_shown = os.path.normpath(os.path.join(os.path.dirname(shown), value))
    try:
        mode = os.stat(resolved).st_mode
    except OSError:
        raise MapLoadError(f"extended map {value!r} not found ({base_shown})", where) from None
    if not stat.S_ISREG(mode):  # a FIFO or a device would hang or flood the read
        raise MapLoadError(f"extended map {value!r} is not a regular file ({base_shown})",
                           where)
    chain.files.append(here)
    try:
        _load_file(path.parent / value, base_shown, chain)
    except NotAMapError as exc:  # the extending map is a map all the same: no scan skips it
        raise MapLoadError(exc.message, exc.position) from None
    finally:
        chain.files.pop()


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
    claims = [c for content in contents for c in content.claims]
    arguments = [a for content in contents for a in content.arguments]
    namespaces: dict[str, Collection[str]] = {
        "claim": {c.id for c in claims}, "argument": {a.id for a in arguments},
        "source": source_keys,
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
    return ArgumentMap(
        claims=claims,
        arguments=arguments,
        attacks=[a for content in contents for a in content.attacks],
        sources=[s for content in contents for s in content.sources],
        documents=[content.document for content in contents],
    )


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
