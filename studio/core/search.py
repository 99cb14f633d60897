"""Search across a project: scene texts, titles, synopses, part notes and character notes.

How a pattern matches (``SearchOptions``):

- By default case is ignored; ``case`` makes it exact. ``word`` keeps only whole words
  (no letter, digit or ``_`` just before or after the match).
- Outside regular-expression mode the pattern is literal text, and straight and curly
  quotes and apostrophes match each other: ``I'm`` finds ``I’m``, ``"x"`` finds ``“x”``.
  In ``regex`` mode the pattern is Python's ``re`` syntax and quotes are taken as written.
- Emphasis markers are not text: each text is searched without them (``emphasis.plain_text``)
  and every hit is mapped back to its offsets in the text as written, so ``*I*’m`` is a hit
  for ``I'm`` and ``hit.start``/``hit.end`` select ``I*’m`` in the file.

``search`` is pure and fast (one compiled expression per search; the plain texts can be
kept in a ``PlainCache`` between searches so only changed texts are parsed again).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from studio.core.emphasis import OffsetMap, may_have_markers, plain_text
from studio.core.errors import StudioError

if TYPE_CHECKING:
    from studio.core.project import Project

Kind = Literal["scene", "part", "character"]
# The fields searched, by kind: a scene's text, title and synopsis; a part's posting notes;
# a character's notes file.
SCENE_FIELDS = ("text", "title", "synopsis")
PART_FIELDS = ("summary", "notes_begin", "notes_end")
FIELD_LABELS = {
    "text": "text",
    "title": "title",
    "synopsis": "synopsis",
    "summary": "part summary",
    "notes_begin": "notes before the part",
    "notes_end": "notes after the part",
    "notes": "character notes",
}
_QUOTE_CLASSES = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}
_WORD_CHAR = re.compile(r"\w")
CONTEXT_BEFORE, CONTEXT_AFTER = 24, 60  # characters of context kept around a hit


class SearchPatternError(StudioError):
    """The pattern is not a valid regular expression (a one-line reason)."""


@dataclass(frozen=True)
class SearchOptions:
    """How a pattern matches: exact case, whole words, regular expression."""

    case: bool = False
    word: bool = False
    regex: bool = False


@dataclass(frozen=True)
class SearchText:
    """One searchable text: a scene's text or field, a part's notes, a character's notes."""

    kind: Kind
    owner_id: str  # the scene, part or character
    part_id: str  # the part the text belongs to ("" for a character)
    field: str
    text: str

    @property
    def key(self) -> tuple[str, str]:
        """What the text is, independent of its content."""
        return self.owner_id, self.field


@dataclass(frozen=True)
class Hit:
    """One match: where it is (source offsets, 1-based line and column) and its line of context."""

    kind: Kind
    owner_id: str
    part_id: str
    field: str
    start: int
    end: int
    line: int
    column: int
    match: str
    context: str
    context_start: int  # the match inside ``context``
    context_end: int

    @property
    def scene_id(self) -> str:
        """The scene the hit is in ("" for a part's or a character's notes)."""
        return self.owner_id if self.kind == "scene" else ""


@dataclass(frozen=True)
class Compiled:
    """A compiled pattern: ``lowered`` ones run on lower-cased texts (much faster than IGNORECASE)."""

    regex: re.Pattern[str]
    lowered: bool = False
    fallback: re.Pattern[str] | None = None  # for a text whose lower case changes its length
    word: bool = False  # no letter, digit or _ just before a match (checked here: a look-behind is slow)


class PlainCache:
    """Plain texts (markers removed) with their offset maps and lower case, kept between searches."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], tuple[str, str, OffsetMap]] = {}
        self._lowered: dict[tuple[str, str], tuple[str, str | None]] = {}

    def lowered(self, item: SearchText, plain: str) -> str | None:
        """The plain text in lower case, or None when lower case changes its length."""
        cached = self._lowered.get(item.key)
        if cached is not None and cached[0] == plain:
            return cached[1]
        lower: str | None = plain.lower()
        if lower is not None and len(lower) != len(plain):
            lower = None
        self._lowered[item.key] = (plain, lower)
        return lower

    def plain(self, item: SearchText) -> tuple[str, OffsetMap]:
        """The plain text of ``item`` and its map back to source offsets (parsed once per content)."""
        text = item.text
        if not may_have_markers(text):
            return text, _IDENTITY
        cached = self._items.get(item.key)
        if cached is not None and cached[0] == text:
            return cached[1], cached[2]
        plain, offsets = plain_text(text)
        self._items[item.key] = (text, plain, offsets)
        return plain, offsets


_IDENTITY = OffsetMap()


def compile_pattern(pattern: str, options: SearchOptions) -> Compiled:
    """Compile the pattern as ``options`` say; raise ``SearchPatternError`` for a bad expression."""
    if not pattern:
        raise SearchPatternError("nothing to search for")
    if options.regex:
        body = pattern
    else:
        body = "".join(_QUOTE_CLASSES.get(char) or re.escape(char) for char in pattern)
    word = options.word
    if word:
        body = rf"(?:{body})(?!\w)"
    try:
        if options.case:
            return Compiled(re.compile(body), word=word)
        if options.regex:
            return Compiled(re.compile(body, re.IGNORECASE), word=word)
        fallback = re.compile(body, re.IGNORECASE)
        lower = "".join(_QUOTE_CLASSES.get(char) or re.escape(char) for char in pattern.lower())
        if word:
            lower = rf"(?:{lower})(?!\w)"
        return Compiled(re.compile(lower), lowered=True, fallback=fallback, word=word)
    except re.error as error:
        raise SearchPatternError(f"not a valid regular expression: {error}") from None
    except (OverflowError, RecursionError):
        raise SearchPatternError("the regular expression is too large") from None


def iter_matches(
    item: SearchText, compiled: Compiled, cache: PlainCache | None = None
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Yield (source start, source end, match on the plain text) for each non-empty match.

    A lowered pattern's matches are on the lower-cased plain text (same offsets): take the
    matched words from the plain text, not from the match.
    """
    cache = cache or PlainCache()
    plain, offsets = cache.plain(item)
    regex = compiled.regex
    if compiled.lowered:
        lower = cache.lowered(item, plain)
        if lower is None and compiled.fallback is not None:
            regex = compiled.fallback
        elif lower is not None:
            plain = lower
    source_range = None if offsets.is_identity else offsets.walker()
    for found in _matches(regex, plain, compiled.word):
        if source_range is None:
            yield found.start(), found.end(), found
        else:
            start, end = source_range(found.start(), found.end())
            yield start, end, found


