"""Numbered findings: the badge each marked item shows, and the list that says what each number
means, so a PNG or PDF explains itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.findings import Finding, Severity
from argmap.render.dot import Html, html_text
from argmap.render.style import FADED_BADGE, FADED_TEXT, SEVERITY_STYLES

# The list stops after this many findings; `argmap check` lists them all.
LIST_LIMIT = 100
# A message in the list is cut after this many characters (the tooltip keeps it whole).
MESSAGE_WIDTH = 90
# The list runs in up to three columns, side by side, each at least this many rows long.
_COLUMN_ROWS = 18
_MAX_COLUMNS = 3
_BADGE_PIECES = 3
_NOT_DRAWN = ' <FONT COLOR="#6E6E6E"><I>(not drawn)</I></FONT>'


@dataclass(frozen=True)
class Marks:
    """The findings on one drawn item, each with its number in the diagram's list."""

    numbered: tuple[tuple[int, Finding], ...]
    unlisted: frozenset[int] = frozenset()  # numbers past the end of the drawn list

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, in number order."""
        return tuple(finding for _, finding in self.numbered)

    @property
    def numbers(self) -> tuple[int, ...]:
        """Their numbers."""
        return tuple(number for number, _ in self.numbered)

    @property
    def worst(self) -> Severity:
        """The most serious severity among them."""
        return max((f.severity for _, f in self.numbered), key=lambda s: s.rank)


def number_findings(findings: Iterable[Finding]) -> dict[str, Marks]:
    """Number ``findings`` 1, 2, 3… in the order given, grouped by subject ("" for none)."""
    grouped: dict[str, list[tuple[int, Finding]]] = {}
    for number, finding in enumerate(findings, 1):
        grouped.setdefault(finding.claim or "", []).append((number, finding))
    return {subject: Marks(tuple(found)) for subject, found in grouped.items()}


def badge_numbers(numbers: Sequence[int], unlisted: frozenset[int] = frozenset()) -> str:
    """``3, 7``; runs of three or more as ranges (``12–15``); after three pieces, and for
    numbers the list leaves out (``unlisted``), ``+N``."""
    total = len(numbers)
    numbers = [n for n in numbers if n not in unlisted]
    pieces: list[tuple[str, int]] = []  # (text, how many numbers it stands for)
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        if end - start >= 2:
            pieces.append((f"{numbers[start]}\u2013{numbers[end]}", end - start + 1))
        else:
            pieces.extend((str(n), 1) for n in numbers[start:end + 1])
        start = end + 1
    shown = pieces[:_BADGE_PIECES]
    text = ", ".join(piece for piece, _ in shown)
    rest = total - sum(count for _, count in shown)
    return f"{text} +{rest}".strip() if rest else text


def badge_cell(marks: Marks, faded: bool = False) -> str:
    """An HTML-like table cell: the worst severity's glyph and colours, and the numbers."""
    style = SEVERITY_STYLES[marks.worst]
    fill, ink = (FADED_BADGE, FADED_TEXT) if faded else (style.badge_fill, style.badge_text)
    return (f'<TD ALIGN="RIGHT" BGCOLOR="{fill}"><FONT POINT-SIZE="10" COLOR="{ink}">'
            f"<B>{style.glyph} {badge_numbers(marks.numbers, marks.unlisted)}</B></FONT></TD>")


def badge_label(marks: Marks, faded: bool = False, note: str = "") -> Html:
    """A badge on its own (beside an inference node), with an optional plain ``note`` after it."""
    extra = f"<TD><B>{html_text(note)}</B></TD>" if note else ""
    return Html('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>'
                f"{badge_cell(marks, faded)}{extra}</TR></TABLE>>")


def severity_sample(severity: Severity) -> Html:
    """The legend's label for a severity: its name beside a badge ``glyph n``."""
    style = SEVERITY_STYLES[severity]
    return Html('<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>'
                f"<TD>{severity.value} </TD><TD BGCOLOR=\"{style.badge_fill}\">"
                f'<FONT COLOR="{style.badge_text}"><B>{style.glyph} n</B></FONT></TD>'
                "</TR></TABLE>>")


def findings_rows(numbered: Sequence[tuple[int, Finding, bool, bool]]) -> str:
    """Table rows listing ``numbered`` (the first LIST_LIMIT): number, severity, rule, message.

    Each entry is (number, finding, whether the diagram draws its subject, whether it is
    faded); the rows end by saying how many are left out. Every text is escaped: messages
    quote the map.
    """
    total = len(numbered)
    shown = numbered[:LIST_LIMIT]
    cells = [_finding_cells(*entry) for entry in shown]
    columns = min(_MAX_COLUMNS, max(1, len(cells) // _COLUMN_ROWS))
    height = -(-len(cells) // columns)
    span = 4 * columns + columns - 1
    rows = [f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><B>Findings</B>'
            f"{_count_note(len(shown), total)}</TD></TR>"]
    for row in range(height):
        parts = [cells[i] for i in range(row, len(cells), height)]
        gap = '<TD WIDTH="16"></TD>'
        filled = gap.join(parts)
        if len(parts) < columns:
            filled += gap + '<TD COLSPAN="4"></TD>'
        rows.append(f"<TR>{filled}</TR>")
    left = total - len(shown)
    if left > 0:
        rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><I>\u2026 and {left} more, '
                    "counted as +N on the badges: <FONT FACE=\"Courier\">argmap check</FONT> "
                    "lists them all</I></TD></TR>")
    return "".join(rows)


def _count_note(shown: int, total: int) -> str:
    if shown == total:
        return f" ({total})" if total != 1 else ""
    return f" ({shown} of {total} shown)"


def _finding_cells(number: int, finding: Finding, drawn: bool, faded: bool) -> str:
    style = SEVERITY_STYLES[finding.severity]
    message = finding.message
    if len(message) > MESSAGE_WIDTH:
        message = message[:MESSAGE_WIDTH - 1].rstrip() + "\u2026"
    fill, badge = (FADED_BADGE, FADED_TEXT) if faded else (style.badge_fill, style.badge_text)
    ink = f' COLOR="{FADED_TEXT}"' if faded else ""
    return (f'<TD ALIGN="RIGHT"><FONT{ink}><B>{number}</B></FONT></TD>'
            f'<TD ALIGN="LEFT" BGCOLOR="{fill}"><FONT COLOR="{badge}">'
            f"{style.glyph} {finding.severity.value}</FONT></TD>"
            f'<TD ALIGN="LEFT"><FONT FACE="Courier"{ink}>{html_text(finding.rule)}</FONT></TD>'
            f'<TD ALIGN="LEFT"><FONT{ink}>{html_text(message)}</FONT>'
            f'{"" if drawn else _NOT_DRAWN}</TD>')


