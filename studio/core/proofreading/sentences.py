"""Where sentences begin and end, for the long-sentence check and the reading-ease figures."""

from __future__ import annotations

from studio.core.proofreading.patterns import SENTENCE, WORD_BEFORE
from studio.core.proofreading.wordlists import folded


def sentence_spans(plain: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The sentences' spans in ``plain``; a piece ending in an abbreviation (``Mr.``) runs on into the next.

    A sentence never crosses a line; an abbreviation at the end of a line ends its sentence there.
    """
    spans: list[tuple[int, int]] = []
    joins = False  # the last span ended in an abbreviation
    for match in SENTENCE.finditer(plain):
        start, end = match.span()
        if joins and spans[-1][1] == start:
            start = spans.pop()[0]
        spans.append((start, end))
        joins = bool(abbreviations) and _ends_in_abbreviation(plain, match.start(), end, abbreviations)
    return spans


def _ends_in_abbreviation(plain: str, start: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Whether ``plain[start:end]`` ends with a listed abbreviation and its one full stop."""
    if plain[end - 1 : end] != "." or plain[end - 2 : end - 1] == ".":
        return False
    before = WORD_BEFORE.search(plain, max(start, end - 12), end - 1)
    return before is not None and folded(before.group(1)) in abbreviations