def _matches(regex: re.Pattern[str], text: str, word: bool) -> Iterator[re.Match[str]]:
    """Non-empty matches, left to right, not overlapping; with ``word``, none right after a word character."""
    if not word:
        yield from (found for found in regex.finditer(text) if found.end() > found.start())
        return
    position, search, after_word = 0, regex.search, _WORD_CHAR.match
    while (found := search(text, position)) is not None:
        start, end = found.span()
        if end == start or (start and after_word(text, start - 1)):
            position = start + 1
            continue
        yield found
        position = end


def hit_at(item: SearchText, start: int, end: int, line: int) -> Hit:
    """The hit ``start:end`` of ``item``'s text, on (1-based) ``line``, with its line of context."""
    text = item.text
    context, c_start, c_end, line_start = line_context(text, start, end)
    return Hit(
        item.kind,
        item.owner_id,
        item.part_id,
        item.field,
        start,
        end,
        line,
        start - line_start + 1,
        text[start:end],
        context,
        c_start,
        c_end,
    )


def line_context(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """The line around ``start:end`` clipped to a window: (context, match start, match end, line start)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    left = max(line_start, start - CONTEXT_BEFORE)
    right = min(line_end, end + CONTEXT_AFTER)
    head = "…" if left > line_start else ""
    tail = "…" if right < line_end else ""
    context = head + text[left:right].replace("\n", " ") + tail
    first = len(head) + start - left
    return context, first, first + min(end, right) - start, line_start


def search_text(
    item: SearchText, regex: Compiled, cache: PlainCache | None = None, limit: int | None = None
) -> list[Hit]:
    """All hits in one text, in order (at most ``limit``)."""
    hits: list[Hit] = []
    text = item.text
    line, counted = 1, 0
    for start, end, _found in iter_matches(item, regex, cache):
        line += text.count("\n", counted, start)
        counted = start
        hits.append(hit_at(item, start, end, line))
        if limit is not None and len(hits) >= limit:
            break
    return hits


def search(
    texts: Sequence[SearchText],
    pattern: str,
    options: SearchOptions = SearchOptions(),
    cache: PlainCache | None = None,
) -> list[Hit]:
    """Every hit of ``pattern`` in ``texts``, in their order; ``SearchPatternError`` for a bad pattern."""
    regex = compile_pattern(pattern, options)
    cache = cache or PlainCache()
    hits: list[Hit] = []
    for item in texts:
        if item.text:
            hits.extend(search_text(item, regex, cache))
    return hits


def project_texts(
    project: Project,
    live: dict[str, str] | None = None,
    fields: Sequence[str] = (*SCENE_FIELDS, *PART_FIELDS, "notes"),
) -> list[SearchText]:
    """The project's searchable texts in manuscript order; ``live`` overrides scene texts by id.

    Each part's notes come before its scenes; character notes come last.
    """
    live = live or {}
    texts: list[SearchText] = []
    for part in project.parts:
        for name in PART_FIELDS:
            value = getattr(part, name)
            if name in fields and value:
                texts.append(SearchText("part", part.id, part.id, name, value))
        for scene in part.scenes:
            if "title" in fields and scene.title:
                texts.append(SearchText("scene", scene.id, part.id, "title", scene.title))
            if "synopsis" in fields and scene.synopsis:
                texts.append(SearchText("scene", scene.id, part.id, "synopsis", scene.synopsis))
            if "text" in fields:
                text = live[scene.id] if scene.id in live else project.scene_text(scene.id)
                texts.append(SearchText("scene", scene.id, part.id, "text", text))
    if "notes" in fields:
        for character in project.characters:
            notes = project.character_notes(character.id)
            if notes:
                texts.append(SearchText("character", character.id, "", "notes", notes))
    return texts
