"""The spellchecker that knows the story: dictionary, project words, cast names, ignored words.

``SpellEngine`` is safe to use from a worker thread while the GUI thread adds words:
every change swaps in new word sets and a new verdict cache, and bumps ``version`` so
a checker can tell its results are stale.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from studio.core.atomic import atomic_write
from studio.core.emphasis import may_have_markers, strip_markers
from studio.core.paths import user_word_list_path
from studio.core.spelling.dictionary import (
    DEFAULT_WORK_BUDGET,
    MAX_SUGGESTED_LENGTH,
    Dictionary,
    dictionary_code,
)
from studio.core.spelling.rules import EXTRA_WORDS, forms_to_try, normalize
from studio.core.spelling.suggest import NearWords, edits1, rank, shortlist
from studio.core.spelling.tokenize import (
    APOSTROPHES,
    WORD_RUN,
    Token,
    iter_tokens,
    split_apostrophes,
    word_of,
)

if TYPE_CHECKING:
    from studio.core.project import Project

MAX_SUGGESTIONS = 5
# Languages that write compounds as one word, and the shortest part of one.
COMPOUNDING = frozenset({"de", "nl"})
MIN_COMPOUND_PART = 4
# Parts of a compound must be words at least this common (per billion): rare list entries and
# names would let typos through (``kinderren``).
COMPOUND_PART_FREQUENCY = 300
# Project words and names rank with the commonest dictionary words.
_EXTRA_FREQUENCY = 10**6
_SOURCES = ("project", "characters", "user", "ignored")


def word_forms(entries: Iterable[str]) -> dict[str, str]:
    """Map the normalised words of ``entries`` (names, word-list lines) to how they are written."""
    forms: dict[str, str] = {}
    for entry in entries:
        entry = entry.strip()
        if not entry:
            continue
        for token in iter_tokens(entry):
            forms.setdefault(normalize(token.word), token.word)
        if not any(ch.isspace() for ch in entry):
            forms.setdefault(normalize(entry), entry)
    return forms


def character_words(project: Project) -> list[str]:
    """Every name and alias of the project's characters, places, things and notes."""
    words: list[str] = []
    for character in project.characters:
        words.append(character.name)
        words.extend(character.aliases)
    for note in project.notes:
        words.append(note.name)
        words.extend(note.aliases)
    return words


def read_user_words(strict: bool = False) -> list[str]:
    """Return the user-wide word list (empty when missing; unreadable: empty, or OSError if ``strict``).

    A list kept in another encoding than UTF-8 is read as Latin-1, so no word of it is lost
    when it is next written (in UTF-8).
    """
    try:
        data = user_word_list_path().read_bytes()
    except FileNotFoundError:
        return []
    except OSError:
        if strict:
            raise
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_user_words(words: Iterable[str]) -> list[str]:
    """Store the user-wide word list (sorted, one per line, atomically); return what was stored."""
    entries = sorted({w.strip() for w in words if w.strip()}, key=str.casefold)
    atomic_write(user_word_list_path(), "".join(f"{w}\n" for w in entries))
    return entries


def add_user_word(word: str) -> list[str]:
    """Add ``word`` to the user-wide word list; return the list."""
    words = read_user_words(strict=True)  # a list that cannot be read is never written over
    if word and word not in words:
        words.append(word)
    return write_user_words(words)


def match_case(model: str, word: str) -> str:
    """Give ``word`` the case pattern of ``model``: ``Teh`` -> ``The``, ``TEH`` -> ``THE``."""
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word.upper()
    if letters and letters[0].isupper():
        for index, ch in enumerate(word):
            if ch.isalpha():
                return word[:index] + ch.upper() + word[index + 1 :]
    return word


def word_list_entry(word: str) -> str:
    """The form of a flagged word to add to a word list: ``Zorblat’s`` and ``’Zorblat’`` -> ``Zorblat``."""
    _, core, _ = split_apostrophes(word.strip())
    for suffix in ("’s", "'s"):
        if core.endswith(suffix) and len(core) > len(suffix):
            return core[: -len(suffix)]
    return core


def apostrophe_style(text: str) -> str:
    """Return the apostrophe a text mostly uses: curly ``’`` unless straight ones dominate."""
    return "'" if text.count("'") > text.count("’") else "’"


