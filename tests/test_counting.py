"""The fast word counter gives exactly the counts of the app's reference rule."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core.counting import WORD_PATTERN, count_words, words_of
from studio.core.emphasis import plain_text

# The rule as first written (plain greedy quantifiers): the reference the fast form must equal.
REFERENCE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

TRICKY = [
    "",
    " ",
    "don’t",
    "don't stop",
    "well-known 1920s",
    "rock ’n’ roll",
    "’Cause you’re",
    "nothin’ at all",
    "a--b",
    "a-'b",
    "-a- -b-",
    "'quoted' and ‘single’",
    "“Wren?” Isaac called.",
    "snake_case and __dunder__",
    "em—dash en–dash ellipsis… end",
    "Okonkwo-Hart D’Arcy O’Malley",
    "x-y-z-",
    "'-'-'",
    "naïve café Zoë",
    "日本語の文章 と 中文",
    "Ελληνικά κείμενα",
    "١٢٣ arabic-indic ٤٥",
    "tab\tseparated\nlines\r\nwindows",
    "a’’b a''b a--b a-’b",
    "e\u0301 combining accent",
    "emoji 🙂 between 🙂words",
    "4-5 3.14 1,000,000",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_inputs_count_as_the_reference(text: str) -> None:
    assert words_of(text) == REFERENCE.findall(text)
    assert count_words(text) == len(REFERENCE.findall(text))


def test_known_counts() -> None:
    assert count_words("don’t well-known 1920s — end… a--b") == 6
    assert count_words("“We’ll be fine,” Wren said.") == 5


PIECES = st.sampled_from(
    [
        "a",
        "Z",
        "é",
        "9",
        "_",
        "-",
        "'",
        "’",
        "‘",
        " ",
        "\n",
        "—",
        "…",
        ".",
        ",",
        "“",
        "”",
        "日",
        "٣",
        "\u0301",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_joiner_heavy_text_counts_as_the_reference(text: str) -> None:
    assert WORD_PATTERN.findall(text) == REFERENCE.findall(text)
    # Words are counted without emphasis markers (``a-_a_`` reads ``a-a``: one word).
    assert count_words(text) == len(REFERENCE.findall(plain_text(text)[0]))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_counts_as_the_reference(text: str) -> None:
    assert count_words(text) == len(REFERENCE.findall(plain_text(text)[0]))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_bounded_searches_match_the_reference(text: str, start: int, end: int) -> None:
    found = [m.span() for m in WORD_PATTERN.finditer(text, start, end)]
    assert found == [m.span() for m in REFERENCE.finditer(text, start, end)]
