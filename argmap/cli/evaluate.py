"""`argmap evaluate`: label claims and arguments in, out or undecided; a table, lines or JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.console import DataFormat, plain_console
from argmap.cli.errors import user_errors

if TYPE_CHECKING:
    from rich.console import Console

    from argmap.evaluate import Evaluation, Label
    from argmap.model import ArgumentMap
    from argmap.semantics.explain import Step

# Label colours in a terminal, by label value ("in", "out", "undecided").
_STYLE = {"in": "green", "out": "red", "undecided": "yellow"}


class Semantics(StrEnum):
    """Acceptance semantics of `evaluate`."""

    GROUNDED = "grounded"
    PREFERRED = "preferred"
    STABLE = "stable"


def evaluate(
    map_path: Annotated[str, typer.Argument(metavar="MAP", help="The map to evaluate.")],
    semantics: Annotated[Semantics, typer.Option(help="Acceptance semantics.")
                         ] = Semantics.GROUNDED,
    presume: Annotated[bool, typer.Option(
        help="Let claims that nothing supports stand unless attacked.")] = False,
    why: Annotated[str | None, typer.Option(
        metavar="ID", help="Explain this claim's or argument's label.")] = None,
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.TEXT,
    # argmap.evaluate's defaults, written out: the library is imported only when run
    timeout: Annotated[float, typer.Option(
        help="Seconds the preferred or stable search may take.")] = 10.0,
    max_extensions: Annotated[int, typer.Option(
        metavar="N", help="List at most N preferred or stable extensions.")] = 100,
) -> None:
    """Label every claim and argument in, out or undecided (docs/semantics.md)."""
    from argmap.evaluate import evaluate as evaluate_map
    from argmap.load.loader import load_map

    with user_errors():
        amap = load_map(map_path)
        result = evaluate_map(amap, semantics.value, presume, timeout=timeout,
                              max_extensions=max_extensions)
        steps = result.why(why) if why is not None else None
    if output_format is DataFormat.JSON:
        sys.stdout.write(evaluation_json(result, steps))
    elif sys.stdout.isatty():
        if steps is None:
            print_evaluation(amap, result, plain_console())
        else:
            print_why(steps, plain_console())
    else:
        sys.stdout.write(evaluation_text(amap, result) if steps is None else why_text(steps))


def evaluation_json(ev: Evaluation, why: list[Step] | None = None) -> str:
    """The JSON document: version, semantics, labels; for preferred and stable also the
    extensions listed, whether there are more, and what is in in some extension."""
    document: dict[str, object] = {
        "version": 1,
        "semantics": ev.semantics,
        "presume": ev.presume,
        "labels": {node: label.value for node, label in ev.labels.items()},
    }
    if ev.semantics != "grounded":
        document["extensions"] = [sorted(extension) for extension in ev.extensions]
        document["more_extensions"] = ev.more_extensions
        document["credulous"] = [node for node in ev.labels if node in ev.credulous]
    if why is not None:
        document["why"] = [
            {"id": s.node, "kind": s.kind, "label": s.label, "reason": s.reason,
             "because": list(s.because)}
            for s in why
        ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rows(amap: ArgumentMap, ev: Evaluation) -> list[tuple[str, str, Label, str]]:
    rows = []
    for claim in amap.claims.values():
        rows.append((claim.id, claim.kind.value, ev.labels[claim.id], claim.text))
    for arg in amap.arguments.values():
        kind = "linked argument" if arg.linked else "support"
        text = " + ".join(arg.premises) + " → " + arg.conclusion
        rows.append((arg.id, kind, ev.labels[arg.id], text))
    return rows


def _summary(ev: Evaluation) -> str:
    from argmap.evaluate import Label

    counts = {label: 0 for label in Label}
    for label in ev.labels.values():
        counts[label] += 1
    text = ", ".join(f"{counts[label]} {label.value}" for label in Label)
    if ev.semantics != "grounded":
        listed = len(ev.extensions)
        if ev.more_extensions:
            text += (f"; more than {listed} {ev.semantics} extensions, "
                     f"{f'the first {listed}' if listed else 'none'} listed")
        else:
            text += f"; {listed} {ev.semantics} extension(s)"
        text += f"; {len(ev.credulous)} in some extension"
    return f"{ev.semantics}{' (presumed)' if ev.presume else ''}: {text}"


def evaluation_text(amap: ArgumentMap, ev: Evaluation) -> str:
    """Plain lines, one per claim and argument: `id<TAB>label<TAB>kind`, then a summary."""
    lines = [f"{node}\t{label.value}\t{kind}" for node, kind, label, _ in _rows(amap, ev)]
    for number, extension in enumerate(ev.extensions, 1):
        lines.append(f"extension {number}: {' '.join(sorted(extension))}")
    lines.append(_summary(ev))
    return "\n".join(lines) + "\n"


def why_text(steps: list[Step]) -> str:
    """The --why chain as plain lines, nearest step first."""
    return "".join(f"{s}\n" for s in steps)


def print_evaluation(amap: ArgumentMap, ev: Evaluation, console: Console) -> None:
    """A rich table for a terminal; map text never becomes markup (Text objects only)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, header_style="bold")
    for column in ("id", "kind", "label", "text"):
        table.add_column(column, overflow="fold")
    for node, kind, label, text in _rows(amap, ev):
        table.add_row(Text(node), Text(kind), Text(label.value, style=_STYLE[label]), Text(text))
    console.print(table)
    for number, extension in enumerate(ev.extensions, 1):
        console.print(Text(f"extension {number}: {' '.join(sorted(extension))}"))
    console.print(Text(_summary(ev), style="bold"))


def print_why(steps: list[Step], console: Console) -> None:
    """The --why chain for a terminal, labels coloured, map text literal."""
    from rich.text import Text

    for step in steps:
        line = Text(step.node)
        line.append(" is ")
        line.append(step.label, style=_STYLE[step.label])
        line.append(": " + step.reason)
        console.print(line)
