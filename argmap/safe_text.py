"""Untrusted text made safe to print on a terminal or into a CI log."""

from __future__ import annotations

import re

# Characters a terminal or a log viewer acts on instead of showing: C0 controls (ESC starts
# every escape sequence), DEL, C1 controls (U+009B is a one-character CSI in some terminals),
# bidi controls (they reorder what the reader sees), line and paragraph separators, and lone
# surrogates (halves of a UTF-16 pair that no encoder accepts).
_C0 = "\x00-\x08\x0b-\x1f"
_ABOVE_C0 = ("\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
             "\ud800-\udfff")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_C0}{_ABOVE_C0}]")
# Between lines a lone CR would send the cursor back over the line; CR LF is a line end.
_UNSAFE_IN_LINES = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f{_ABOVE_C0}]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_NAMED = {"\t": r"\t", "\n": r"\n", "\r": r"\r"}

# GitHub Actions runs a log line as a workflow command when, after leading white space, it
# starts with `::` (`::add-mask::`, `::stop-commands::`, `::error ...::`), and when it holds
# `##[name]` anywhere (the older syntax). The runner may compare culture-sensitively, which
# skips invisible characters, so those may sit between the marks too; colour codes (rich's own)
# before the marks are passed over as well, for a log that is read with them stripped.
_INVISIBLE = ("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2065"
              "\u3164\ufe00-\ufe0f\ufeff\uffa0")
_OLD_COMMAND = f"#(?=[{_INVISIBLE}]*#[{_INVISIBLE}]*\\[)"
_WORKFLOW_COMMAND = re.compile(
    f"^((?:[\\s{_INVISIBLE}]|\x1b\\[[0-9;]*m)*):(?=[{_INVISIBLE}]*:)|{_OLD_COMMAND}",
    re.MULTILINE)
# json.dumps escapes C0 controls; the rest is escaped as JSON, which leaves the data as it is.
_UNSAFE_IN_JSON = re.compile(f"[{_ABOVE_C0}]|{_OLD_COMMAND}")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _break_command(match: re.Match[str]) -> str:
    # The first mark is written as an escape: `\x3a:add-mask::`, `\x23#[add-mask]`.
    if match.group(1) is None:
        return r"\x23"
    return match.group(1) + r"\x3a"


def no_workflow_commands(text: str) -> str:
    """``text`` with no line that a GitHub Actions log would run as a workflow command."""
    if ":" not in text and "#" not in text:
        return text
    return _WORKFLOW_COMMAND.sub(_break_command, text)


def visible(text: str, *, one_line: bool = True) -> str:
    """``text`` with every control, escape-sequence and bidi character written as an escape
    (``\\x1b``, ``\\u202e``), and no line a CI log would run as a command.

    ``one_line`` folds line breaks into spaces and shows tabs as ``\\t``; otherwise line feeds,
    CR LF pairs and tabs stay as they are.
    """
    unsafe = _UNSAFE_IN_LINE if one_line else _UNSAFE_IN_LINES
    if unsafe.search(text) is not None:
        if one_line:
            text = _LINE_BREAK.sub(" ", text)
        text = unsafe.sub(_escape, text)
    return no_workflow_commands(text)


def json_visible(document: str) -> str:
    """A JSON text (from ``json.dumps``) with what `visible` escapes written as JSON escapes
    (``\\u009b``; ``\\u0023`` for the ``#`` of ``##[``): the same data, safe to print."""
    if _UNSAFE_IN_JSON.search(document) is None:
        return document
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
