"""Hunspell dictionaries shipped with the app, expanded into the word forms they accept.

The ``.aff``/``.dic`` pairs in ``hunspell/`` come from the npm ``dictionary-*`` packages
(wooorm/dictionaries; each one's licence is beside it). spylls (a pure-Python Hunspell) reads
them; ``expand`` applies each stem's suffixes (and their continuation suffixes) and prefixes.
Forms the tokenizer never sees whole are left out: hyphenated clitics (Portuguese
``disse-lhe``) and elided articles glued to a word (Italian ``dell'anno``), which the checker
splits itself. This runs once per language, when the merged word list is built for the cache.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

# Continuation suffixes (a suffix on a suffix) are followed except where they multiply the forms
# into the millions (Italian and Portuguese clitic chains): there the common chained forms come
# from the frequency list instead.
CHAINED_SUFFIXES: dict[str, bool] = {}
# Dictionary code -> file stem in ``hunspell/``.
HUNSPELL_FILES = {
    "en-us": "en_US",
    "en-gb": "en_GB",
    "es": "es",
    "fr": "fr",
    "de": "de",
    "it": "it",
    "nl": "nl",
    "pt": "pt",
}


def hunspell_folder() -> Path:
    """The folder of the shipped ``.aff.gz``/``.dic.gz`` files."""
    return Path(str(resources.files("studio.core.spelling") / "hunspell"))


def hunspell_paths(code: str) -> tuple[Path, Path] | None:
    """The (aff, dic) files for a dictionary code, or None when none is shipped."""
    stem = HUNSPELL_FILES.get(code)
    if stem is None:
        return None
    folder = hunspell_folder()
    return folder / f"{stem}.aff.gz", folder / f"{stem}.dic.gz"


def _gzip_reader(path: Path) -> Any:
    from spylls.hunspell.readers.file_reader import BaseReader  # type: ignore[import-untyped]

    class GzipReader(BaseReader):  # type: ignore[misc]
        """spylls's line reader over a gzipped file (the encoding may change on the fly)."""

        def __init__(self, encoding: str = "Windows-1252") -> None:
            super().__init__(self._open(encoding))

        def reset_encoding(self, encoding: str) -> None:
            self.reset_io(self._open(encoding))

        def _open(self, encoding: str) -> Any:
            return gzip.open(path, "rt", encoding=encoding, errors="surrogateescape")

    return GzipReader


def expand(code: str) -> tuple[set[str], set[str]]:
    """(every word form the dictionary for ``code`` accepts, its entries), as written: case kept."""
    from spylls.hunspell import readers  # type: ignore[import-untyped]

    paths = hunspell_paths(code)
    if paths is None:
        return set(), set()
    reader = _gzip_reader(paths[0])
    aff, context = readers.read_aff(reader())
    dic = readers.read_dic(_gzip_reader(paths[1])(context.encoding), aff=aff, context=context)
    forms: set[str] = set()
    entries = {word.stem for word in dic.words if _usable(word.stem)}
    depth = 0 if CHAINED_SUFFIXES.get(code, True) else 1
    for word in dic.words:
        forms.update(_forms_of(word.stem, word.flags, aff, depth))
    return {form for form in forms if _usable(form)}, entries


def _usable(form: str) -> bool:
    return bool(form) and "-" not in form and "/" not in form and " " not in form


def _forms_of(stem: str, flags: set[str], aff: Any, depth: int) -> Iterator[str]:
    """The forms of one dictionary entry: itself, suffixed, prefixed, and both."""
    skip = {flag for flag in (aff.FORBIDDENWORD, aff.ONLYINCOMPOUND) if flag}
    if flags & skip:
        return
    if not (aff.NEEDAFFIX and aff.NEEDAFFIX in flags):
        yield stem
    suffixed = list(_suffixed(stem, flags, aff, skip, depth))
    yield from (form for form, _ in suffixed)
    for flag in flags:
        for prefix in aff.PFX.get(flag, ()):
            if "'" in prefix.add or not _applies(prefix, stem, at_end=False):
                continue
            yield prefix.add + stem[len(prefix.strip) :]
            if prefix.crossproduct:
                for form, suffix in suffixed:
                    if suffix.crossproduct and _applies(prefix, form, at_end=False):
                        yield prefix.add + form[len(prefix.strip) :]


def _suffixed(stem: str, flags: set[str], aff: Any, skip: set[str], depth: int) -> Iterator[tuple[str, Any]]:
    for flag in flags:
        for suffix in aff.SFX.get(flag, ()):
            if "-" in suffix.add or suffix.flags & skip or not _applies(suffix, stem, at_end=True):
                continue
            form = stem[: len(stem) - len(suffix.strip)] + suffix.add
            yield form, suffix
            if depth == 0 and suffix.flags:
                yield from _suffixed(form, suffix.flags, aff, skip, depth=1)


def _applies(affix: Any, word: str, at_end: bool) -> bool:
    if affix.strip and not (word.endswith(affix.strip) if at_end else word.startswith(affix.strip)):
        return False
    return bool(affix.cond_regexp.search(word))
