"""Typography for fiction: curly quotes and apostrophes, em dashes and ellipses.

Two uses. As you type: ``typed_replacement(line, cursor)`` says what the character just
typed (or the word it ended) becomes. Over whole texts: ``convert_text`` for *Convert
Quotes…*, which reuses the publishing rules of ``text_transforms.curly_quotes`` and reads
the quotes through emphasis markers (``*"Stop!"*`` opens its quote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from studio.core.emphasis import around_markers
from studio.core.text_transforms import ELISIONS, curly_quotes

CURLY = "“”‘’"
MARKERS = "*_"
# A quote typed after one of these opens (after white space, a bracket or another quote).
_OPENS_AFTER = frozenset("([{“‘\"'")
_DASHES = "—–"
_ELISION_WORD = re.compile(rf"(?:{ELISIONS}|\d\ds|\d\d)", re.IGNORECASE)


class Replacement(NamedTuple):
    """Replace ``line[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


class QuotesPlan(NamedTuple):
    """One scene's text before and after a conversion."""

    scene_id: str
    old_text: str
    new_text: str


def uses_curly_quotes(texts: Iterable[str]) -> bool:
    """Whether the texts already hold typographic quotes (the default of typography as you type)."""
    return any(any(char in text for char in CURLY) for text in texts)


def _previous(before: str) -> str:
    """The character before the caret, looking through emphasis markers (``*"`` opens)."""
    return before.rstrip(MARKERS)[-1:]


def _opens(before: str) -> bool:
    previous = _previous(before)
    return not previous or previous.isspace() or previous in _OPENS_AFTER


def typed_replacement(line: str, cursor: int) -> Replacement | None:
    """What typing the character at ``line[cursor - 1]`` turns into, if anything (offsets in ``line``).

    ``"`` and ``'`` become opening or closing quotes (after a dash they close: ``—”``, turned
    round if a letter follows at once); ``--`` an em dash, ``...`` an ellipsis. A word ended
    after an opening ``‘`` that is a known elision (``‘cause``, ``‘70s``) turns it into ``’``.
    """
    if cursor <= 0 or cursor > len(line):
        return None
    typed, before = line[cursor - 1], line[: cursor - 1]
    if typed == '"':
        return Replacement(cursor - 1, cursor, "“" if _opens(before) else "”")
    if typed == "'":
        if _opens(before):
            return Replacement(cursor - 1, cursor, "‘")
        elision = _elision(before)  # rock ‘n' roll: the ‘ was an apostrophe too
        if elision is not None:
            return Replacement(elision.start, cursor, "’" + before[elision.end :] + "’")
        return Replacement(cursor - 1, cursor, "’")
    if typed == "-" and before.endswith("-") and not before.endswith("--"):
        return Replacement(cursor - 2, cursor, "—")
    if typed == "." and before.endswith("..") and not before.endswith("..."):
        return Replacement(cursor - 3, cursor, "…")
    if typed.isalnum() and before[-1:] in ("”", "’") and before[-2:-1] in _DASHES:
        return Replacement(cursor - 2, cursor - 1, "“" if before[-1] == "”" else "‘")
    if not typed.isalnum():
        return _elision(before)
    return None


def _elision(before: str) -> Replacement | None:
    """``‘cause`` just ended: its ``‘`` is an apostrophe."""
    word_start = len(before)
    while word_start > 0 and before[word_start - 1].isalnum():
        word_start -= 1
    quote = word_start - 1
    if quote < 0 or before[quote] != "‘" or word_start == len(before):
        return None
    if not _ELISION_WORD.fullmatch(before[word_start:]) or not _opens(before[:quote]):
        return None
    return Replacement(quote, quote + 1, "’")


def convert_text(text: str, dashes: bool = True) -> str:
    """Straight quotes to curly (read through emphasis markers); with ``dashes``, ``--`` and ``...`` too."""
    if "'" in text or '"' in text:
        text = around_markers(text, curly_quotes)
    if dashes:
        text = text.replace("--", "—").replace("...", "…")
    return text


def plan_conversion(texts: Iterable[tuple[str, str]], dashes: bool = True) -> list[QuotesPlan]:
    """For each (scene id, text), the converted text; scenes that would not change are left out."""
    plans = []
    for scene_id, text in texts:
        new_text = convert_text(text, dashes)
        if new_text != text:
            plans.append(QuotesPlan(scene_id, text, new_text))
    return plans


def changed_characters(old: str, new: str) -> int:
    """Roughly how many replacements turn ``old`` into ``new`` (for the preview's summary)."""
    if len(old) == len(new):
        return sum(1 for a, b in zip(old, new, strict=True) if a != b)
    return sum(1 for char in new if char in CURLY + "—…") - sum(1 for char in old if char in CURLY + "—…")
