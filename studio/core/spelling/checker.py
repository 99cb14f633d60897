"""The spellchecker that knows the story: dictionary, project words, cast names, ignored words.

``SpellEngine`` is safe to use from a worker thread while the GUI thread adds words:
every change swaps in new word sets and a new verdict cache, and bumps ``version`` so
a checker can tell its results are stale.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from studio.core.emphasis import may_have_markers, strip_markers
from studio.core.paths import user_word_list_path
from studio.core.spelling.dictionary import DEFAULT_WORK_BUDGET, Dictionary, candidates
from studio.core.spelling.rules import EXTRA_WORDS, base_language, forms_to_try, normalize
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
# Project words and names rank with the commonest dictionary words.
_EXTRA_FREQUENCY = 10**7
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


def read_user_words() -> list[str]:
    """Return the user-wide word list (empty when missing or unreadable)."""
    try:
        text = user_word_list_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


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
        self.language = base_language(language) or "en"
        self.dictionary = dictionary or Dictionary.load(self.language)
        self.version = 0
        self._lock = threading.Lock()
        self._sources: dict[str, dict[str, str]] = {name: {} for name in _SOURCES}
        self._sources["builtin"] = {w: w for w in EXTRA_WORDS.get(self.language, ())}
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
        return self._known_form(form, 0)

    def _known_form(self, form: str, depth: int) -> bool:
        extras = self._extras
        if form in self.dictionary.frequencies or form in extras:
            return True
        if form.endswith("s") and (form[:-1] in extras or (form.endswith("es") and form[:-2] in extras)):
            return True  # the Oyelarans, the Vosses
        if depth > 2:
            return False
        return any(
            self._known_form(other, depth + 1) for other in forms_to_try(form, self.dictionary.language)
        )

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
        budget = work_budget if len(form) > 2 else 0
        near, far = candidates(form, [frequencies, extras], self.dictionary, budget, enough=MAX_SUGGESTIONS)

        def rank(candidate: str) -> tuple[float, str]:
            count = frequencies.get(candidate, 0)
            if candidate in story_words:
                count = max(count, _EXTRA_FREQUENCY)
            return (-(math.log10(count + 1) + _shape_bonus(form, candidate)), candidate)

        ordered = sorted(near, key=rank)
        if len(ordered) < MAX_SUGGESTIONS:
            ordered += sorted(far, key=rank)
        # Names and word-list entries keep their own spelling (``Marisol``, ``McKay``).
        return [extras.get(c, c) if c not in frequencies else c for c in ordered[: MAX_SUGGESTIONS * 2]]


def _shape_bonus(typed: str, candidate: str) -> float:
    """Favour the likeliest slips: swapped neighbours, doubled letters, then a wrong letter."""
    if len(typed) != len(candidate):
        longer, shorter = (typed, candidate) if len(typed) > len(candidate) else (candidate, typed)
        pairs = enumerate(zip(longer, shorter, strict=False))
        index = next((i for i, (a, b) in pairs if a != b), len(shorter))
        doubled = index > 0 and longer[index] == longer[index - 1]
        return 1.0 if doubled else 0.0
    diffs = [i for i, (a, b) in enumerate(zip(typed, candidate, strict=True)) if a != b]
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and sorted(typed) == sorted(candidate):
        return 2.0
    return 0.5
