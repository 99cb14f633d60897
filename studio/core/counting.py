"""Word counting, the same everywhere in the app.

A word is a run of letters or digits, which may be joined by an apostrophe
(straight or curly) or a hyphen: ``don’t``, ``well-known`` and ``1920s`` are one
word each. Dashes (— –), ellipses and punctuation separate words.
"""

from __future__ import annotations

import re

WORD_PATTERN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Return the number of words in ``text``."""
    return sum(1 for _ in WORD_PATTERN.finditer(text))


def words_of(text: str) -> list[str]:
    """Return the words of ``text`` in order."""
    return WORD_PATTERN.findall(text)
