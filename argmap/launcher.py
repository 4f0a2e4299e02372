"""The console script: answer ``--version`` at once, start the Typer app for everything else."""

from __future__ import annotations

import sys

from argmap import __version__


def main() -> None:
    """Print the version without importing Typer, rich, networkx or yaml; else run the CLI."""
    # `argmap --version` is what scripts and editors call to probe for argmap; importing the
    # whole command line for it would take several times longer than the answer needs.
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"argmap {__version__}\n")
        return
    from argmap.cli import main as run_cli

    run_cli()
