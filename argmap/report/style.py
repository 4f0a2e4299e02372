"""The style sheet of the HTML report, inlined so the page needs nothing from the network."""

from __future__ import annotations

PAGE_CSS = """
:root { --ink: #1d2330; --muted: #5d6675; --line: #dde2ea; --paper: #ffffff; --bg: #f5f7fa;
  --error: #c0262d; --warning: #b86e00; --info: #1f6fb2; --in: #1e7f43; --out: #9b2c2c;
  --undecided: #8a6d00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.45;
  font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, section, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; padding-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted);
  margin: 0; }
h1 { font-size: 28px; margin: 4px 0 6px; line-height: 1.2; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 2px solid
  var(--line); }
h3 { font-size: 15px; margin: 0 0 6px; }
.source, .files { margin: 2px 0; color: var(--muted); }
nav { margin: 14px 0 0; display: flex; gap: 18px; font-size: 14px; }
a { color: #1a56a8; text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 10px; }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 12px; }
.stat b { display: block; font-size: 24px; }
.stat span { color: var(--muted); font-size: 13px; }
.stat.sev-error b { color: var(--error); } .stat.sev-warning b { color: var(--warning); }
.stat.sev-info b { color: var(--info); } .stat.st-in b { color: var(--in); }
.stat.st-out b { color: var(--out); } .stat.st-undecided b { color: var(--undecided); }
#summary h3 { margin-top: 18px; }
.by-rule { margin: 12px 0 0; color: var(--muted); font-size: 14px; }
table.verdict { margin-bottom: 8px; }
table.verdict td:nth-child(2), td.impact b { white-space: nowrap; }
table.verdict .text { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
table.verdict tr.st-in td:first-child { border-left: 4px solid var(--in); }
table.verdict tr.st-out td:first-child { border-left: 4px solid var(--out); }
table.verdict tr.st-undecided td:first-child { border-left: 4px solid var(--undecided); }
.recon { color: #7a3e9d; font-size: 12px; font-weight: 600; }
td.num { color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.diagram { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  overflow: auto; padding: 8px; }
.diagram svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.zoom { margin: 0 6px 8px 0; vertical-align: -2px; }
label[for=actual-size] { font-size: 14px; color: var(--muted); }
.zoom:checked ~ .diagram { max-height: 85vh; }
.zoom:checked ~ .diagram svg { max-width: none; }
.hint, .note, .clean { color: var(--muted); }
table { width: 100%; border-collapse: collapse; background: var(--paper); font-size: 14px;
  border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: #eef1f6; font-weight: 600; font-size: 13px; }
td.rule { white-space: nowrap; }
td.where { white-space: nowrap; color: var(--muted); font-size: 13px; }
tr:target, .card:target { outline: 3px solid #f2c94c; outline-offset: -1px; }
.badge, .status, .kind, .loc { display: inline-block; border-radius: 10px; padding: 0 8px;
  font-size: 12px; font-weight: 600; line-height: 20px; vertical-align: 1px; }
.badge.sev-error { background: #fbe3e4; color: var(--error); }
.badge.sev-warning { background: #fdf0d9; color: var(--warning); }
.badge.sev-info { background: #e2effa; color: var(--info); }
.status.st-in { background: #dff3e6; color: var(--in); }
.status.st-out { background: #f6e0e0; color: var(--out); }
.status.st-undecided { background: #f7efcf; color: var(--undecided); }
.kind { background: #eceff4; color: var(--muted); font-weight: 500; }
.loc { color: var(--muted); font-weight: 400; }
.card { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid
  var(--line); border-radius: 8px; padding: 12px 14px; margin: 0 0 10px; }
.card.worst-error { border-left-color: var(--error); }
.card.worst-warning { border-left-color: var(--warning); }
.card.worst-info { border-left-color: var(--info); }
.card .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.card .text { margin: 4px 0 8px; font-size: 15px; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0;
  font-size: 13px; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
.found { list-style: none; padding: 0; margin: 8px 0 0; font-size: 13px; }
.found li { margin: 3px 0; }
footer { color: var(--muted); font-size: 12px; padding-top: 24px; padding-bottom: 32px; }
@media print { .diagram { max-height: none; overflow: visible; } body { background: white; } }
"""
