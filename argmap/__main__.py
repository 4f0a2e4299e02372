"""Allow ``python -m argmap``."""

from __future__ import annotations

from argmap.cli.main import main

main()
