"""`argmap init`: a new map with the editor schema line, and the schema file it points at."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import UsageError
from argmap.load.dump import SCHEMA_LINE, quoted
from argmap.output import write_output

SCHEMA_FILE = "argmap.schema.json"
_SURROGATE = re.compile("[\ud800-\udfff]")

SKELETON = """\
argmap: 1
title: {title}
source:
  title: The document this map encodes
  # author: ...
  # date: 2024-01-31
  # url: https://example.org/...

claims:
  main-claim:
    kind: thesis
    text: State the text's main conclusion here, in your own words.
    locator: ¶1
  first-reason:
    kind: premise
    text: A reason the text gives for it.
    locator: ¶2
    supports: [main-claim]
    cites: [first-source]

sources:
  first-source:
    title: A reference the text cites for that reason
"""


def skeleton(title: str | None = None) -> str:
    """The text of a new, valid map (``argmap check`` passes it) with the schema line."""
    if title is None:
        title = "Untitled argument"
    if not title.strip():
        raise UsageError("the title is empty")
    if _SURROGATE.search(title):  # bytes of a command line that are not UTF-8
        raise UsageError("the title is not UTF-8 text")
    return SCHEMA_LINE + SKELETON.format(title=quoted(title))


def create_map(path: str, title: str | None = None) -> list[str]:
    """Write a new map at ``path`` (refusing to overwrite) and the schema beside it if absent.

    Returns the files written.
    """
    from argmap.schema import schema_text

    target = Path(path)
    if target.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{path!r}: a map file name ends in .yaml or .yml")
    if target.exists():
        raise UsageError(f"{path!r} already exists; refusing to overwrite it")
    written = []
    write_output(path, skeleton(title))
    written.append(path)
    schema = target.parent / SCHEMA_FILE
    if not schema.exists():
        write_output(str(schema), schema_text())
        written.append(str(schema))
    return written
