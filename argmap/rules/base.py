"""What a rule yields, and the shape every rule module has."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from argmap.errors import Position
from argmap.findings import Severity
from argmap.model import ArgumentMap


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule's report before the engine stamps its id and severity.

    ``subject`` is the claim, argument or source the problem is about (waivers match on it);
    ``severity`` lets a rule grade one problem above or below its default (an unsupported
    thesis is worse than an unsupported premise); configuration still overrides it.
    """

    message: str
    pos: Position
    subject: str | None = None
    severity: Severity | None = None
    # False when the subject is not a claim or argument (a source): waivers live on claims and
    # arguments, and a source may share an id with one of them.
    waivable: bool = True


class RuleModule(Protocol):
    """A rule: a module with these names and a docstring with rationale and examples.

    The registry (argmap/rules/__init__.py) holds its modules as this type, so a rule module
    missing one of the names, or with one of the wrong type, fails the type check.
    """

    ID: str
    NAME: str
    SEVERITY: Severity
    OPTIONS: Mapping[str, Any]
    __doc__: str | None

    def check(self, amap: ArgumentMap, options: Mapping[str, Any]) -> Iterator[Problem]: ...
