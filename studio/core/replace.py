"""Replace across a project: a preview of every hit, then the chosen ones written as one change.

- ``plan_replace`` lists each hit with its replacement and its line before and after.
  In regular-expression mode the replacement may name groups (``\\1``, ``\\g<name>``).
  With ``keep_case`` the replacement takes the case of what it replaces
  (``teh``/``Teh``/``TEH`` -> ``the``/``The``/``THE``).
- Markers inside a hit are kept: ``*teh*`` -> ``*the*`` (the markers are outside the hit),
  and a marker inside one (``*I*’m``) stays after as many characters of the replacement
  as it followed in the hit (``*I* am``).
- ``write_edits`` writes every changed scene text and field inside one ``Project.batch()``:
  all of them or none. A scene whose file changed on disk since it was read is never
  overwritten: the whole replace is refused with one line naming that scene, and nothing
  changes. Undo is ``write_edits`` of the inverse edits (the old texts, byte for byte).
- Character notes are searched but never replaced (their editor saves them on its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.core.emphasis import parse
from studio.core.errors import ExternalChangeError, ReadOnlyError, StudioError
from studio.core.search import (
    PART_FIELDS,
    Hit,
    PlainCache,
    SearchOptions,
    SearchPatternError,
    SearchText,
    compile_pattern,
    hit_at,
    iter_matches,
)

if TYPE_CHECKING:
    from studio.core.project import Project


@dataclass(frozen=True)
class Replacement:
    """One hit and what replaces it (``new``: the source text, markers included), with its line after."""

    hit: Hit
    new: str
    after: str  # the hit's context line with the replacement in place

    @property
    def before(self) -> str:
        """The hit's context line as it is."""
        return self.hit.context


@dataclass(frozen=True)
class FieldEdit:
    """One text of the project changed by a replace: old and new content."""

    kind: str  # "scene" or "part"
    owner_id: str
    field: str  # "text", "title", "synopsis", "summary", "notes_begin", "notes_end"
    old: str
    new: str

    def inverse(self) -> FieldEdit:
        """The edit that puts the old content back."""
        return FieldEdit(self.kind, self.owner_id, self.field, self.new, self.old)


