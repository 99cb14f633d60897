"""One language's merged word list, built once per user and loaded fast from the cache.

``Dictionary.load(code)`` gives the words of a dictionary code (``es``, ``en-gb``, ``en``)
with their frequencies: pyspellchecker's list merged with a Hunspell dictionary and wordfreq
(see ``sources``). Building takes seconds (up to half a minute for Italian and Portuguese),
so it happens once, on a worker thread, and the result is kept as a ``marshal`` file in the
user cache folder (see ``cache``), which loads in a fraction of a second. A damaged cache file
is reported in one line and built again.
"""

from __future__ import annotations

import hashlib
import threading
from importlib import metadata

from studio.core.errors import StudioError
from studio.core.spelling import hunspell, sources
from studio.core.spelling.cache import cache_dir, log, read_cached, write_cached
from studio.core.spelling.suggest import NearWords

CACHE_FORMAT = 8
# Suggestions look two edits away unless the work budget is 0 (then one edit only).
DEFAULT_WORK_BUDGET = 120_000
MAX_SUGGESTED_LENGTH = 40
_LOADED: dict[str, Dictionary] = {}
_LOAD_LOCK = threading.Lock()
# Dictionary codes offered besides pyspellchecker's languages: the two English variants.
VARIANTS = ("en-gb", "en-us")


def dictionary_code(language: str) -> str:
    """The dictionary for a project language: ``en-GB`` -> ``en-gb``, ``pt_BR`` -> ``pt``."""
    code = language.strip().lower().replace("_", "-").split(".")[0].split("@")[0]
    if code in VARIANTS:
        return code
    return code.split("-", 1)[0]


def available_languages() -> list[str]:
    """Return the dictionary codes there is a word list for (``de``, ``en``, ``en-gb``, ...)."""
    folder = sources.pyspellchecker_folder()
    codes = {p.name.removesuffix(".json.gz") for p in folder.glob("*.json.gz")}
    return sorted(codes | set(VARIANTS))


def _fingerprint(code: str) -> str:
    """A short hash of everything the merged list is built from, so an upgrade rebuilds it."""
    parts = [str(CACHE_FORMAT), code]
    pyspell = sources.pyspellchecker_folder() / f"{sources.base_of(code)}.json.gz"
    files = [pyspell]
    if code in ("en", *VARIANTS):
        files += [p for c in VARIANTS for p in hunspell.hunspell_paths(c) or ()]
    else:
        files += list(hunspell.hunspell_paths(code) or ())
    for path in files:
        if path.is_file():
            parts.append(f"{path.name}:{path.stat().st_size}")
    try:
        parts.append(metadata.version("wordfreq"))
    except metadata.PackageNotFoundError:
        parts.append("no-wordfreq")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _build(code: str) -> tuple[dict[str, int], str, str]:
    frequencies = sources.merged_frequencies(code)
    joined = "\n".join(frequencies)
    return frequencies, _alphabet(joined, 0.0002), _alphabet(joined, 0.01)


def _read_frequencies(code: str) -> tuple[dict[str, int], str, str]:
    """Return (word frequencies, letters, common letters), from the cache when it is there."""
    base = sources.base_of(code)
    if not (sources.pyspellchecker_folder() / f"{base}.json.gz").is_file():
        names = ", ".join(available_languages())
        raise StudioError(f"no spelling dictionary for language {code!r} (available: {names})")
    cache = cache_dir() / f"words-{code}-{_fingerprint(code)}.bin"
    cached = read_cached(cache, tuple)
    if isinstance(cached, tuple) and len(cached) == 3:
        frequencies, letters, common = cached
        if isinstance(letters, str) and isinstance(common, str) and _is_word_counts(frequencies):
            return frequencies, letters, common
        log.warning("spelling: the cached word list %s was damaged; building it again", cache.name)
    built = _build(code)
    write_cached(cache, built, f"words-{code}-*.bin")
    return built


def _is_word_counts(value: object) -> bool:
    """Whether ``value`` is a dict of words to whole-number counts (a cache file can be anything)."""
    return isinstance(value, dict) and all(type(k) is str and type(v) is int for k, v in value.items())


def is_cached(language: str) -> bool:
    """Whether the word list for ``language`` is built already (loading it is then quick)."""
    code = dictionary_code(language)
    return code in _LOADED or (cache_dir() / f"words-{code}-{_fingerprint(code)}.bin").is_file()


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
        self._near: NearWords | None = None

    def __contains__(self, word: object) -> bool:
        return word in self.frequencies

    def __len__(self) -> int:
        return len(self.frequencies)

    @property
    def base_language(self) -> str:
        """The language without its variant: ``en`` for ``en-gb``."""
        return sources.base_of(self.language)

    def near_words(self) -> NearWords:
        """The index for two-edit suggestions (built on first use, about half a second)."""
        near = self._near
        if near is None:
            near = self._near = NearWords(self.frequencies)
        return near

    @classmethod
    def load(cls, language: str) -> Dictionary:
        """Return the dictionary for ``language`` (a code such as ``es`` or ``en-GB``), once per process."""
        code = dictionary_code(language)
        with _LOAD_LOCK:
            if code not in _LOADED:
                _LOADED[code] = cls(code, *_read_frequencies(code))
            return _LOADED[code]
