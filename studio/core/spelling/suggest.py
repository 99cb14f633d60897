"""Suggestions for a misspelt word: near words, ranked by how likely the slip and the word are.

Words one edit away are found in full (every delete, swap, change and insert, looked up in
C). Words two edits away come from rapidfuzz over the words of a similar length that start
with the same letter or share the second one (a slip on both first letters is rare). Each
candidate then gets a typing cost: a key next to the right one, a doubled or dropped
double letter, two letters swapped or a missing accent cost less than any other change.
The ranking weighs that cost against how common the word is.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Keyboard rows per layout; neighbours are the keys left, right, above and below.
_ROWS = {
    "qwerty": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "azerty": ("azertyuiop", "qsdfghjklm", "wxcvbn"),
    "qwertz": ("qwertzuiopü", "asdfghjklöä", "yxcvbnm"),
}
LAYOUTS = {"fr": "azerty", "de": "qwertz"}
# A unit of typing cost is worth this many powers of ten of frequency.
COST_WEIGHT = 2.2
# Candidates two edits away looked at closely, the likeliest first.
_CLOSE_LOOK = 80


def _neighbours(layout: str) -> dict[str, frozenset[str]]:
    rows = _ROWS[layout]
    near: dict[str, set[str]] = {}
    for r, row in enumerate(rows):
        for c, key in enumerate(row):
            found = near.setdefault(key, set())
            for dr, dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(rows) and 0 <= cc < len(rows[rr]):
                    found.add(rows[rr][cc])
    return {key: frozenset(keys) for key, keys in near.items()}


_NEIGHBOURS = {layout: _neighbours(layout) for layout in _ROWS}


def bare(ch: str) -> str:
    """A letter without its accent: ``á`` -> ``a``."""
    if ch.isascii():
        return ch
    return unicodedata.normalize("NFD", ch)[0]


def typing_cost(typed: str, word: str, language: str) -> float:
    """How costly a slip turns ``word`` into ``typed``: 0 for equal, about 1 per ordinary edit."""
    near = _NEIGHBOURS[LAYOUTS.get(language, "qwerty")]
    n, m = len(typed), len(word)
    previous2: list[float] = []
    previous = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        current = [float(i)] + [0.0] * m
        a = typed[i - 1]
        for j in range(1, m + 1):
            b = word[j - 1]
            if a == b:
                change = 0.0
            elif bare(a) == bare(b):
                change = 0.2  # an accent missed or wrong
            elif b in near.get(a, ()):
                change = 0.6  # the key next to it
            else:
                change = 1.0
            # An extra letter typed: cheap when it doubles the one before (``untill``).
            extra = 0.5 if i > 1 and typed[i - 2] == a else 1.0
            # A letter dropped: cheap when it was one of a pair (``tomorow``).
            dropped = 0.5 if (j > 1 and word[j - 2] == b) or (j < m and word[j] == b) else 1.0
            best = min(previous[j] + extra, current[j - 1] + dropped, previous[j - 1] + change)
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b:
                best = min(best, previous2[j - 2] + 0.6)  # two letters swapped
            current[j] = best
        previous2, previous = previous, current
    return previous[m]


def edits1(word: str, letters: str) -> set[str]:
    """Every string one delete, transposition, replacement or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    found.update(left + c + right[1:] for left, right in splits if right for c in letters)
    found.update(left + c + right for left, right in splits for c in letters)
    found.discard(word)
    return found


class NearWords:
    """The words of a vocabulary by length and first or second letter, for distance-2 search."""

    def __init__(self, words: Iterable[str]) -> None:
        self.by_first: dict[tuple[int, str], list[str]] = {}
        self.by_second: dict[tuple[int, str], list[str]] = {}
        for word in words:
            if len(word) > 1:
                self.by_first.setdefault((len(word), word[0]), []).append(word)
                self.by_second.setdefault((len(word), word[1]), []).append(word)

    def within_two(self, word: str) -> dict[str, int]:
        """The words at most two edits from ``word`` (not counting it) with their distance."""
        found: dict[str, int] = {}
        if len(word) < 2:
            return found
        n = len(word)
        for length in range(max(2, n - 2), n + 3):
            for choices in (self.by_first.get((length, word[0])), self.by_second.get((length, word[1]))):
                if not choices:
                    continue
                for match, distance, _ in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=2, limit=None
                ):
                    if match != word:
                        found[match] = int(distance)
        return found


def rank(typed: str, candidates: Iterable[str], frequencies: Mapping[str, float], language: str) -> list[str]:
    """``candidates`` best first: a likely slip and a common word rank high."""

    def score(candidate: str) -> tuple[float, str]:
        cost = typing_cost(typed, candidate, language)
        return (COST_WEIGHT * cost - math.log10(frequencies.get(candidate, 0) + 1), candidate)

    return sorted(candidates, key=score)


def shortlist(typed: str, found: Mapping[str, int], frequencies: Mapping[str, float]) -> list[str]:
    """The candidates worth a close look: the nearest and commonest first, at most ``_CLOSE_LOOK``."""
    ordered = sorted(found, key=lambda w: (found[w], -frequencies.get(w, 0), w))
    return ordered[:_CLOSE_LOOK]
