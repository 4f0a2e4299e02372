"""Write DOT, and escape untrusted text for each place it takes there: IDs, HTML-like labels,
tooltips, SVG element ids and links. All of argmap's DOT syntax and escaping is here."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import quote, urlsplit

from argmap.safe_text import visible

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


# Characters XML 1.0 forbids (and Graphviz copies into SVG verbatim): C0 controls except
# tab and newline, DEL and the C1 controls, and the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_HTML_SPECIAL = re.compile(r"[&<>\"'\]\\]")
_LINES: dict[int, re.Pattern[str]] = {}
_SAFE_ID = re.compile(r"[^\w.:\-]", re.UNICODE)
_ENTITY = re.compile(r"&#?\w+;")
_URL_SAFE = "/:?#[]@!$&()*+,;=%~-._"


# Graphviz refuses a quoted string longer than 16,384 bytes, and escaping can make a text four
# times longer; a node with more than this much text is unreadable anyway.
MAX_DRAWN_TEXT = 1000


def clean(text: str) -> str:
    """Replace characters SVG cannot hold with U+FFFD, so dot never writes invalid XML, show
    bidi controls as escapes, and cut a text longer than MAX_DRAWN_TEXT characters, saying
    how much was left out."""
    if len(text) > MAX_DRAWN_TEXT:
        left_out = len(text) - MAX_DRAWN_TEXT
        text = f"{text[:MAX_DRAWN_TEXT]}… [{left_out:,} more characters]"
    # Controls SVG cannot hold become U+FFFD; bidi controls and line separators, which SVG
    # holds but which reorder what a viewer shows (and reach a terminal with `-o -`), are
    # written as escapes by the one sanitiser every text output uses.
    return visible(_FORBIDDEN.sub("\ufffd", text), one_line=False)


def html_text(text: str) -> str:
    """Text for an HTML-like label: entities for markup, and backslashes doubled.

    Graphviz expands ``\\N``, ``\\G`` and the like inside HTML labels too (after decoding
    entities), so a literal backslash has to reach it as two; and its HTML lexer rejects a
    cell holding a lone ``]``, so brackets go in as character references.
    """
    return _escape_html(clean(text))


def _escape_html(text: str) -> str:
    if not _HTML_SPECIAL.search(text):  # most ids and sentences: nothing to replace
        return text
    # html.escape(text, quote=True), written out: importing the html package and its entity
    # table for this one function costs about 3 ms of every render.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace('"', "&quot;").replace("'", "&#x27;").replace("]", "&#93;")
    return escaped.replace("\\", "\\\\")


def html_lines(text: str, width: int) -> str:
    """Wrap ``text`` to ``width`` characters and join the escaped lines with ``<BR/>``."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(wrap_paragraph(paragraph, width) or [""])
    # One escape for all lines: escaping leaves the newlines between them as they are.
    return _escape_html("\n".join(lines)).replace("\n", "<BR/>")


def wrap_paragraph(paragraph: str, width: int) -> list[str]:
    """``textwrap.wrap(paragraph, width, break_on_hyphens=False)``, quicker for plain prose.

    Words split by single spaces, none longer than ``width`` and no other whitespace (which
    textwrap expands, drops at line ends or splits on): filling each line greedily, as one
    regular expression does, gives textwrap's lines without a TextWrapper per paragraph.
    Anything else goes to textwrap.
    """
    words = paragraph.split(" ")
    if not paragraph.isprintable() or "" in words or max(map(len, words)) > width:
        return textwrap.wrap(paragraph, width, break_on_hyphens=False)
    line = _LINES.get(width)
    if line is None:
        # The longest run of at most `width` characters that ends before a space or at the end.
        line = _LINES[width] = re.compile(f"(.{{1,{width}}})(?: |\\Z)")
    return line.findall(paragraph)


def tooltip_text(text: str) -> str:
    """Text for a ``tooltip`` (an escString the SVG writer unescapes twice).

    ``&`` becomes ``&amp;`` because Graphviz decodes entities in tooltips; each backslash is
    quadrupled because the tooltip passes through two rounds of backslash escapes; newlines
    become the ``\\n`` escape. Quotes are escaped when the DOT writer quotes the string.
    """
    escaped = clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\")
    return escaped.replace("\n", "\\n")


def element_id(prefix: str, name: str) -> str:
    """A stable SVG element id such as ``claim-tram``; odd characters become ``_``."""
    return f"{prefix}-{_SAFE_ID.sub('_', unicodedata.normalize('NFC', name))}"


def safe_link(url: str | None) -> str | None:
    """``url`` ready for a DOT ``URL`` attribute if it is http(s) or relative, else None.

    Anything that could name another scheme is refused: ``javascript:``, ``data:``,
    protocol-relative ``//host`` and ``/\\host``, and URLs with whitespace or controls
    (browsers drop those, so ``java\\tscript:`` would be ``javascript:``).
    """
    if not url or any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        return None
    if "\\" in url or _ENTITY.search(url):  # no second decoding can turn it into a scheme
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
    elif url.startswith("//") or ":" in url.split("/", 1)[0]:
        return None
    # Percent-encode quotes, angle brackets and non-ASCII; Graphviz writes '&' into the
    # href verbatim, so it goes in as the entity.
    return quote(url, safe=_URL_SAFE).replace("&", "&amp;")
