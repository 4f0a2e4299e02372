"""The sanitiser every text output uses: what it escapes, folds and leaves alone."""

from __future__ import annotations

import json

import pytest

from argmap.findings import CheckReport, Finding, Severity
from argmap.reporters.github import report_github
from argmap.safe_text import json_visible, no_workflow_commands, visible


@pytest.mark.parametrize(("text", "one_line", "expected"), [
    ("The tram line, ¶3 — «déjà vu» 東西", True, "The tram line, ¶3 — «déjà vu» 東西"),
    ("\x1b[2Jclear", True, r"\x1b[2Jclear"),
    ("\x1b]52;c;ZXZpbA==\x07", True, r"\x1b]52;c;ZXZpbA==\x07"),
    ("\x9b31m \x7f \x00", True, r"\x9b31m \x7f \x00"),
    ("left\u202eright\u202c \u2066i\u2069 \u200f\u061c", True,
     r"left\u202eright\u202c \u2066i\u2069 \u200f\u061c"),
    ("lone \ud800", True, r"lone \ud800"),
    ("one\ntwo\r\nthree\rfour\u2028five\x85six", True, "one two three four five six"),
    ("tab\there", True, r"tab\there"),
    ("one\ntwo\r\nthree\rfour\u2028five", False, "one\ntwo\r\nthree\\rfour\\u2028five"),
    ("tab\there", False, "tab\there"),
    ("::add-mask::secret", True, r"\x3a:add-mask::secret"),
    ("text\n  ::stop-commands::t", False, "text\n  \\x3a:stop-commands::t"),
    ("a ##[add-mask]v", True, r"a \x23#[add-mask]v"),
    ("std::vector, a::b, # a [1]", True, "std::vector, a::b, # a [1]"),
])
def test_visible(text: str, one_line: bool, expected: str) -> None:
    assert visible(text, one_line=one_line) == expected
    assert visible(expected, one_line=one_line) == expected  # escaping twice changes nothing


def test_workflow_commands_hidden_behind_invisible_characters_or_colours_are_broken() -> None:
    """A runner comparing culture-sensitively skips a zero-width space; a log stripped of
    colours loses the codes in front."""
    assert no_workflow_commands("\u200b::add-mask::s") == "\u200b\\x3a:add-mask::s"
    assert no_workflow_commands("#\u200d#[add-mask]s") == "\\x23\u200d#[add-mask]s"
    assert no_workflow_commands("\x1b[2m │ \x1b[0m\n\x1b[2m   \x1b[0m::error::x") == \
        "\x1b[2m │ \x1b[0m\n\x1b[2m   \x1b[0m\\x3a:error::x"


def test_json_visible_keeps_the_data_exact() -> None:
    data = {"text": "\x1b[2J\x9b\x7f\u202eevil\u2028 ##[add-mask]x \ud800 plain «é»"}
    document = json.dumps(data, ensure_ascii=False)
    shown = json_visible(document)
    assert shown == ('{"text": "\\u001b[2J\\u009b\\u007f\\u202eevil\\u2028 \\u0023#[add-mask]x '
                     '\\ud800 plain «é»"}')
    assert json.loads(shown) == data
    assert json_visible('{"text": "plain «é»"}') == '{"text": "plain «é»"}'


def test_github_annotation_shows_escape_and_keeps_its_own_escaping() -> None:
    finding = Finding("invalid-map", Severity.ERROR, "bad \x1b[2J\n::add-mask::s", "a\x1b.yaml",
                      2, 5)
    assert report_github(CheckReport((finding,), ("a\x1b.yaml",), 0)) == (
        "::error file=a\\x1b.yaml,line=2,col=5,title=argmap invalid-map::"
        "bad \\x1b[2J%0A\\x3a:add-mask::s\n")
