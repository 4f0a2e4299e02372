"""Write DOT text: one escaping function per place a string takes (ID or HTML label)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

# DOT's ID grammar for unquoted names (https://graphviz.org/doc/info/lang.html), ASCII only:
# anything else is written quoted. \Z, not $: a name ending in a newline must be quoted too.
_BARE_ID = re.compile(r"(?:[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))\Z")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
# A quote after an even run of backslashes (none included) needs one more backslash to stay
# inside the string; after an odd run it is already escaped.
_QUOTE_AFTER_PAIRS = re.compile(r'((?:\\\\)*)\\?"')
_ODD_TRAILING_BACKSLASHES = re.compile(r"(?<!\\)(?:\\\\)*\\\Z")


class Written(str):
    """Text already in DOT syntax (an ID, quoted if it must be): written as it is."""

    __slots__ = ()


class Html(Written):
    """An HTML-like label, ``<...>`` with its text already escaped: written as it is."""

    __slots__ = ()


def dot_id(text: str) -> str:
    """``text`` as a DOT ID: bare when DOT's grammar allows it, else a quoted string.

    Inside quotes DOT's lexer reads ``\\\\`` as a pair and ``\\"`` as a quote, so a quote gets
    a backslash unless an odd run of them already escapes it (the graphviz package's rule),
    and an odd run at the very end gets one more, so it cannot escape the closing quote.
    """
    if _BARE_ID.match(text) and text.lower() not in _KEYWORDS:
        return text
    if '"' in text:
        if "\\" in text:
            text = _QUOTE_AFTER_PAIRS.sub(r'\1\\"', text)
        else:
            text = text.replace('"', '\\"')
    if text.endswith("\\") and _ODD_TRAILING_BACKSLASHES.search(text):
        text += "\\"
    return f'"{text}"'


def written(text: str) -> Written:
    """``text`` as a DOT ID once, for a value many statements repeat (a style's colour)."""
    return Written(dot_id(text))


def dot_value(value: str) -> str:
    """An attribute value: :class:`Written` text (labels too) as it is, else as a DOT ID."""
    return value if isinstance(value, Written) else dot_id(value)


def attr_list(attrs: Mapping[str, str], label_first: bool = True) -> str:
    """`` [label=... name=value ...]``: the label first, the rest sorted by name; "" if none.

    Names are attribute names written in argmap's code, never user text, so they go in bare.
    Attribute statements sort the label in with the rest (``label_first`` False), as the
    graphviz package did, so the DOT stays as it was.
    """
    if not attrs:
        return ""
    label = attrs.get("label") if label_first else None
    parts = [] if label is None else [f"label={dot_value(label)}"]
    # dot_value inlined: this runs for every attribute of every node and edge
    parts += [f"{name}={value if isinstance(value, Written) else dot_id(value)}"
              for name, value in sorted(attrs.items()) if label is None or name != "label"]
    return f" [{' '.join(parts)}]"


class DotGraph:
    """A directed graph or subgraph being written as DOT, statement by statement."""

    def __init__(self, name: str, graph_attr: Mapping[str, str] | None = None,
                 node_attr: Mapping[str, str] | None = None,
                 edge_attr: Mapping[str, str] | None = None) -> None:
        self.name = name
        self.lines: list[str] = []
        for kind, attrs in (("graph", graph_attr), ("node", node_attr), ("edge", edge_attr)):
            if attrs:
                self.lines.append(f"\t{kind}{attr_list(attrs, label_first=False)}\n")

    def node(self, name: str, **attrs: str) -> None:
        """Declare node ``name`` with ``attrs`` (or just mention it, without)."""
        self.lines.append(f"\t{dot_id(name)}{attr_list(attrs)}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        """An edge between two whole node names (a ``:`` in a name is not a port)."""
        self.lines.append(f"\t{dot_id(tail)} -> {dot_id(head)}{attr_list(attrs)}\n")

    def attr(self, kind: str | None = None, **attrs: str) -> None:
        """Attributes of this graph (``kind`` None), or defaults for its nodes or edges."""
        if not attrs:
            return
        if kind is None:
            self.lines.append(f"\t{attr_list(attrs, label_first=False)[2:-1]}\n")
        else:
            self.lines.append(f"\t{kind}{attr_list(attrs, label_first=False)}\n")

    @contextmanager
    def subgraph(self, name: str) -> Iterator[DotGraph]:
        """A subgraph written into this graph, indented, when the ``with`` block ends."""
        child = DotGraph(name)
        yield child
        self.lines.append(f"\tsubgraph {dot_id(name)} {{\n")
        self.lines.extend(f"\t{line}" for line in child.lines)
        self.lines.append("\t}\n")

    @property
    def source(self) -> str:
        """The DOT text of the whole graph."""
        return "".join((f"digraph {dot_id(self.name)} {{\n", *self.lines, "}\n"))
