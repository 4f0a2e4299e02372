"""`argmap rules`, `explain` and `schema`: what the rules and the map format are."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from argmap.cli.errors import user_errors


def list_rules() -> None:
    """List the rules with their default severity."""
    from argmap.rules import RULES

    width = max(len(rule_id) for rule_id in RULES)
    for rule_id, module in RULES.items():
        summary = (module.__doc__ or "").strip().splitlines()[0]
        typer.echo(f"{rule_id:<{width}}  {module.SEVERITY.value:<7}  {summary}")


def explain(rule: Annotated[str, typer.Argument(help="A rule id, as `argmap rules` lists.")],
            ) -> None:
    """Print a rule's documentation: rationale and examples."""
    import inspect

    from argmap import rules

    with user_errors():
        module = rules.get(rule)
    typer.echo(f"{module.ID} ({module.NAME}), default severity {module.SEVERITY.value}\n")
    typer.echo(inspect.cleandoc(module.__doc__ or ""))
    if module.OPTIONS:
        typer.echo("\nOptions: " + ", ".join(f"{k} (default {v!r})"
                                           for k, v in module.OPTIONS.items()))


def schema() -> None:
    """Print the JSON Schema (draft-07) of the map format, for editors."""
    from argmap.schema import schema_text

    sys.stdout.write(schema_text())
