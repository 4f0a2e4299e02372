"""`argmap report`: one self-contained HTML page for a review: verdict, summary, diagram,
findings."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from argmap import __version__
from argmap.errors import RenderError
from argmap.findings import Finding, ReportedConclusion, Severity
from argmap.model import ArgumentMap, Claim, Source
from argmap.render.dot import element_id
from argmap.render.graph import RenderOptions, build_graph
from argmap.render.graphviz import render_graph
from argmap.report.style import PAGE_CSS
from argmap.report.svg import inline_svg

STATUS_WORDS = {"in": "stands", "out": "falls", "undecided": "undecided"}
STATUS_MARKS = {"in": "\u2714", "out": "\u2718", "undecided": "?"}
# No scripts, no fetches: the page can only draw itself and follow its own links.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(frozen=True)
class ReportContent:
    """What the page shows: the map, the verdict on its conclusions, its findings (numbered in
    the order given, as the diagram's badges are), claim statuses and the inline diagram."""

    amap: ArgumentMap
    findings: Sequence[Finding]
    labels: Mapping[str, str] = field(default_factory=dict)
    svg: str | None = None
    diagram_note: str | None = None
    files: Sequence[str] = ()
    conclusions: Sequence[ReportedConclusion] = ()


def e(text: object) -> str:
    """Text escaped for HTML content and quoted attributes."""
    return escape(str(text), quote=True)


def anchor(prefix: str, name: str) -> str:
    """The page-internal id for a claim (c), argument (a), source (s) or finding (f)."""
    return f"{prefix}-{name}"


def http_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL without spaces or controls, else None."""
    if not url or any(ch.isspace() or ord(ch) < 0x20 or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def render_page(content: ReportContent) -> str:
    """The whole HTML document."""
    amap = content.amap
    title = amap.title or os.path.basename(content.files[0] if content.files else "map")
    targets = _link_targets(amap)
    numbered = list(enumerate(content.findings, 1))
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{e(title)} · argmap review</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n",
        _header(amap, title, content.files),
        _verdict(content.conclusions, amap),
        _summary(content),
        _diagram(content),
        _findings_table(numbered, targets),
        _claims(content, numbered),
        _arguments(content, numbered),
        _sources(amap, numbered),
        f"<footer>Written by argmap {e(__version__)}. Claim status: grounded semantics "
        "(in: stands, out: falls, undecided: open).</footer>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _header(amap: ArgumentMap, title: str, files: Sequence[str]) -> str:
    source = next((d.source for d in reversed(amap.documents) if d.source), {})
    line = ""
    if source:
        words = ", ".join(e(source[k]) for k in ("author", "date", "publisher") if source.get(k))
        name = e(source.get("title", ""))
        url = http_url(source.get("url"))
        if url:
            name = f"<a href=\"{e(url)}\" rel=\"noopener noreferrer\">{name or e(url)}</a>"
        line = f"<p class=\"source\">Maps {name}{' — ' + words if words else ''}</p>\n"
    shown = ", ".join(f"<code>{e(f)}</code>" for f in files)
    return (f"<header>\n<p class=\"kicker\">Argument map review</p>\n<h1>{e(title)}</h1>\n{line}"
            f"<p class=\"files\">{shown}</p>\n<nav><a href=\"#verdict\">Verdict</a> "
            "<a href=\"#summary\">Summary</a> "
            "<a href=\"#diagram\">Diagram</a> <a href=\"#findings\">Findings</a> "
            "<a href=\"#claims\">Claims</a> <a href=\"#sources\">Sources</a></nav>\n</header>\n")


def _summary(content: ReportContent) -> str:
    amap = content.amap
    stats = amap.stats()
    severities = Counter(f.severity.value for f in content.findings)
    statuses = Counter(content.labels.get(c) for c in amap.claims if content.labels.get(c))
    boxes = [(stats["claims"], "claims", ""), (stats["arguments"], "linked arguments", ""),
             (stats["attacks"], "attacks", ""), (stats["sources"], "sources", "")]
    boxes += [(severities.get(s.value, 0), _plural_word(s), f"sev-{s.value}")
              for s in reversed(Severity)]
    if statuses:
        boxes += [(statuses.get(k, 0), f"{word}", f"st-{k}") for k, word in STATUS_WORDS.items()]
    cells = "".join(f"<div class=\"stat {cls}\"><b>{n}</b><span>{e(label)}</span></div>"
                    for n, label, cls in boxes)
    by_rule = Counter(f.rule for f in content.findings)
    rules = ", ".join(f"<code>{e(rule)}</code> {n}" for rule, n in by_rule.most_common())
    rules_line = f"<p class=\"by-rule\">Findings by rule: {rules}</p>\n" if rules else ""
    return (f"<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"stats\">{cells}</div>\n"
            f"{rules_line}</section>\n")


def _verdict(conclusions: Sequence[ReportedConclusion], amap: ArgumentMap) -> str:
    """Does each thesis and recommendation stand, why, and what it hangs on."""
    if not conclusions:
        return ("<section id=\"verdict\">\n<h2>Verdict</h2>\n<p class=\"note\">The map has no "
                "thesis or recommendation to judge.</p>\n</section>\n")
    rows = []
    for reported in conclusions:
        c = reported.conclusion
        claim = amap.claims.get(c.id)
        text = f"<p class=\"text\">{e(claim.text)}</p>" if claim is not None else ""
        hangs = ", ".join(_hung_on(node, amap, reported) for node in reported.hangs_on)
        rows.append(
            f"<tr class=\"st-{e(c.status)}\"><td>{_claim_link(c.id)} "
            f"<span class=\"kind\">{e(c.kind)}</span>{text}</td>"
            f"<td>{_status(c.status, mark=True)}</td><td>{e(c.reason)}</td><td>{hangs}</td></tr>\n")
    return ("<section id=\"verdict\">\n<h2>Verdict</h2>\n<table class=\"verdict\">\n<thead><tr>"
            "<th>conclusion</th><th>status</th><th>reason</th><th>hangs on</th></tr></thead>\n"
            "<tbody>\n" + "".join(rows) + "</tbody>\n</table>\n<p class=\"hint\">Grounded "
            "semantics. A conclusion hangs on a claim when it would fall with that claim taken "
            "out; reconstructed claims are ones the text needs but never states.</p>\n"
            "</section>\n")


def _hung_on(node: str, amap: ArgumentMap, reported: ReportedConclusion) -> str:
    link = _claim_link(node) if node in amap.claims else f"<code>{e(node)}</code>"
    if node in reported.reconstructed:
        return f"{link} <span class=\"recon\">(reconstructed)</span>"
    return link


def _plural_word(severity: Severity) -> str:
    return {"error": "errors", "warning": "warnings", "info": "info"}[severity.value]


def _diagram(content: ReportContent) -> str:
    if content.svg is None:
        note = e(content.diagram_note or "no diagram")
        return f"<section id=\"diagram\">\n<h2>Diagram</h2>\n<p class=\"note\">{note}</p>\n" \
               "</section>\n"
    return ("<section id=\"diagram\">\n<h2>Diagram</h2>\n<p class=\"hint\">Claims with findings "
            "take the colour of their most serious one, with a badge giving their numbers in the "
            "findings table; hover a node for its details.</p>\n"
            # A checkbox and CSS switch between fitting the page and actual size: no script.
            "<input type=\"checkbox\" id=\"actual-size\" class=\"zoom\">"
            "<label for=\"actual-size\">actual size</label>\n"
            f"<div class=\"diagram\">{content.svg}</div>\n</section>\n")


def _findings_table(numbered: Sequence[tuple[int, Finding]], targets: Mapping[str, str]) -> str:
    if not numbered:
        return ("<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"clean\">No findings: "
                "every rule passes.</p>\n</section>\n")
    rows = []
    for number, f in numbered:
        subject = ""
        if f.claim is not None:
            target = targets.get(f.claim)
            subject = (f"<a href=\"#{e(target)}\">{e(f.claim)}</a>" if target
                       else f"<code>{e(f.claim)}</code>")
        rows.append(
            f"<tr id=\"{anchor('f', str(number))}\" class=\"sev-{f.severity.value}\">"
            f"<td class=\"num\">{number}</td>"
            f"<td><span class=\"badge sev-{f.severity.value}\">{f.severity.value}</span></td>"
            f"<td class=\"impact\">{_impact(f)}</td>"
            f"<td class=\"rule\"><code>{e(f.rule)}</code></td><td>{subject}</td>"
            f"<td>{e(f.message)}</td>"
            f"<td class=\"where\">{e(os.path.basename(f.path))}:{f.line}:{f.col}</td></tr>\n")
    return ("<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"hint\">Most consequential "
            "first: findings on a claim a standing conclusion hangs on, then by how many "
            "conclusions their subject bears on, then by severity. Numbers are the diagram's "
            "badge numbers.</p>\n<table>\n<thead><tr><th>#</th><th>severity</th><th>impact</th>"
            "<th>rule</th><th>subject</th><th>message</th><th>where</th></tr></thead>\n<tbody>\n"
            + "".join(rows) + "</tbody>\n</table>\n</section>\n")


def _impact(finding: Finding) -> str:
    """Whether some standing conclusion hangs on the finding's subject, and the conclusions
    the subject bears on, linked."""
    impact = finding.impact
    if not impact.conclusions:
        return ""
    lead = "<b>load-bearing</b>; " if impact.load_bearing else ""
    return f"{lead}bears on {_links(impact.conclusions)}"


def _link_targets(amap: ArgumentMap) -> dict[str, str]:
    """Finding subject -> the anchor that shows it (a convergent support shows on its premise)."""
    targets = {key: anchor("s", key) for key in amap.sources}
    for arg in amap.arguments.values():
        targets[arg.id] = anchor("a", arg.id) if arg.linked else anchor("c", arg.premises[0])
    targets.update((cid, anchor("c", cid)) for cid in amap.claims)
    return targets


def _claims(content: ReportContent, numbered: Sequence[tuple[int, Finding]]) -> str:
    amap = content.amap
    cards = [_claim_card(amap, claim, content.labels, _about(numbered, claim.id))
             for claim in amap.claims.values()]
    return f"<section id=\"claims\">\n<h2>Claims</h2>\n{''.join(cards)}</section>\n"


def _about(numbered: Iterable[tuple[int, Finding]], subject: str) -> list[tuple[int, Finding]]:
    return [(n, f) for n, f in numbered if f.claim == subject]


def _claim_card(amap: ArgumentMap, claim: Claim, labels: Mapping[str, str],
                found: list[tuple[int, Finding]]) -> str:
    supporters = [p for a in amap.supporters_of(claim.id) for p in a.premises]
    supports = [a.conclusion for a in amap.arguments_using(claim.id)]
    rows = [
        ("supported by", _links(supporters)), ("supports", _links(supports)),
        ("attacked by", _links(a.attacker for a in amap.attackers_of(claim.id))),
        ("attacks", _links(a.target for a in amap.attacks_by(claim.id))),
        ("sources", ", ".join(_source_ref(amap.sources[k]) for k in claim.cites
                              if k in amap.sources)),
        ("tags", ", ".join(e(t) for t in claim.tags)),
        ("note", e(claim.note or "")),
        ("waives", "; ".join(f"<code>{e(w.rule)}</code>: {e(w.reason)}" for w in claim.waivers)),
    ]
    return _card("c", claim.id, claim.kind.value, labels.get(claim.id), claim.locator,
                 f"<p class=\"text\">{e(claim.text)}</p>", rows, found)


def _arguments(content: ReportContent, numbered: Sequence[tuple[int, Finding]]) -> str:
    cards = []
    for arg in content.amap.arguments.values():
        if not arg.linked:
            continue
        rows = [("concludes", _links([arg.conclusion])), ("premises", _links(arg.premises)),
                ("warrant", _links([arg.warrant] if arg.warrant else [])),
                ("scheme", e(arg.scheme or "")), ("note", e(arg.note or ""))]
        cards.append(_card("a", arg.id, "linked argument", content.labels.get(arg.id),
                           arg.locator, "", rows, _about(numbered, arg.id)))
    if not cards:
        return ""
    return f"<section id=\"arguments\">\n<h2>Linked arguments</h2>\n{''.join(cards)}</section>\n"


def _sources(amap: ArgumentMap, numbered: Sequence[tuple[int, Finding]]) -> str:
    cards = []
    for source in amap.sources.values():
        url = http_url(source.url)
        link = (f"<a href=\"{e(url)}\" rel=\"noopener noreferrer\">{e(url)}</a>" if url
                else f"<code>{e(source.url)}</code>" if source.url else "")
        rows = [("author", e(source.author or "")), ("date", e(source.date or "")),
                ("publisher", e(source.publisher or "")), ("url", link),
                ("cited by", _links(c.id for c in amap.citing(source.key))),
                ("note", e(source.note or ""))]
        cards.append(_card("s", source.key, "source", None, source.locator,
                           f"<p class=\"text\">{e(source.title)}</p>", rows,
                           _about(numbered, source.key)))
    body = "".join(cards) or "<p class=\"note\">The map lists no sources.</p>\n"
    return f"<section id=\"sources\">\n<h2>Sources</h2>\n{body}</section>\n"


def _card(prefix: str, name: str, kind: str, status: str | None, locator: str | None,
          body: str, rows: Sequence[tuple[str, str]], found: list[tuple[int, Finding]]) -> str:
    worst = max((f.severity.rank for _, f in found), default=-1)
    flag = f" worst-{[s.value for s in Severity if s.rank == worst][0]}" if found else ""
    where = f"<span class=\"loc\">{e(locator)}</span>" if locator else ""
    facts = "".join(f"<dt>{e(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    items = "".join(
        f"<li class=\"sev-{f.severity.value}\"><a href=\"#{anchor('f', str(n))}\">"
        f"<span class=\"badge sev-{f.severity.value}\">{f.severity.value}</span></a> "
        f"<code>{e(f.rule)}</code> {e(f.message)}</li>" for n, f in found)
    return (f"<article class=\"card{flag}\" id=\"{e(anchor(prefix, name))}\">\n"
            f"<h3><a class=\"id\" href=\"#{e(anchor(prefix, name))}\">{e(name)}</a> "
            f"<span class=\"kind\">{e(kind)}</span> {_status(status)} {where}</h3>\n{body}"
            + (f"<dl>{facts}</dl>\n" if facts else "")
            + (f"<ul class=\"found\">{items}</ul>\n" if items else "") + "</article>\n")


def _status(status: str | None, mark: bool = False) -> str:
    if status not in STATUS_WORDS:
        return ""
    word = STATUS_WORDS[status]
    shown = f"{STATUS_MARKS[status]} {word}" if mark else status
    return f"<span class=\"status st-{status}\" title=\"{word}\">{shown}</span>"


def _claim_link(claim_id: str) -> str:
    return f"<a href=\"#{e(anchor('c', claim_id))}\">{e(claim_id)}</a>"


def _links(ids: Iterable[str]) -> str:
    return ", ".join(_claim_link(i) for i in dict.fromkeys(ids))


def _source_ref(source: Source) -> str:
    return f"<a href=\"#{e(anchor('s', source.key))}\">{e(source.title)}</a>"


def review_page(amap: ArgumentMap, findings: Sequence[Finding], labels: Mapping[str, str], *,
                files: Sequence[str], timeout: float = 60.0,
                warn: Callable[[str], None] = lambda message: None,
                conclusions: Sequence[ReportedConclusion] = ()) -> str:
    """The review page of a checked map with its claims' ``labels`` and the verdict on its
    ``conclusions``, drawn with `dot`; the findings are numbered in the order given.

    When Graphviz is missing or fails, the page is still written, with a note in place of the
    diagram (and ``warn`` is told).
    """
    # str(): evaluate's labels are a StrEnum, whose members hash by name, not by value
    labels = {node: str(label) for node, label in labels.items()}
    svg, note = None, None
    try:
        svg = _draw(amap, findings, labels, timeout, warn)
    except RenderError as exc:
        note = f"The diagram could not be drawn: {exc.message}"
        warn(f"argmap: {note}")
    return render_page(ReportContent(amap, findings, labels, svg, note, files, conclusions))


# The diagram box is about this many points across and high; the layout that needs the least
# scrolling in it wins (a small map reads best bottom-to-top, a big one left-to-right).
_VIEW_WIDTH, _VIEW_HEIGHT = 790.0, 600.0
_TRY_BOTH_UP_TO = 300
_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


def _draw(amap: ArgumentMap, findings: Sequence[Finding], labels: Mapping[str, str],
          timeout: float, warn: Callable[[str], None]) -> str:
    drawings: list[tuple[float, int, bytes]] = []
    # Two layouts cost two runs of dot; a big map is drawn left to right straight away.
    for rankdir in ("BT", "LR") if len(amap.claims) <= _TRY_BOTH_UP_TO else ("LR",):
        # The page lists the findings itself; the badges' numbers are its rows' numbers.
        graph = build_graph(amap, findings, labels=labels,
                            options=RenderOptions(rankdir=rankdir, findings_list=False))
        data = render_graph(graph, "svg", engine="dot", timeout=timeout, fallback=True,
                            claims=len(amap.claims), warn=warn)
        drawings.append((_scrolling(data), len(drawings), data))
    return inline_svg(min(drawings)[2], _node_links(amap))


def _node_links(amap: ArgumentMap) -> dict[str, str]:
    """Diagram node ids (as render/graph.py names them) -> the anchors of their cards."""
    links = {element_id("claim", c): anchor("c", c) for c in amap.claims}
    links.update((element_id("argument", a.id), anchor("a", a.id))
                 for a in amap.arguments.values() if a.linked)
    links.update((element_id("source", k), anchor("s", k)) for k in amap.sources)
    return links


def _scrolling(svg: bytes) -> float:
    match = _SIZE.search(svg)
    if match is None:
        return float("inf")
    width, height = float(match.group(1)), float(match.group(2))
    return max(width / _VIEW_WIDTH, 1.0) * max(height / _VIEW_HEIGHT, 1.0)
