"""Word counting, the same everywhere in the app.

A word is a run of letters or digits, which may be joined by an apostrophe
(straight or curly) or a hyphen: ``don’t``, ``well-known`` and ``1920s`` are one
word each. Dashes (— –), ellipses and punctuation separate words.
Emphasis markers (``*it’s*``, ``**stop**``, ``_Titanic_’s``) are not part of the text:
words are counted in the text without them (``studio/core/emphasis.py``).
"""

from __future__ import annotations

import re

from studio.core.emphasis import may_have_markers, strip_markers

# The same rule as ``[^\W_]+(?:['’\-][^\W_]+)*``, written with possessive quantifiers
# (Python 3.11+): the greedy form never backtracks into a match anyway, so the matches are
# identical, and the engine skips saving backtrack points (about 25% faster on prose).
WORD_PATTERN = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")
# The same pattern ending in an empty group: ``findall`` then returns the empty string for
# each word instead of a copy of it, which counts about 15% faster.
_COUNT_PATTERN = re.compile(WORD_PATTERN.pattern + "()")


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (emphasis markers left out)."""
    if may_have_markers(text):
        text = strip_markers(text)
    return len(_COUNT_PATTERN.findall(text))


def words_of(text: str) -> list[str]:
    """Return the words of ``text`` in order (emphasis markers left out)."""
    if may_have_markers(text):
        text = strip_markers(text)
    return WORD_PATTERN.findall(text)
