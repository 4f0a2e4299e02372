"""Claim texts wrap exactly as textwrap wraps them, and their lines are escaped once."""

from __future__ import annotations

import html
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.dot import clean, html_lines, html_text, wrap_paragraph

WORDS = st.lists(st.one_of(st.sampled_from(["a", "tram", "line", "over-capacity", "é", "😀", " ",
                                            "\t", "\u3000", "\xa0", "\u200b", "\xad", "]", "&",
                                            "x" * 40]),
                           st.text(max_size=12)),
                 max_size=30).map(" ".join)


@settings(max_examples=500)
@given(paragraph=WORDS, width=st.integers(min_value=10, max_value=60))
def test_wrap_paragraph_is_textwrap(paragraph: str, width: int) -> None:
    assert wrap_paragraph(paragraph, width) == textwrap.wrap(paragraph, width,
                                                             break_on_hyphens=False)


def test_plain_prose_is_filled_greedily() -> None:
    text = "Traffic on the east-west axis is at capacity at peak hours."
    assert wrap_paragraph(text, 20) == ["Traffic on the", "east-west axis is at",
                                        "capacity at peak", "hours."]


@settings(max_examples=200)
@given(text=st.lists(WORDS, max_size=3).map("\n".join), width=st.integers(10, 40))
def test_html_lines_escapes_each_wrapped_line(text: str, width: int) -> None:
    lines = [line for paragraph in clean(text).split("\n")
             for line in textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]]
    assert html_lines(text, width) == "<BR/>".join(html_text(line) for line in lines)


@settings(max_examples=300)
@given(text=st.text(st.sampled_from("&<>\"']\\[ aé\x00\n")) | st.text())
def test_html_text_escapes_markup_brackets_and_backslashes(text: str) -> None:
    reference = html.escape(clean(text), quote=True).replace("]", "&#93;").replace("\\", "\\\\")
    assert html_text(text) == reference
