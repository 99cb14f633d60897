"""The word lists pyspellchecker ships, loaded fast, and bounded suggestions over them.

pyspellchecker keeps one gzipped JSON of word frequencies per language. Parsing it
costs 20-200 ms, so the first load also writes a ``marshal`` copy to the per-user
cache folder, which loads in about half the time. Suggestions use edits at distance 1
in full, and at distance 2 only within a work budget (each candidate string costs one
unit), so they stay well under 100 ms even for long words.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import marshal
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.paths import config_dir

CACHE_FORMAT = 2
# Distance-2 work budget in candidate strings: about 15-25 ms on a slow laptop.
DEFAULT_WORK_BUDGET = 120_000
MAX_SUGGESTED_LENGTH = 40
_LOADED: dict[str, Dictionary] = {}
_LOAD_LOCK = threading.Lock()


def _resource_dir() -> Path:
    return Path(str(resources.files("spellchecker") / "resources"))


def available_languages() -> list[str]:
    """Return the language codes pyspellchecker ships a dictionary for (``en``, ``de``, ...)."""
    folder = _resource_dir()
    return sorted(p.name.removesuffix(".json.gz") for p in folder.glob("*.json.gz"))


def _cache_path(language: str, source: Path) -> Path:
    info = source.stat()
    name = f"spelling-{language}-{CACHE_FORMAT}-{info.st_size}-{info.st_mtime_ns}.bin"
    return config_dir() / "cache" / name


def _read_frequencies(language: str) -> tuple[dict[str, int], str, str]:
    """Return (word frequencies, letters, common letters), from the cache when it is fresh."""
    source = _resource_dir() / f"{language}.json.gz"
    if not source.is_file():
        names = ", ".join(available_languages())
        raise StudioError(f"no spelling dictionary for language {language!r} (available: {names})")
    cache = _cache_path(language, source)
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        frequencies, letters, common = marshal.loads(cache.read_bytes())
        if isinstance(frequencies, dict) and isinstance(letters, str) and isinstance(common, str):
            return frequencies, letters, common
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        frequencies = json.load(handle)
    joined = "\n".join(frequencies)
    letters, common = _alphabet(joined, 0.0002), _alphabet(joined, 0.01)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        for stale in cache.parent.glob(f"spelling-{language}-*.bin"):
            stale.unlink()
        atomic_write(cache, marshal.dumps((frequencies, letters, common)))
    return frequencies, letters, common


def _alphabet(joined: str, share: float) -> str:
    """Letters found at least ``share`` times per word on average (rare accents left out)."""
    words = joined.count("\n") + 1
    chars = {ch for ch in set(joined) if ch.isalpha() or ch == "'"}
    return "".join(sorted(ch for ch in chars if joined.count(ch) >= words * share))


class Dictionary:
    """One language's words with their frequencies, and the letters used to make candidates."""

    def __init__(self, language: str, frequencies: dict[str, int], letters: str, common_letters: str) -> None:
        self.language = language
        self.frequencies = frequencies
        self.letters = letters
        self.common_letters = common_letters

    def __contains__(self, word: object) -> bool:
        return word in self.frequencies

    def __len__(self) -> int:
        return len(self.frequencies)

    @classmethod
    def load(cls, language: str) -> Dictionary:
        """Return the dictionary for ``language``, loading it once per process."""
        with _LOAD_LOCK:
            if language not in _LOADED:
                _LOADED[language] = cls(language, *_read_frequencies(language))
            return _LOADED[language]


def edits1(word: str, letters: str) -> set[str]:
    """Every string one delete, transposition, replacement or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    found.update(left + c + right[1:] for left, right in splits if right for c in letters)
    found.update(left + c + right for left, right in splits for c in letters)
    found.discard(word)
    return found


def _second_edit_order(word: str, first: set[str]) -> list[str]:
    """The distance-1 strings to expand, most promising first: deletes and swaps, then the rest."""
    length = len(word)
    shorter = sorted(e for e in first if len(e) < length)
    same = sorted(e for e in first if len(e) == length)
    longer = sorted(e for e in first if len(e) > length)
    return shorter + same + longer


def candidates(
    word: str,
    vocabularies: Sequence[Mapping[str, object]],
    dictionary: Dictionary,
    work_budget: int = DEFAULT_WORK_BUDGET,
    enough: int = 5,
) -> tuple[list[str], list[str]]:
    """Return the known words at distance 1 and, when fewer than ``enough``, at distance 2.

    A word is known when one of ``vocabularies`` (the dictionary, the project's words)
    has it. Distance 2 is searched only within ``work_budget`` candidate strings, most
    promising first.
    """
    if not word or len(word) > MAX_SUGGESTED_LENGTH:
        return [], []
    keys = [vocabulary.keys() for vocabulary in vocabularies]

    def known(strings: set[str]) -> set[str]:
        found: set[str] = set()
        for vocabulary in keys:
            found |= strings & vocabulary  # the membership tests run in C
        return found

    first = edits1(word, dictionary.letters)
    near = known(first)
    if len(near) >= enough:
        return sorted(near), []
    far: set[str] = set()
    per_expansion = (len(word) + 1) * (2 * len(dictionary.common_letters) + 2)
    budget = work_budget
    for edit in _second_edit_order(word, first):
        if budget < per_expansion:
            break
        budget -= per_expansion
        far |= known(edits1(edit, dictionary.common_letters))
    far -= near
    far.discard(word)
    return sorted(near), sorted(far)
