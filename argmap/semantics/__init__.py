"""Acceptance semantics over an argument map: the compiled framework and its labellings."""
