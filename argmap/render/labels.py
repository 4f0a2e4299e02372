"""Node labels (HTML-like, escaped) and tooltip texts (plain) for a rendered map."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model import Argument, Claim, Source
from argmap.render.badges import Marks, badge_cell
from argmap.render.dot import Html, html_lines, html_text
from argmap.render.style import BLACK, FADED_TEXT, HEADER_SIZE, STATUS_STYLES

LOAD_BEARING_MARK = "load-bearing"

_HEADER_COLOR = "#333333"


def kind_name(claim: Claim) -> str:
    """A claim's kind as drawn, ``implicit assumption`` for one the mapper reconstructed."""
    return f"implicit {claim.kind.value}" if claim.implicit else claim.kind.value


def claim_label(claim: Claim, status: str | None, marks: Marks | None, hidden: int, wrap: int,
                *, faded: bool = False, load_bearing: bool = False) -> Html:
    """A claim's box: id, kind and locator on top, badges on the right, the wrapped text below.

    ``faded`` greys the header and badge (a claim outside --highlight's strands);
    ``load_bearing`` adds a marker saying the highlighted conclusion hangs on it.
    """
    # One bold run, not a bold id beside plain text: Graphviz places each run at its own x,
    # and browsers whose font metrics differ would open gaps between runs.
    header = f"{html_text(claim.id)} \u00b7 {kind_name(claim)}"
    if claim.locator:
        header += f" \u00b7 {html_text(claim.locator)}"
    cells = [f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{HEADER_SIZE}" '
             f'COLOR="{FADED_TEXT if faded else _HEADER_COLOR}"><B>{header}</B></FONT></TD>']
    if status is not None:
        cells.append(f'<TD ALIGN="RIGHT"><B>{STATUS_STYLES[status].marker}</B></TD>')
    if marks is not None:
        cells.append(badge_cell(marks, faded))
    rows = [f"<TR>{''.join(cells)}</TR>",
            f'<TR><TD COLSPAN="{len(cells)}" ALIGN="LEFT" BALIGN="LEFT">'
            f"{html_lines(claim.text, wrap)}</TD></TR>"]
    if load_bearing:
        rows.insert(0, f'<TR><TD COLSPAN="{len(cells)}" ALIGN="LEFT" BGCOLOR="{BLACK}">'
                    f'<FONT POINT-SIZE="10" COLOR="#FFFFFF"><B>{LOAD_BEARING_MARK}</B></FONT>'
                    "</TD></TR>")
    if hidden:
        more = "1 link" if hidden == 1 else f"{hidden} links"
        rows.append(f'<TR><TD COLSPAN="{len(cells)}" ALIGN="RIGHT"><FONT POINT-SIZE="'
                    f'{HEADER_SIZE}"><I>+{more} not shown</I></FONT></TD></TR>')
    return _table(rows)


def source_label(source: Source, marks: Marks | None, wrap: int, *, faded: bool = False) -> Html:
    """A source's note: key (and the badge of its findings), then title, author and date."""
    header = (f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{HEADER_SIZE}" '
              f'COLOR="{FADED_TEXT if faded else _HEADER_COLOR}">'
              f"<B>{html_text(source.key)} \u00b7 source</B></FONT></TD>")
    span = ""
    if marks is not None:
        header += badge_cell(marks, faded)
        span = ' COLSPAN="2"'
    rows = [f"<TR>{header}</TR>",
            f'<TR><TD{span} ALIGN="LEFT" BALIGN="LEFT">{html_lines(source.title, wrap)}</TD></TR>']
    byline = ", ".join(x for x in (source.author, source.date) if x)
    if byline:
        rows.append(f'<TR><TD{span} ALIGN="LEFT" BALIGN="LEFT"><I>{html_lines(byline, wrap)}</I>'
                    "</TD></TR>")
    return _table(rows)


def title_label(title: str | None, focus: str | None, depth: int, highlight: str | None = None,
                findings: str = "") -> Html | None:
    """The diagram's caption: the map title, the focus when only part is drawn, what
    --highlight shows, and the rows of the findings list (``findings``), if any."""
    lines = [f"<B>{html_text(title)}</B>"] if title else []
    if focus is not None:
        lines.append(f'<FONT POINT-SIZE="11">around {html_text(focus)}, '
                     f"{depth} step{'s' if depth != 1 else ''}</FONT>")
    if highlight is not None:
        lines.append(f'<FONT POINT-SIZE="11">{html_text(highlight)}</FONT>')
    if not findings:
        return Html(f"<{'<BR/>'.join(lines)}>") if lines else None
    rows = "".join(f"<TR><TD>{line}</TD></TR>" for line in lines)
    return Html('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'{rows}<TR><TD ALIGN="LEFT"><TABLE BORDER="1" COLOR="#9A9A9A" STYLE="rounded" '
                'CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"><TR><TD><FONT POINT-SIZE="10">'
                '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
                f"{findings}</TABLE></FONT></TD></TR></TABLE></TD></TR></TABLE>>")


def _table(rows: Sequence[str]) -> Html:
    return Html('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f"{''.join(rows)}</TABLE>>")


def claim_tooltip(claim: Claim, status: str | None, sources: Sequence[Source],
                  marks: Marks | None, hidden: int, bears: str = "") -> str:
    """Everything about a claim, as plain lines: full text, locator, sources, findings, and
    (``bears``) the conclusion that hangs on it."""
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
    lines.extend(_finding_lines(marks))
    if bears:
        lines.append(f"load-bearing: {bears} would not stand without it")
    if hidden:
        lines.append(f"{hidden} related claim(s) outside this view")
    return "\n".join(lines)


def argument_tooltip(arg: Argument, status: str | None, marks: Marks | None,
                     bears: str = "") -> str:
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
    lines.extend(_finding_lines(marks))
    if bears:
        lines.append(f"load-bearing: {bears} would not stand without it")
    return "\n".join(lines)


def source_tooltip(source: Source, marks: Marks | None) -> str:
    """A source's tooltip: the full reference."""
    lines = [_source_line(source)]
    if source.locator:
        lines.append(f"cited at {source.locator}")
    if source.note:
        lines.append(f"note: {source.note}")
    lines.extend(_finding_lines(marks))
    return "\n".join(lines)


def _source_line(source: Source) -> str:
    parts = [source.title, source.author, source.publisher, source.date, source.url]
    return f"[{source.key}] " + ", ".join(p for p in parts if p)


def _finding_lines(marks: Marks | None) -> list[str]:
    if marks is None:
        return []
    return ["findings:"] + [f"  {number}. {f.severity.value} {f.rule}: {f.message}"
                            for number, f in marks.numbered]
