"""Allow ``python -m argmap``."""

from __future__ import annotations

from argmap.launcher import main

main()
