"""One language's merged word list, built once per user and loaded fast from the cache.

``Dictionary.load(code)`` gives the words of a dictionary code (``es``, ``en-gb``, ``en``)
with their frequencies: pyspellchecker's list merged with a Hunspell dictionary and wordfreq
(see ``sources``). Building takes seconds (up to half a minute for Italian and Portuguese),
so it happens once, on a worker thread, and the result is kept as a ``marshal`` file in the
user cache folder (see ``cache``), which loads in a fraction of a second. A damaged cache file
is reported in one line and built again.

In memory the words are compact: per three-letter prefix one ``'\n'``-joined string (a
membership test is a substring search in a few kilobytes), and the counts one ``array`` of
whole numbers, made into a ``dict`` only when suggestions or compounds ask for frequencies.
That keeps the English list at about 2.5 MB instead of 17 MB.
"""

from __future__ import annotations

import hashlib
import threading
from array import array
from collections.abc import Iterator, KeysView, Mapping
from importlib import metadata

from studio.core.errors import StudioError
from studio.core.spelling import hunspell, sources
from studio.core.spelling.cache import cache_dir, log, read_cached, write_cached
from studio.core.spelling.suggest import NearWords

CACHE_FORMAT = 9
# Words are grouped by their first letters (a short group per key keeps a look-up quick).
PREFIX = 3
MAX_COUNT = 2**32 - 1
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


Packed = tuple[dict[str, str], bytes, str, str]


def pack(frequencies: dict[str, int]) -> tuple[dict[str, str], bytes]:
    """Words grouped by prefix as ``'\n'``-joined strings, and their counts in the same order."""
    groups: dict[str, list[str]] = {}
    for word in frequencies:
        groups.setdefault(word[:PREFIX], []).append(word)
    counts = array("I", (min(frequencies[w], MAX_COUNT) for words in groups.values() for w in words))
    return {key: "\n" + "\n".join(words) + "\n" for key, words in groups.items()}, counts.tobytes()


def _build(code: str) -> Packed:
    frequencies = sources.merged_frequencies(code)
    joined = "\n".join(frequencies)
    groups, counts = pack(frequencies)
    return groups, counts, _alphabet(joined, 0.0002), _alphabet(joined, 0.01)


def _read_packed(code: str) -> Packed:
    """Return (word groups, counts, letters, common letters), from the cache when it is there."""
    base = sources.base_of(code)
    if not (sources.pyspellchecker_folder() / f"{base}.json.gz").is_file():
        names = ", ".join(available_languages())
        raise StudioError(f"no spelling dictionary for language {code!r} (available: {names})")
    cache = cache_dir() / f"packed-{code}-{_fingerprint(code)}.bin"
    cached = read_cached(cache, tuple)
    if isinstance(cached, tuple) and len(cached) == 4 and _is_packed(cached):
        return cached
    if cached is not None:
        log.warning("spelling: the cached word list %s was damaged; building it again", cache.name)
    built = _build(code)
    write_cached(cache, built, f"packed-{code}-*.bin")
    return built


def _is_packed(value: tuple[object, ...]) -> bool:
    """Whether ``value`` is (groups, counts, letters, common) as ``_build`` makes it."""
    groups, counts, letters, common = value
    if not (isinstance(groups, dict) and isinstance(counts, bytes)):
        return False
    if not (isinstance(letters, str) and isinstance(common, str)):
        return False
    if not all(type(k) is str and type(v) is str and v[:1] == v[-1:] == "\n" for k, v in groups.items()):
        return False
    return bool(sum(v.count("\n") - 1 for v in groups.values()) * array("I").itemsize == len(counts))


class WordCounts(Mapping[str, int]):
    """The words of a list and how common each is: membership from the packed groups, counts on demand."""

    def __init__(self, groups: dict[str, str], counts: bytes) -> None:
        self._groups = groups
        self._counts = counts
        self._size = len(counts) // array("I").itemsize
        self._dict: dict[str, int] | None = None
        self._lock = threading.Lock()

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        group = self._groups.get(word[:PREFIX])
        return group is not None and f"\n{word}\n" in group

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, word: str) -> int:
        return self.as_dict()[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    def keys(self) -> KeysView[str]:
        """The words, as a set-like view of the full table."""
        return self.as_dict().keys()

    def as_dict(self) -> dict[str, int]:
        """Every word with its count, made once (about 15 MB for English) when first asked."""
        made = self._dict
        if made is None:
            with self._lock:
                made = self._dict
                if made is None:
                    words = (w for group in self._groups.values() for w in group[1:-1].split("\n"))
                    made = self._dict = dict(zip(words, array("I", self._counts), strict=True))
        return made

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordCounts):
            return self._groups == other._groups and self._counts == other._counts
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def is_cached(language: str) -> bool:
    """Whether the word list for ``language`` is built already (loading it is then quick)."""
    code = dictionary_code(language)
    return code in _LOADED or (cache_dir() / f"packed-{code}-{_fingerprint(code)}.bin").is_file()


def _alphabet(joined: str, share: float) -> str:
    """Letters found at least ``share`` times per word on average (rare accents left out)."""
    words = joined.count("\n") + 1
    chars = {ch for ch in set(joined) if ch.isalpha() or ch == "'"}
    return "".join(sorted(ch for ch in chars if joined.count(ch) >= words * share))


class Dictionary:
    """One language's words with their frequencies, and the letters used to make candidates."""

    def __init__(
        self, language: str, groups: dict[str, str], counts: bytes, letters: str, common_letters: str
    ) -> None:
        self.language = language
        self.frequencies = WordCounts(groups, counts)
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
            near = self._near = NearWords(self.frequencies.as_dict())
        return near

    @classmethod
    def load(cls, language: str) -> Dictionary:
        """Return the dictionary for ``language`` (a code such as ``es`` or ``en-GB``), once per process."""
        code = dictionary_code(language)
        with _LOAD_LOCK:
            if code not in _LOADED:
                _LOADED[code] = cls(code, *_read_packed(code))
            return _LOADED[code]
