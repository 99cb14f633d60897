"""Pre-flight check: what would go wrong when a part is pasted into a given site.

``preflight(project, site, part_id=None, scene_ids=None)`` returns ``Finding`` s in manuscript
order. Each names the scene and a range of its text as written (``start``, ``length``: offsets
into the scene file's text, markers included), so the window can open the place. Kinds:

- ``empty-paragraph``: a line of only spaces, or more than one blank line in a row;
- ``symbol-break``: a line of symbols only (``* * *``, ``~~~``) on a site that deletes them (FanFiction.net);
- ``link``: a web address, on a site that removes links (FanFiction.net);
- ``unmatched-emphasis``: a ``*`` or ``_`` that opens or closes nothing, so it stays literal;
- ``mixed-quotes``: straight and curly quotes in one scene (the less used kind is flagged);
- ``double-space``: two or more spaces between words;
- ``unknown-word``: a word the spelling checker does not know (as ``studio check`` finds them);
- ``near-name``: an unknown word one or two edits from a character's name or alias (``Jesica``
  beside ``Jessica``), reported instead of ``unknown-word``;
- ``tab``, ``leading-space``: tabs anywhere, spaces at the start of a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.core.emphasis import removed_ranges
from studio.core.publishing.profiles import SiteProfile, site_profile
from studio.core.spelling.checker import SpellEngine

if TYPE_CHECKING:
    from studio.core.project import Project

KINDS = (
    "empty-paragraph",
    "symbol-break",
    "link",
    "unmatched-emphasis",
    "mixed-quotes",
    "double-space",
    "unknown-word",
    "near-name",
    "tab",
    "leading-space",
)
LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"”’)]+|\b[\w-]+\.(?:com|net|org|io)(?:/[^\s<>\"”’)]*)?\b")
SYMBOL_LINE = re.compile(r"^[ \t]*[^\w\s][^\w\n]*$", re.MULTILINE)
EXTRA_BLANKS = re.compile(r"\n(?:[ \t]*\n){2,}")
SPACES_ONLY = re.compile(r"^[ \t\u00a0]+$", re.MULTILINE)
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
MARKER_RUN = re.compile(r"\*+|_+")
LEADING_SPACE = re.compile(r"^ +(?=\S)", re.MULTILINE)
_Add = Callable[[int, int, str, str], None]  # what check_text hands its helpers
STRAIGHT, CURLY = re.compile("[\"']"), re.compile("[“”‘’]")


@dataclass(frozen=True)
class Finding:
    """One thing to look at before posting: in which scene, where in its text, what kind, and why."""

    scene_id: str
    start: int
    length: int
    kind: str
    message: str


def preflight(
    project: Project,
    site: str | SiteProfile,
    part_id: str | None = None,
    scene_ids: Sequence[str] | None = None,
) -> list[Finding]:
    """Check one part (or the chosen scenes; default: the whole manuscript) for ``site``."""
    profile = site_profile(site)
    if scene_ids:
        wanted = set(scene_ids)
        scenes = [s for s in project.iter_scenes() if s.id in wanted]
    elif part_id:
        scenes = list(project.part(part_id).scenes)
    else:
        scenes = list(project.iter_scenes())
    engine = SpellEngine.for_project(project)
    cast = _cast_words(project)
    found: list[Finding] = []
    for scene in scenes:
        found += check_text(scene.id, project.scene_text(scene.id), profile, engine, cast)
    return found


def check_text(
    scene_id: str, text: str, profile: SiteProfile, engine: SpellEngine | None, cast: dict[str, str]
) -> list[Finding]:
    """Every finding in one scene's text, in text order."""
    out: list[Finding] = []

    def add(start: int, length: int, kind: str, message: str) -> None:
        out.append(Finding(scene_id, start, length, kind, message))

    for match in SPACES_ONLY.finditer(text):
        add(match.start(), len(match.group()), "empty-paragraph", "a paragraph of only spaces")
    for match in EXTRA_BLANKS.finditer(text):
        add(match.start() + 1, len(match.group()) - 1, "empty-paragraph", "more than one blank line")
    if profile.scene_break == "rule":  # the sites that delete lines of symbols
        for match in SYMBOL_LINE.finditer(text):
            add(
                match.start(), len(match.group()), "symbol-break", f"{profile.name} deletes a line of symbols"
            )
        for match in LINK.finditer(text):
            add(match.start(), len(match.group()), "link", f"{profile.name} removes links")
    _unmatched(text, add)
    _quotes(text, add)
    for match in DOUBLE_SPACE.finditer(text):
        add(match.start(), len(match.group()), "double-space", "more than one space between words")
    for match in re.finditer("\t+", text):
        add(match.start(), len(match.group()), "tab", "a tab (sites show it as a space or drop it)")
    for match in LEADING_SPACE.finditer(text):
        add(match.start(), len(match.group()), "leading-space", "spaces before a paragraph")
    if engine is not None:
        for token in engine.check(text):
            name = near_name(token.word, cast)
            if name:
                add(token.start, token.length, "near-name", f"{token.word!r}: did you mean {name!r}?")
            else:
                add(token.start, token.length, "unknown-word", f"unknown word {token.word!r}")
    out.sort(key=lambda f: (f.start, KINDS.index(f.kind)))
    return out


def _unmatched(text: str, add: _Add) -> None:
    """Markers that could open or close emphasis but found no partner (they stay literal)."""
    used = {i for start, end in removed_ranges(text) for i in range(start, end)}
    escaped = {i + 1 for i in used if text[i] == "\\"}
    for match in MARKER_RUN.finditer(text):
        start, end = match.span()
        if start in used or start in escaped or end - 1 in used:
            continue
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        can_open = bool(after) and not after.isspace() and not before.isalnum()
        can_close = bool(before) and not before.isspace() and not after.isalnum()
        if can_open or can_close:
            add(start, end - start, "unmatched-emphasis", f"{match.group()!r} has no partner: shown as typed")


def _quotes(text: str, add: _Add) -> None:
    straight, curly = list(STRAIGHT.finditer(text)), list(CURLY.finditer(text))
    if straight and curly:
        fewer, style = (curly, "curly") if len(curly) < len(straight) else (straight, "straight")
        for match in fewer:
            add(match.start(), 1, "mixed-quotes", f"a {style} quote among the other kind")


def _cast_words(project: Project) -> dict[str, str]:
    """Each word of the characters' names and aliases (folded) mapped to the word as written."""
    words: dict[str, str] = {}
    for character in project.characters:
        for name in [character.name, *character.aliases]:
            for word in re.findall(r"[^\W\d_]{4,}", name):
                words.setdefault(word.casefold(), word)
    return words


def near_name(word: str, cast: dict[str, str]) -> str:
    """The cast word ``word`` is one or two edits from (one for names under six letters), or ``""``."""
    folded = word.casefold()
    if len(folded) < 4 or folded in cast:
        return ""
    best, best_distance = "", 3
    for key, shown in cast.items():
        limit = 1 if len(key) < 6 else 2
        if abs(len(key) - len(folded)) > limit:
            continue
        distance = edit_distance(folded, key, limit)
        if 1 <= distance <= limit and distance < best_distance:
            best, best_distance = shown, distance
    return best


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``; ``limit + 1`` when more."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]
