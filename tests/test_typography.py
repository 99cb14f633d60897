"""Typography as you type and Convert Quotes: tables of what becomes what."""

from __future__ import annotations

import pytest

from studio.core.typography import (
    Replacement,
    changed_characters,
    convert_text,
    plan_conversion,
    typed_replacement,
    uses_curly_quotes,
)


def typed(line: str) -> str:
    """The line after typing its last character with typography on."""
    replacement = typed_replacement(line, len(line))
    if replacement is None:
        return line
    return line[: replacement.start] + replacement.text + line[replacement.end :]


def type_all(text: str) -> str:
    """Type ``text`` one character at a time, applying each replacement."""
    line = ""
    for char in text:
        line = typed(line + char)
    return line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('"', "“"),
        ('She said "', "She said “"),
        ('“Stop!"', "“Stop!”"),
        ('word"', "word”"),
        ("'", "‘"),
        ("don'", "don’"),
        ("“'", "“‘"),
        ('*"', "*“"),
        ('(“x”) "', "(“x”) “"),
        ('I was—"', "I was—”"),
        ("a--", "a—"),
        ("a---", "a---"),
        ("wait..", "wait.."),
        ("wait...", "wait…"),
        ("wait....", "wait...."),
        ("plain", "plain"),
    ],
)
def test_typed_character(line: str, expected: str) -> None:
    assert typed(line) == expected


@pytest.mark.parametrize(
    ("typing", "expected"),
    [
        ('"Hello," she said. "It\'s late."', "“Hello,” she said. “It’s late.”"),
        ("'cause I said so", "’cause I said so"),
        ("back in the '70s, ", "back in the ’70s, "),
        ("'Twas the night", "’Twas the night"),
        ("'quoted' word", "‘quoted’ word"),
        ("rock 'n' roll", "rock ’n’ roll"),
        ('I was—"no," she said', "I was—“no,” she said"),
        ("Wait--what... ", "Wait—what… "),
        ('*"Stop!"* she cried', "*“Stop!”* she cried"),
    ],
)
def test_typing_a_sentence(typing: str, expected: str) -> None:
    assert type_all(typing) == expected


def test_replacement_is_a_range_of_the_line() -> None:
    assert typed_replacement("a--", 3) == Replacement(1, 3, "—")
    assert typed_replacement("", 0) is None
    assert typed_replacement("ab", 5) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        ("It's 'quoted' -- really...", "It’s ‘quoted’ — really…"),
        ('*"Stop!"* she said', "*“Stop!”* she said"),
        ("'cause and '70s", "’cause and ’70s"),
        ("“already” curly", "“already” curly"),
        ('line one "a\n"line two"', "line one “a\n“line two”"),
    ],
)
def test_convert_text(text: str, expected: str) -> None:
    assert convert_text(text) == expected


def test_convert_text_can_leave_dashes() -> None:
    assert convert_text("a -- b...", dashes=False) == "a -- b..."


def test_plan_leaves_out_unchanged_scenes() -> None:
    plans = plan_conversion([("a", '"x"'), ("b", "“y”")])
    assert [(p.scene_id, p.new_text) for p in plans] == [("a", "“x”")]
    assert changed_characters(plans[0].old_text, plans[0].new_text) == 2
    assert changed_characters("a--b", "a—b") == 1


def test_default_follows_the_text() -> None:
    assert uses_curly_quotes(["plain", "it’s"])
    assert not uses_curly_quotes(['it\'s "straight"'])
    assert not uses_curly_quotes([])
