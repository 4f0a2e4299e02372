"""The `argmap` command line: the Typer app, one module per command group, the console entry."""
