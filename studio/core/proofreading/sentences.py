"""Where sentences begin and end, for the long-sentence check and the reading-ease figures."""

from __future__ import annotations

from studio.core.proofreading.patterns import SENTENCE

_LONGEST = 8  # letters of the longest abbreviation looked for
_OPENERS = "(\"“‘'«—–-"


def sentence_spans(plain: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The sentences' spans in ``plain``; a piece ending in an abbreviation (``Mr.``) runs on into the next.

    A sentence never crosses a line; an abbreviation at the end of a line ends its sentence there.
    """
    if not abbreviations:
        return [match.span() for match in SENTENCE.finditer(plain)]
    spans: list[tuple[int, int]] = []
    joins = False  # the last span ended in an abbreviation
    for match in SENTENCE.finditer(plain):
        start, end = match.span()
        if joins and spans[-1][1] == start:
            start = spans.pop()[0]
        spans.append((start, end))
        joins = _abbreviated(plain, start, end, abbreviations)
    return spans


def _abbreviated(plain: str, start: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Whether the piece ``start:end`` ends with a listed abbreviation and one full stop (not ``...``)."""
    if plain[end - 1] != ".":
        return False
    begin = max(start, end - 2 - _LONGEST)
    word = plain[begin : end - 1].rpartition(" ")[2].lstrip(_OPENERS)
    if not word or not word.isalpha() or word.lower() not in abbreviations:
        return False
    first = end - 1 - len(word)
    return first == 0 or not plain[first - 1].isalpha()