def keep_case(model: str, word: str) -> str:
    """Give ``word`` the case pattern of ``model``: ``Teh`` -> ``The``, ``TEH`` -> ``THE``."""
    letters = [char for char in model if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return word.upper()
    if letters and letters[0].isupper():
        for index, char in enumerate(word):
            if char.isalpha():
                return word[:index] + char.upper() + word[index + 1 :]
    return word


def _with_inner_markers(
    item: SearchText, cache: PlainCache, start: int, plain_start: int, plain_end: int, new: str
) -> str:
    """``new`` with the markers found inside the hit put back after as many characters as before."""
    offsets = cache.plain(item)[1]
    pieces, used = [], 0
    previous = start
    for index in range(plain_start + 1, plain_end):
        position = offsets.to_source(index)
        if position > previous + 1:  # markers (or an escape) between two plain characters
            cut = min(index - plain_start, len(new))
            pieces += [new[used:cut], item.text[previous + 1 : position]]
            used = cut
        previous = position
    pieces.append(new[used:])
    return "".join(pieces)


LONE_BACKSLASH = re.compile(r"\\(?![*_\\])")


def _with_wrapping_markers(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to the markers of an emphasis span whose whole content it is."""
    for span in parse(text):
        if span.open_end == start and span.close_start == end:
            return span.start, span.end
    return start, end


def plan_replace(
    texts: Sequence[SearchText],
    pattern: str,
    new: str,
    options: SearchOptions | None = None,
    keep_case_of_hit: bool = False,
    cache: PlainCache | None = None,
) -> list[Replacement]:
    """Every hit of ``pattern`` in the replaceable texts (not character notes), with its replacement."""
    options = options or SearchOptions()
    regex = compile_pattern(pattern, options)
    cache = cache or PlainCache()
    plans: list[Replacement] = []
    for item in texts:
        if item.kind == "character" or not item.text:
            continue
        text = item.text
        line, counted = 1, 0
        for start, end, found in iter_matches(item, regex, cache):
            try:
                replacement = found.expand(new) if options.regex else new
            except (re.error, IndexError) as error:
                raise SearchPatternError(f"bad replacement: {error}") from None
            if keep_case_of_hit:
                replacement = keep_case(cache.plain(item)[0][found.start() : found.end()], replacement)
            replacement = LONE_BACKSLASH.sub(r"\\\\", replacement)  # a backslash typed is a backslash
            if end - start != found.end() - found.start():
                replacement = _with_inner_markers(item, cache, start, found.start(), found.end(), replacement)
            if not replacement:  # emptying an emphasised run takes its markers too (no stray ``**``)
                start, end = _with_wrapping_markers(text, start, end)
            line += text.count("\n", counted, start)
            counted = start
            hit = hit_at(item, start, end, line)
            after = (
                hit.context[: hit.context_start]
                + replacement.replace("\n", " ")
                + hit.context[hit.context_end :]
            )
            plans.append(Replacement(hit, replacement, after))
    return plans


def edits_for(texts: Sequence[SearchText], chosen: Sequence[Replacement]) -> list[FieldEdit]:
    """The new content of each text the chosen replacements touch, in the order of ``texts``."""
    by_key: dict[tuple[str, str], list[Replacement]] = {}
    for replacement in chosen:
        by_key.setdefault((replacement.hit.owner_id, replacement.hit.field), []).append(replacement)
    edits = []
    for item in texts:
        group = by_key.get(item.key)
        if not group or item.kind == "character":
            continue
        text, pieces, last = item.text, [], 0
        for replacement in sorted(group, key=lambda r: r.hit.start):
            if replacement.hit.start < last:
                continue  # overlapping hits cannot both be replaced; keep the first
            pieces += [text[last : replacement.hit.start], replacement.new]
            last = replacement.hit.end
        pieces.append(text[last:])
        new_text = "".join(pieces)
        if new_text != text:
            edits.append(FieldEdit(item.kind, item.owner_id, item.field, text, new_text))
    return edits


def _label(project: Project, edit: FieldEdit) -> str:
    if edit.kind == "part":
        return f"part “{project.part(edit.owner_id).title}”"
    scene = project.scene(edit.owner_id)
    return f"scene “{scene.title or scene.file}” (scenes/{scene.file})"


def _current(project: Project, edit: FieldEdit) -> str:
    if edit.kind == "part":
        return str(getattr(project.part(edit.owner_id), edit.field))
    if edit.field == "text":
        return project.scene_text(edit.owner_id)
    return str(getattr(project.scene(edit.owner_id), edit.field))


def write_edits(project: Project, edits: Sequence[FieldEdit], reason: str = "before replace") -> None:
    """Write every edit in one batch: all or none; refused (nothing written) if a text changed meanwhile."""
    if project.read_only:
        raise ReadOnlyError(f"{project.root.name} is open read-only; nothing replaced")
    for edit in edits:
        if edit.kind == "scene" and edit.field == "text" and project.scene(edit.owner_id).read_only:
            raise ReadOnlyError(f"{_label(project, edit)} is read-only; nothing replaced")
        if _current(project, edit) != edit.old:
            raise StudioError(f"{_label(project, edit)} changed since the preview; nothing replaced")
    with project.batch():
        for edit in edits:
            if edit.kind == "part":
                if edit.field not in PART_FIELDS:
                    raise StudioError(f"unknown part field {edit.field!r}")
                project.set_part_fields(edit.owner_id, **{edit.field: edit.new})
            elif edit.field == "text":
                project.announce_text_change(edit.owner_id, reason)
                try:
                    project.set_scene_text(edit.owner_id, edit.new)
                except ExternalChangeError as error:
                    message = f"{_label(project, edit)} changed on disk since it was read; nothing replaced"
                    raise ExternalChangeError(error.path, message) from None
            else:
                project.set_scene_fields(edit.owner_id, **{edit.field: edit.new})


def revert_edits(project: Project, edits: Sequence[FieldEdit]) -> None:
    """Put back what ``write_edits`` changed (the old texts, byte for byte), all or none."""
    write_edits(project, [edit.inverse() for edit in reversed(edits)], reason="before undoing a replace")
