"""Formatters of a check result: text, json, github, sarif and the rich terminal layout."""
