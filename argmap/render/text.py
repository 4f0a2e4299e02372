"""Escape untrusted text for each place it takes in DOT: HTML labels, tooltips, ids, links."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from urllib.parse import quote, urlsplit

# Characters XML 1.0 forbids (and Graphviz copies into SVG verbatim): C0 controls except
# tab and newline, DEL and the C1 controls, and the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_HTML_SPECIAL = re.compile(r"[&<>\"'\]\\]")
_LINES: dict[int, re.Pattern[str]] = {}
_SAFE_ID = re.compile(r"[^\w.:\-]", re.UNICODE)
_ENTITY = re.compile(r"&#?\w+;")
_URL_SAFE = "/:?#[]@!$&()*+,;=%~-._"


def clean(text: str) -> str:
    """Replace characters SVG cannot hold with U+FFFD, so dot never writes invalid XML."""
    return _FORBIDDEN.sub("\ufffd", text)


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