class SpellEngine:
    """Checks words against one language's dictionary plus the story's own words."""

    def __init__(self, language: str = "en", dictionary: Dictionary | None = None) -> None:
        self.language = dictionary_code(language) or "en"
        self.dictionary = dictionary or Dictionary.load(self.language)
        self.base_language = self.dictionary.base_language
        self.version = 0
        self._lock = threading.Lock()
        self._sources: dict[str, dict[str, str]] = {name: {} for name in _SOURCES}
        self._sources["builtin"] = {w: w for w in EXTRA_WORDS.get(self.base_language, ())}
        self._extras: dict[str, str] = dict(self._sources["builtin"])
        self._story_words: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self._suggestions: dict[tuple[str, int], list[str]] = {}

    @classmethod
    def for_project(cls, project: Project, user_words: bool = True) -> SpellEngine:
        """Return an engine in the project's language knowing its word list and cast."""
        engine = cls(project.language)
        engine.load_project(project)
        if user_words:
            engine.set_words("user", read_user_words())
        return engine

    # -- known words ------------------------------------------------------------------
    def load_project(self, project: Project) -> None:
        """(Re)read the project word list and the characters' names and aliases."""
        self.set_words("project", project.word_list)
        self.set_words("characters", character_words(project))

    def set_words(self, source: str, entries: Iterable[str]) -> None:
        """Replace the words of one source: ``project``, ``characters``, ``user`` or ``ignored``."""
        forms = word_forms(entries)
        with self._lock:
            self._sources[source] = forms
            self._rebuild()

    def ignore(self, word: str) -> None:
        """Accept ``word`` until this engine is dropped (the session); nothing is stored."""
        with self._lock:
            self._sources["ignored"].update(word_forms([word]))
            self._rebuild()

    def words(self, source: str) -> list[str]:
        """Return the words of one source as written."""
        return sorted(self._sources[source].values())

    def _rebuild(self) -> None:
        extras: dict[str, str] = {}
        for forms in self._sources.values():
            extras.update(forms)
        # Swap the words before the caches: a worker reading the new cache sees the new words.
        self._extras = extras
        self._story_words = {w for name in ("project", "characters", "user") for w in self._sources[name]}
        self._verdicts = {}
        self._suggestions = {}
        self.version += 1

    def is_known(self, word: str) -> bool:
        """Whether ``word`` (as written: any case, either apostrophe) is spelt right."""
        verdicts = self._verdicts
        known = verdicts.get(word)
        if known is None:
            known = verdicts[word] = self._compute_known(word)
        return known

    def _compute_known(self, word: str) -> bool:
        form = normalize(word)
        if sum(ch.isalpha() for ch in form) <= 1:
            return True  # single initials, "I", "a", "’n’"
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
            return True  # iPhone, sRGB, AdobeRGB: product names and codes, not words
        return self._known_form(form, 0) or (
            self.base_language in COMPOUNDING and self._known_compound(form, 0)
        )

    def _known_compound(self, form: str, depth: int) -> bool:
        """German and Dutch compounds: common words joined, maybe with a linking ``s``, ``e`` or ``n``."""
        if len(form) < 2 * MIN_COMPOUND_PART or depth > 2:
            return False
        words = self.dictionary.frequencies

        def common(part: str) -> bool:
            return words.get(part, 0) >= COMPOUND_PART_FREQUENCY

        for cut in range(len(form) - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
            head, tail = form[:cut], form[cut:]
            if not (common(tail) or self._known_compound(tail, depth + 1)):
                continue
            heads = (head, head[:-1]) if head.endswith(("s", "e", "n")) else (head,)
            if any(common(h) for h in heads) or any(self._known_compound(h, depth + 1) for h in heads):
                return True
        return False

    def _known_form(self, form: str, depth: int) -> bool:
        extras = self._extras
        if form in self.dictionary.frequencies or form in extras:
            return True
        if form.endswith("s") and (form[:-1] in extras or (form.endswith("es") and form[:-2] in extras)):
            return True  # the Oyelarans, the Vosses
        if depth > 2:
            return False
        return any(self._known_form(other, depth + 1) for other in forms_to_try(form, self.base_language))

    # -- checking text ----------------------------------------------------------------
    def check(self, text: str, offset: int = 0) -> list[Token]:
        """Return the unknown words of ``text`` with their offsets (plus ``offset``)."""
        unknown = self.unknown_runs(text)
        if not unknown:
            return []
        return [t for t in iter_tokens(text, offset, only=unknown) if not self.is_known(t.word)]

    def unknown_runs(self, text: str) -> set[str]:
        """Return the raw word runs of ``text`` that hold an unknown word (fast: no offsets).

        The runs are those of the text without emphasis markers, as ``iter_tokens`` matches them.
        """
        if may_have_markers(text):
            text = strip_markers(text)
        unknown = set()
        for raw in set(WORD_RUN.findall(text)):
            found = word_of(raw)
            if found is not None and not self.is_known(found[1]):
                unknown.add(raw)
        return unknown

    # -- suggestions ------------------------------------------------------------------
    def suggest(
        self,
        word: str,
        limit: int = MAX_SUGGESTIONS,
        apostrophe: str = "’",
        work_budget: int = DEFAULT_WORK_BUDGET,
    ) -> list[str]:
        """Return up to ``limit`` replacements for ``word``, in its case and apostrophe style."""
        lead, core, trail = split_apostrophes(word)
        used = next((ch for ch in word if ch in APOSTROPHES), apostrophe)
        key = (normalize(core), work_budget)
        suggestions = self._suggestions
        found = suggestions.get(key)
        if found is None:
            found = suggestions[key] = self._ranked(key[0], work_budget)
        out: list[str] = []
        for candidate in found:
            text = lead + match_case(core, candidate.replace("'", used)) + trail
            if text not in out and text != word:
                out.append(text)
        return out[:limit]

    def _ranked(self, form: str, work_budget: int) -> list[str]:
        extras, story_words = self._extras, self._story_words
        frequencies = self.dictionary.frequencies
        if not form or len(form) > MAX_SUGGESTED_LENGTH:
            return []
        near = edits1(form, self.dictionary.letters)
        found = {w: 1 for w in (near & frequencies.keys()) | (near & extras.keys())}
        if work_budget > 0 and len(form) > 3:
            for index in (self.dictionary.near_words(), NearWords(extras)):
                for word, distance in index.within_two(form).items():
                    found.setdefault(word, distance)
        found.pop(form, None)

        def frequency(candidate: str) -> float:
            count = frequencies.get(candidate, 0)
            return max(count, _EXTRA_FREQUENCY) if candidate in story_words else count

        weights = {word: frequency(word) for word in found}
        ordered = rank(form, shortlist(form, found, weights), weights, self.base_language)
        # Names and word-list entries keep their own spelling (``Marisol``, ``McKay``).
        return [extras.get(c, c) if c not in frequencies else c for c in ordered[: MAX_SUGGESTIONS * 2]]
