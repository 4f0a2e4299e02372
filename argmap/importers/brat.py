"""brat standoff (the argument-annotated essays) to argmap: MajorClaim, Claim, Premise, stance."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from argmap.errors import MapLoadError, Position
from argmap.findings import Finding
from argmap.importers.base import ImportResult
from argmap.importers.common import import_warning, read_source_text, sanitise_id
from argmap.model import Argument, ArgumentMap, Attack, AttackKind, Claim, ClaimKind, MapDocument

# offsets of at most 15 digits: int() refuses 4,300 digits, and no text is that long anyway
_OFFSETS = r"[0-9]{1,15} [0-9]{1,15}"
_TEXT_BOUND = re.compile(rf"(T\d+)\t(\S+) ({_OFFSETS}(?:;{_OFFSETS})*)\t(.*)")
_ATTRIBUTE = re.compile(r"(A\d+)\t(\S+) (T\d+)(?: (\S+))?")
_RELATION = re.compile(r"(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)\s*")
_NOTE = re.compile(r"(#\d+)\t\S+ (\S+)\t(.*)")
_KINDS = {"MajorClaim": ClaimKind.THESIS, "Claim": ClaimKind.PREMISE, "Premise": ClaimKind.PREMISE}


@dataclass
class _Span:
    ident: str
    label: str
    start: int
    end: int
    text: str
    line: int


def _spans_and_rest(lines: list[str], path: str) -> tuple[dict[str, _Span], list[tuple[int, str]]]:
    spans: dict[str, _Span] = {}
    rest: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line.startswith("T"):
            match = _TEXT_BOUND.fullmatch(line)
            if match is None:
                raise MapLoadError(
                    "malformed text-bound annotation (want 'Tn<TAB>Type start end<TAB>text')",
                    Position(path, number, 1),
                )
            offsets = [int(x) for x in re.split(r"[ ;]", match.group(3))]
            if match.group(1) in spans:
                raise MapLoadError(f"annotation {match.group(1)} is written twice (first at line "
                                   f"{spans[match.group(1)].line})", Position(path, number, 1))
            spans[match.group(1)] = _Span(
                match.group(1), match.group(2), min(offsets), max(offsets), match.group(4), number
            )
        else:
            rest.append((number, line))
    return spans, rest


def translate_brat(ann_text: str, essay: str | None, path: str) -> ImportResult:
    """An argmap map for a brat .ann document and (when present) the essay it annotates."""
    warnings: list[Finding] = []

    def warn(message: str, line: int, subject: str | None = None) -> None:
        warnings.append(import_warning(message, Position(path, line, 1), subject))

    spans, rest = _spans_and_rest(ann_text.splitlines(), path)
    claims: dict[str, Claim] = {}
    for span in spans.values():
        ident = sanitise_id(span.ident)
        kind = _KINDS.get(span.label)
        if kind is None:
            warn(f"entity type {span.label!r} has no argmap kind; imported as a premise", span.line)
        if essay is not None and essay[span.start : span.end] != span.text:
            warn(
                f"{span.ident}: annotated text differs from the essay at chars "
                f"{span.start}-{span.end}",
                span.line,
                ident,
            )
        claims[ident] = Claim(
            ident,
            " ".join(span.text.split()) or span.ident,
            kind or ClaimKind.PREMISE,
            Position(path, span.line, 1),
            locator=f"chars {span.start}-{span.end}",
        )
    majors = [s.ident for s in spans.values() if s.label == "MajorClaim"]
    for other in majors[1:]:
        claims[other] = replace(claims[other], note=f"restates the major claim {majors[0]}")
    arguments: dict[str, Argument] = {}
    attacks: dict[tuple[str, str], Attack] = {}

    def relate(kind: str, source: str, target: str, line: int) -> None:
        pos = Position(path, line, 1)
        if source not in claims or target not in claims:
            raise MapLoadError(f"{kind} names an unknown annotation", pos)
        if kind == "supports":
            ident = f"{source}->{target}"
            arguments.setdefault(ident, Argument(ident, target, (source,), pos, linked=False))
        elif kind == "attacks":
            attacks.setdefault((source, target), Attack(source, target, AttackKind.REBUT, pos))
        else:
            warn(f"relation type {kind!r} has no argmap counterpart; left out", line)

    for line, text in rest:
        if (match := _RELATION.fullmatch(text)) is not None:
            relate(match.group(2), match.group(3), match.group(4), line)
        elif (match := _ATTRIBUTE.fullmatch(text)) is not None and match.group(2) == "Stance":
            claim = match.group(3)
            if claim not in claims:
                raise MapLoadError("stance names an unknown annotation", Position(path, line, 1))
            if not majors:
                warn(f"stance of {claim} has no major claim to point at; left out", line)
                continue
            if match.group(4) == "Against":
                claims[claim] = replace(claims[claim], kind=ClaimKind.OBJECTION)
                relate("attacks", claim, majors[0], line)
            else:
                relate("supports", claim, majors[0], line)
        elif (match := _NOTE.fullmatch(text)) is not None and match.group(2) in claims:
            target = claims[match.group(2)]
            claims[target.id] = replace(
                target, note="; ".join(filter(None, [target.note, match.group(3)]))
            )
        else:
            warn(f"annotation has no argmap counterpart; left out: {text[:60]!r}", line)
    title = essay.strip().splitlines()[0].strip() if essay and essay.strip() else None
    amap = ArgumentMap(
        claims.values(),
        arguments.values(),
        attacks.values(),
        documents=[MapDocument(path=path, version=1, title=title)],
    )
    return ImportResult(amap, tuple(warnings))


def read_file(path: Path) -> ImportResult:
    """Import a brat ``.ann`` file (or the ``.txt`` beside it) as an argmap map."""
    ann = path.with_suffix(".ann") if path.suffix == ".txt" else path
    txt = ann.with_suffix(".txt")
    essay = read_source_text(txt) if txt.exists() else None
    result = translate_brat(read_source_text(ann), essay, str(ann))
    if essay is None:
        missing = import_warning(
            f"no essay text {txt.name} beside the annotations; offsets are not checked",
            Position(str(ann), 1, 1),
        )
        return ImportResult(result.amap, (missing, *result.warnings), inputs=(str(ann),))
    return ImportResult(result.amap, result.warnings, inputs=(str(ann), str(txt)))
