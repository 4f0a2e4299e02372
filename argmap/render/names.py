"""DOT node names for claims, arguments and sources: plain ids where DOT allows, else made safe."""

from __future__ import annotations

import re

from argmap.render.dot import element_id

_NOT_PLAIN = re.compile(r'["\\<>\n]')


def claim_node(claim_id: str) -> str:
    """The DOT node name of a claim (its id; claim ids cannot contain spaces)."""
    return claim_id if _plain(claim_id) else f"claim {element_id('x', claim_id)}"


def argument_node(argument_id: str) -> str:
    """The DOT node name of an argument's inference node."""
    return f"argument {argument_id if _plain(argument_id) else element_id('x', argument_id)}"


def source_node(key: str) -> str:
    """The DOT node name of a source."""
    return f"source {key if _plain(key) else element_id('x', key)}"


def _plain(name: str) -> bool:
    # Names from the loader are always plain; maps built in code might hold anything.
    return bool(name) and not _NOT_PLAIN.search(name) and name == name.strip()


