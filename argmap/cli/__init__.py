"""The `argmap` command line: the Typer app (app.py, one module per command or group) and the
console entry (main.py)."""
