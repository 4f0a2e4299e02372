"""Node labels (HTML-like, escaped) and tooltip texts (plain) for a rendered map."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.findings import Finding
from argmap.model import Argument, Claim, Source
from argmap.render.dot import Html, html_lines, html_text
from argmap.render.style import FINDING_COLOR, HEADER_SIZE, STATUS_STYLES

_HEADER_COLOR = "#333333"


def kind_name(claim: Claim) -> str:
    """A claim's kind as drawn, ``implicit assumption`` for one the mapper reconstructed."""
    return f"implicit {claim.kind.value}" if claim.implicit else claim.kind.value


def claim_label(claim: Claim, status: str | None, findings: int, hidden: int, wrap: int) -> Html:
    """A claim's box: id, kind and locator on top, badges on the right, the wrapped text below."""
    # One bold run, not a bold id beside plain text: Graphviz places each run at its own x,
    # and browsers whose font metrics differ would open gaps between runs.
    header = f"{html_text(claim.id)} \u00b7 {kind_name(claim)}"
    if claim.locator:
        header += f" \u00b7 {html_text(claim.locator)}"
    cells = [f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{HEADER_SIZE}" COLOR="{_HEADER_COLOR}">'
             f"<B>{header}</B></FONT></TD>"]
    if status is not None:
        cells.append(f'<TD ALIGN="RIGHT"><B>{STATUS_STYLES[status].marker}</B></TD>')
    if findings:
        cells.append(f'<TD ALIGN="RIGHT" BGCOLOR="{FINDING_COLOR}"><FONT POINT-SIZE="10">'
                     f"<B>\u26a0 {findings}</B></FONT></TD>")
    rows = [f"<TR>{''.join(cells)}</TR>",
            f'<TR><TD COLSPAN="{len(cells)}" ALIGN="LEFT" BALIGN="LEFT">'
            f"{html_lines(claim.text, wrap)}</TD></TR>"]
    if hidden:
        more = "1 link" if hidden == 1 else f"{hidden} links"
        rows.append(f'<TR><TD COLSPAN="{len(cells)}" ALIGN="RIGHT"><FONT POINT-SIZE="'
                    f'{HEADER_SIZE}"><I>+{more} not shown</I></FONT></TD></TR>')
    return _table(rows)


def source_label(source: Source, wrap: int) -> Html:
    """A source's note: key, then title, author and date."""
    rows = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{HEADER_SIZE}" COLOR="{_HEADER_COLOR}">'
            f"<B>{html_text(source.key)} \u00b7 source</B></FONT></TD></TR>",
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{html_lines(source.title, wrap)}</TD></TR>']
    byline = ", ".join(x for x in (source.author, source.date) if x)
    if byline:
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><I>{html_lines(byline, wrap)}</I>'
                    "</TD></TR>")
    return _table(rows)


def title_label(title: str, focus: str | None, depth: int) -> Html:
    """The diagram's caption: the map title, and the focus when only part is drawn."""
    text = f"<B>{html_text(title)}</B>"
    if focus is not None:
        text += (f'<BR/><FONT POINT-SIZE="11">around {html_text(focus)}, '
                 f"{depth} step{'s' if depth != 1 else ''}</FONT>")
    return Html(f"<{text}>")


def _table(rows: Sequence[str]) -> Html:
    return Html('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f"{''.join(rows)}</TABLE>>")


def claim_tooltip(claim: Claim, status: str | None, sources: Sequence[Source],
                  findings: Sequence[Finding], hidden: int) -> str:
    """Everything about a claim, as plain lines: full text, locator, sources, findings."""
    lines = [f"{claim.id} ({kind_name(claim)})", claim.text]
    if claim.locator:
        lines.append(f"locator: {claim.locator}")
    if claim.tags:
        lines.append(f"tags: {', '.join(claim.tags)}")
    if claim.note:
        lines.append(f"note: {claim.note}")
    if status is not None:
        lines.append(f"status: {STATUS_STYLES[status].meaning}")
    if sources:
        lines.append("sources:")
        lines.extend(f"  {_source_line(s)}" for s in sources)
    lines.extend(_finding_lines(findings))
    if hidden:
        lines.append(f"{hidden} related claim(s) outside this view")
    return "\n".join(lines)


def argument_tooltip(arg: Argument, status: str | None, findings: Sequence[Finding]) -> str:
    """An inference node's tooltip: which premises lead to which conclusion, and how."""
    kind = ("implicit " if arg.implicit else "") + ("linked argument" if arg.linked else "support")
    lines = [f"{arg.id} ({kind})", f"{' + '.join(arg.premises)} \u2192 {arg.conclusion}"]
    if arg.warrant:
        lines.append(f"warrant: {arg.warrant}")
    if arg.scheme:
        lines.append(f"scheme: {arg.scheme}")
    if arg.locator:
        lines.append(f"locator: {arg.locator}")
    if arg.note:
        lines.append(f"note: {arg.note}")
    if status in STATUS_STYLES:
        lines.append(f"status: {STATUS_STYLES[status].meaning}")
    lines.extend(_finding_lines(findings))
    return "\n".join(lines)


def source_tooltip(source: Source, findings: Sequence[Finding]) -> str:
    """A source's tooltip: the full reference."""
    lines = [_source_line(source)]
    if source.locator:
        lines.append(f"cited at {source.locator}")
    if source.note:
        lines.append(f"note: {source.note}")
    lines.extend(_finding_lines(findings))
    return "\n".join(lines)


def _source_line(source: Source) -> str:
    parts = [source.title, source.author, source.publisher, source.date, source.url]
    return f"[{source.key}] " + ", ".join(p for p in parts if p)


def _finding_lines(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    return ["findings:"] + [f"  {f.severity.value} {f.rule}: {f.message}" for f in findings]
