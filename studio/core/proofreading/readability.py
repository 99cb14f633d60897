"""Readability of a scene: Flesch reading ease (with each language's constants) and a grade.

Syllables are counted with Pyphen's hyphenation dictionaries (the engine textstat uses for
every language but English), one look-up per distinct word, kept in a cache. Pyphen is
imported on first use; a language it lacks (or no Pyphen at all) falls back on counting
vowel groups. textstat itself is not used: its current release imports NLTK and SciPy
(1.4 s) and downloads a pronouncing dictionary from the network on first English use.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import mul

# (base, per word in a sentence, per syllable in a word) of Flesch's formula and its adaptations:
# Amstad (de), Fernández Huerta (es), Kandel & Moles (fr), Flesch–Vacca (it), Martins (pt),
# Douma (nl), Oborneva (ru).
FLESCH = {
    "en": (206.835, 1.015, 84.6),
    "de": (180.0, 1.0, 58.5),
    "es": (206.84, 1.02, 60.0),
    "fr": (207.0, 1.015, 73.6),
    "it": (217.0, 1.3, 60.0),
    "pt": (248.835, 1.015, 84.6),
    "nl": (206.835, 0.93, 77.0),
    "ru": (206.835, 1.3, 60.1),
}
LABELS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain"),
    (50, "fairly difficult"),
    (30, "difficult"),
)
_VOWEL_GROUPS = re.compile(r"[aeiouyàáâäãåæèéêëìíîïòóôöõøœùúûüý]+")
_counters: dict[str, tuple[dict[str, int], Callable[[str], int]]] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Readability:
    """One scene's figures: Flesch reading ease (higher is easier) and a school grade."""

    words: int
    sentences: int
    syllables: int
    score: float
    grade: float

    @property
    def label(self) -> str:
        """``easy``, ``plain``, ``difficult``… for the score."""
        for floor, label in LABELS:
            if self.score >= floor:
                return label
        return "very difficult"


def _vowel_groups(word: str) -> int:
    word = word.lower()
    groups = len(_VOWEL_GROUPS.findall(word))
    if groups > 1 and word.endswith("e") and not word.endswith(("le", "ee")):
        groups -= 1  # a silent final e
    return max(1, groups)


def syllable_table(language: str) -> tuple[dict[str, int], Callable[[str], int]]:
    """The syllables of the words of ``language`` seen so far, and the function counting a new one."""
    with _lock:
        found = _counters.get(language)
        if found is not None:
            return found
        count_raw: Callable[[str], int] = _vowel_groups
        try:
            import pyphen  # type: ignore[import-untyped]  # noqa: PLC0415 - loaded on first use only

            if pyphen.language_fallback(language):
                dictionary = pyphen.Pyphen(lang=language, left=1, right=1)

                def count_raw(word: str) -> int:
                    return len(dictionary.positions(word.lower())) + 1
        except ImportError:  # pragma: no cover - pyphen is a dependency
            pass
        _counters[language] = ({}, count_raw)
        return _counters[language]


def readability(words: Counter[str], sentences: int, language: str) -> Readability:
    """The figures for a text of these word counts and this many sentences."""
    total = sum(words.values())
    known, count = syllable_table(language)
    if len(known) > 500_000:
        known.clear()
    new = [word for word in words if word not in known]
    known.update(zip(new, map(count, new), strict=True))
    syllables = sum(map(mul, map(known.__getitem__, words), words.values()))
    if not total:
        return Readability(0, sentences, 0, 0.0, 0.0)
    sentences = max(1, sentences)
    per_sentence, per_word = total / sentences, syllables / total
    base, sentence_weight, syllable_weight = FLESCH.get(language, FLESCH["en"])
    score = base - sentence_weight * per_sentence - syllable_weight * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59  # Flesch–Kincaid
    return Readability(total, sentences, syllables, round(score, 1), round(max(0.0, grade), 1))
