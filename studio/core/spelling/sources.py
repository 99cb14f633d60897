"""The word lists merged into one dictionary: pyspellchecker's, Hunspell's and wordfreq's.

* pyspellchecker's list (the engine's own, from subtitles) is kept whole.
* The shipped Hunspell dictionary (see ``hunspell``) adds its entries and inflected forms; for
  Italian and Portuguese, whose verbs and pronouns make millions, only the short forms and those
  seen in wordfreq's large list, which keeps every list to a few hundred thousand words.
* wordfreq's list adds the words common enough in modern text (``ACCEPT_ZIPF``), which catches
  what the other two lack (modern words, German and Dutch compounds), except a word one edit
  away from a much commoner dictionary word: common misspellings (``teh``, ``recieve``) are
  frequent on the web, but far less than the words they misspell.

Every word gets a frequency per billion words (wordfreq's where it has one), for ranking
suggestions. British spellings come only from the en_GB list: an ``en-US`` dictionary leaves
out the words only the en_GB Hunspell list has, and an ``en-GB`` one those only en_US has.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from importlib import resources
from pathlib import Path

from studio.core.spelling.hunspell import HUNSPELL_FILES, expand
from studio.core.spelling.suggest import NearWords, edits1

# Italian and Portuguese verbs with their pronouns make millions of forms: there, the longer
# forms are kept only when wordfreq has seen them (other languages keep every form, so that
# rare ones such as the French imperfect subjunctive, ``attendît``, are known).
RARE_FORMS_UP_TO = {"it": 9, "pt": 9}
# Zipf frequency (log10 of uses per billion words) from which a wordfreq word is accepted
# without a dictionary's word for it.
ACCEPT_ZIPF = {"en": 2.34, "es": 3.0, "fr": 3.0, "it": 3.0, "pt": 3.0, "de": 2.5, "nl": 2.5}
# ...unless a dictionary word one edit away is this many times commoner (or two edits away,
# for words of ``MIN_TWO_EDIT_LENGTH`` letters, ``FAR_MISSPELLING_RATIO`` times): then it is
# most likely that word misspelt (``teh``, ``recieve``, ``alot``, ``tommorow``). Short
# loanwords (``router``, ``tag``) are two edits from many common words, so they are spared.
MISSPELLING_RATIO = 10
FAR_MISSPELLING_RATIO = 50
MIN_TWO_EDIT_LENGTH = 7
WORDFREQ_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")
# pyspellchecker counts for words wordfreq lacks, scaled to a billion words, are capped here
# so its noise never outranks a common word.
_MAX_UNSEEN = 1000


def pyspellchecker_folder() -> Path:
    """The folder of pyspellchecker's ``<lang>.json.gz`` lists."""
    return Path(str(resources.files("spellchecker") / "resources"))


def base_of(code: str) -> str:
    """The pyspellchecker and wordfreq language of a dictionary code (``en-gb`` -> ``en``)."""
    return code.split("-", 1)[0]


def normalized(word: str) -> str:
    """A list's word as the checker looks it up: NFC, lower case, straight apostrophes."""
    return unicodedata.normalize("NFC", word).replace("’", "'").lower()


def read_pyspellchecker(language: str) -> dict[str, int]:
    """pyspellchecker's word counts for ``language`` (empty when it has no list)."""
    source = pyspellchecker_folder() / f"{language}.json.gz"
    if not source.is_file():
        return {}
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        counts: dict[str, int] = json.load(handle)
    return counts


def read_wordfreq(language: str) -> dict[str, float]:
    """wordfreq's large list for ``language``: word -> uses per billion words."""
    if language not in WORDFREQ_LANGUAGES:
        return {}
    import wordfreq

    frequencies = wordfreq.get_frequency_dict(language, wordlist="large")
    return {word: value * 1e9 for word, value in frequencies.items()}


def _hunspell_forms(code: str, frequencies: dict[str, float]) -> set[str]:
    """The forms of a Hunspell dictionary worth keeping (see ``RARE_FORMS_UP_TO``)."""
    forms, entries = expand(code)
    longest = RARE_FORMS_UP_TO.get(code)
    if longest is None:
        return {normalized(form) for form in forms | entries}
    kept = {normalized(entry) for entry in entries}
    kept.update(f for f in map(normalized, forms) if len(f) <= longest or f in frequencies)
    return kept


def _english_forms(code: str, frequencies: dict[str, float]) -> tuple[set[str], set[str]]:
    """(forms to add, forms to leave out) for an English dictionary code."""
    american, british = _hunspell_forms("en-us", frequencies), _hunspell_forms("en-gb", frequencies)
    if code == "en-us":
        return american, british - american
    if code == "en-gb":
        return british, american - british
    return american | british, set()


def merged_frequencies(code: str) -> dict[str, int]:
    """The merged list for a dictionary code (``es``, ``en-gb``): word -> uses per billion words."""
    language = base_of(code)
    counts = read_pyspellchecker(language)
    frequencies = read_wordfreq(language)
    total = sum(counts.values()) or 1
    merged: dict[str, int] = {}
    for word, count in counts.items():
        form = normalized(word)
        seen = frequencies.get(form)
        merged[form] = round(seen) if seen else min(_MAX_UNSEEN, round(count * 1e9 / total))
    if language == "en":
        forms, excluded = _english_forms(code, frequencies)
    elif code in HUNSPELL_FILES:
        forms, excluded = _hunspell_forms(code, frequencies), set()
    else:
        forms, excluded = set(), set()
    for word in excluded:
        merged.pop(word, None)
    for form in forms:
        seen = frequencies.get(form)
        if seen is not None:
            merged[form] = max(merged.get(form, 0), round(seen))
        elif form not in merged:
            merged[form] = 0
    threshold = ACCEPT_ZIPF.get(language)
    if threshold is not None:
        floor = 10**threshold
        common = [
            w
            for w, seen in frequencies.items()
            if seen >= floor and w not in merged and w not in excluded and w.isalpha()
        ]
        letters = _letters(merged)
        commoner = NearWords(w for w, count in merged.items() if count >= floor * FAR_MISSPELLING_RATIO)
        for word in common:
            if not _looks_misspelt(word, frequencies[word], merged, letters, commoner):
                merged[word] = round(frequencies[word])
    for word in list(merged):
        merged[word] = max(1, merged[word])
    return merged


def _looks_misspelt(
    word: str, seen: float, merged: dict[str, int], letters: str, commoner: NearWords
) -> bool:
    """Whether a much commoner dictionary word is one or two edits away (see ``MISSPELLING_RATIO``)."""
    if any(merged.get(near, 0) >= seen * MISSPELLING_RATIO for near in edits1(word, letters)):
        return True
    if len(word) < MIN_TWO_EDIT_LENGTH:
        return False
    return any(merged[near] >= seen * FAR_MISSPELLING_RATIO for near in commoner.within_two(word))


def _letters(words: dict[str, int]) -> str:
    """The letters of a word list (for one-edit neighbours)."""
    seen: set[str] = set()
    for word in words:
        seen.update(word)
    return "".join(sorted(ch for ch in seen if ch.isalpha() or ch == "'"))
