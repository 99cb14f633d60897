"""The tokenizer: the words a spellchecker looks at in fiction, with their offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core.spelling.tokenize import Token, iter_tokens, split_apostrophes, tokenize


def words(text: str) -> list[str]:
    return [token.word for token in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it’s don’t would’ve Spike’s", ["it’s", "don’t", "would’ve", "Spike’s"]),
        ("it's don't would've Spike's", ["it's", "don't", "would've", "Spike's"]),
        ("’cause ’em ’sides", ["’cause", "’em", "’sides"]),
        ("'cause 'em", ["'cause", "'em"]),
        ("nothin’, centuries’ and the boys' toys", ["nothin’", "centuries’", "and", "the", "boys'", "toys"]),
        ("well-known mother-in-law", ["well", "known", "mother", "in", "law"]),
        ("wait—what–now...then…there", ["wait", "what", "now", "then", "there"]),
        ("the 1st and 22nd of 1920s, 3D and 42", ["the", "and", "of", "and"]),
        ("WENT OUT", ["WENT", "OUT"]),
        ("J. R. R. Tolkien", ["J", "R", "R", "Tolkien"]),
    ],
)
def test_fiction_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_curly_quotes_around_a_word_are_not_part_of_it() -> None:
    assert words("“Run,” she said. ‘Go.’ ‘Hello’") == ["Run", "she", "said", "Go", "Hello"]
    assert words("'Hello,' she said.") == ["Hello", "she", "said"]


def test_a_closing_quote_after_an_s_or_in_word_is_kept_for_the_engine() -> None:
    assert words("‘Yes’") == ["Yes’"]
    assert words("‘I got nothin’’") == ["I", "got", "nothin’"]


def test_urls_and_email_addresses_are_skipped() -> None:
    text = "See https://example.org/a?x=teh, or www.exmaple.com, or write to som.one@exmaple.co.uk today."
    assert words(text) == ["See", "or", "or", "write", "to", "today"]


def test_offsets_point_at_the_word() -> None:
    text = "“Don’t,” he said — ’cause nothin’ 22nd."
    for token in tokenize(text):
        assert text[token.start : token.start + token.length] == token.word
    assert tokenize("ab cd", offset=10) == [Token(10, 2, "ab"), Token(13, 2, "cd")]


def test_accents_and_other_scripts_stay_whole() -> None:
    assert words("café naïve e\u0301te Ωmega мама") == ["café", "naïve", "e\u0301te", "Ωmega", "мама"]
    assert words("مرحبًا می\u200cخواهم") == ["مرحبًا", "می\u200cخواهم"]


def test_only_filters_raw_runs() -> None:
    text = "one two ’em two"
    assert [t.word for t in iter_tokens(text, only={"two", "’em"})] == ["two", "’em", "two"]


def test_split_apostrophes() -> None:
    assert split_apostrophes("’cause") == ("’", "cause", "")
    assert split_apostrophes("nothin’") == ("", "nothin", "’")
    assert split_apostrophes("it’s") == ("", "it’s", "")
    assert split_apostrophes("'") == ("", "'", "")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab’'- .…—1\nÉé\u0301")), max_size=40))
def test_tokens_are_in_order_and_match_the_text(text: str) -> None:
    end = 0
    for token in tokenize(text):
        assert token.start >= end
        assert token.length > 0
        assert text[token.start : token.start + token.length] == token.word
        assert not any(ch.isdigit() for ch in token.word)
        end = token.start + token.length
