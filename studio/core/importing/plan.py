"""An import plan: what an import will create, to preview and adjust before it is applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.core.counting import count_words
from studio.core.errors import StudioError
from studio.core.importing.parsing import Heading
from studio.core.text_transforms import number_words, render_template, roman


@dataclass
class ImportedScene:
    """A scene to create: its title and its paragraphs (one per line in the scene file)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    # From novelWriter: the scene's synopsis comment, @pov and @char tags (names as found).
    synopsis: str = ""
    pov: str = ""
    characters: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The scene file's text: one paragraph per line."""
        return "".join(f"{p}\n" for p in self.paragraphs)

    @property
    def words(self) -> int:
        """The scene's word count."""
        return count_words(" ".join(self.paragraphs))

    def first_words(self, count: int = 8) -> str:
        """The scene's first words, for a preview."""
        words = " ".join(self.paragraphs)[: count * 12].split()[:count]
        return " ".join(words) + ("…" if self.words > count else "")


@dataclass
class ImportedPart:
    """A part to create: title, scenes, notes (trailers), and the heading it came from."""

    title: str
    scenes: list[ImportedScene] = field(default_factory=list)
    notes: str = ""
    heading: Heading | None = None
    source: str = ""
    group: str = ""  # the book or volume this part opens (``BOOK I. The Harbour``), on its first part
    # From HTML (AO3 chapter summary and notes), DOCX and novelWriter; ``notes`` are the end notes.
    summary: str = ""
    notes_begin: str = ""

    @property
    def words(self) -> int:
        """The part's word count."""
        return sum(scene.words for scene in self.scenes)


@dataclass(frozen=True)
class SourceFile:
    """A file an import read: its name, size and the SHA-256 of its bytes (to recognise a re-import)."""

    name: str
    size: int
    sha256: str


@dataclass
class ImportPlan:
    """The detected title, author and parts, plus the export options that would give the text back."""

    title: str = ""
    author: str = ""
    parts: list[ImportedPart] = field(default_factory=list)
    export_settings: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    encodings: list[str] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    language: str = ""  # detected: en, es, fr, de, it, pt ("" = unknown: the project's default)
    scene_break_rule: str = ""  # none, larger gaps, marker lines (studio.core.importing.layout)
    left_out: list[str] = field(default_factory=list)  # what was not imported, one line each
    left_out_text: list[str] = field(default_factory=list)  # the text of each, in the same order
    # The work's own summary and notes (AO3's work summary, notes and end notes; novelWriter front
    # matter), and the cast named by the files (novelWriter character notes, @pov/@char tags).
    summary: str = ""
    notes_begin: str = ""
    notes_end: str = ""
    characters: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Total words to import."""
        return sum(part.words for part in self.parts)

    @property
    def scene_count(self) -> int:
        """How many scenes the import creates."""
        return sum(len(part.scenes) for part in self.parts)

    # -- adjustments before applying ---------------------------------------------------
    def merge_parts(self, index: int) -> None:
        """Join part ``index + 1`` onto part ``index`` (its scenes follow; notes joined)."""
        self._check_part(index + 1)
        first, second = self.parts[index], self.parts.pop(index + 1)
        first.scenes.extend(second.scenes)
        first.notes = "\n".join(n for n in (first.notes, second.notes) if n)
        renumber_scenes(first)

    def split_part(self, index: int, scene_index: int, title: str = "") -> None:
        """Start a new part at scene ``scene_index`` of part ``index``."""
        self._check_part(index)
        part = self.parts[index]
        if not 0 < scene_index < len(part.scenes):
            raise StudioError(f"cannot split part {part.title!r} at scene {scene_index + 1}")
        new = ImportedPart(title or f"{part.title} (cont.)".strip(), part.scenes[scene_index:])
        new.notes, part.notes = part.notes, ""
        del part.scenes[scene_index:]
        self.parts.insert(index + 1, new)
        renumber_scenes(part)
        renumber_scenes(new)

    def merge_scenes(self, part_index: int, scene_index: int) -> None:
        """Join scene ``scene_index + 1`` onto scene ``scene_index`` of one part."""
        self._check_part(part_index)
        scenes = self.parts[part_index].scenes
        if not 0 <= scene_index < len(scenes) - 1:
            raise StudioError("only a scene and the one after it in the same part can be merged")
        scenes[scene_index].paragraphs.extend(scenes.pop(scene_index + 1).paragraphs)
        renumber_scenes(self.parts[part_index])

    def split_scene(self, part_index: int, scene_index: int, paragraph_index: int) -> None:
        """Start a new scene at paragraph ``paragraph_index`` of a scene."""
        self._check_part(part_index)
        scenes = self.parts[part_index].scenes
        if not 0 <= scene_index < len(scenes):
            raise StudioError(f"no scene {scene_index + 1} in that part")
        scene = scenes[scene_index]
        if not 0 < paragraph_index < len(scene.paragraphs):
            raise StudioError("a scene splits between two of its paragraphs")
        scenes.insert(scene_index + 1, ImportedScene("", scene.paragraphs[paragraph_index:]))
        del scene.paragraphs[paragraph_index:]
        renumber_scenes(self.parts[part_index])

    def rename_part(self, index: int, title: str) -> None:
        """Change a part's title."""
        self._check_part(index)
        self.parts[index].title = title

    def _check_part(self, index: int) -> None:
        if not 0 <= index < len(self.parts):
            raise StudioError(f"no part {index + 1} in the import")


def renumber_scenes(part: ImportedPart) -> None:
    """Title a part's scenes ``Scene 1``, ``Scene 2``…"""
    for number, scene in enumerate(part.scenes, 1):
        scene.title = f"Scene {number}"


def choose_heading_template(parts: list[ImportedPart]) -> tuple[str, int]:
    """Pick the part-heading template that renders every part's heading exactly; set the titles.

    Returns ``(template, start_number)``: a numbered template such as
    ``CHAPTER {roman}. {title}`` when every part had a consistent, consecutive heading;
    ``{title}`` (with the heading lines as titles) when headings vary; ``""`` when there
    were none.
    """
    headings = [part.heading for part in parts]
    if not any(headings):
        return "", 1
    template = _common_template(headings) if all(headings) else None
    if template is not None:
        first = headings[0].number or 1  # type: ignore[union-attr]
        if all(
            h is not None and h.number == first + i and _render(template, h) == h.line
            for i, h in enumerate(headings)
        ):
            for part, heading in zip(parts, headings, strict=True):
                part.title = heading.title or heading.one_line  # type: ignore[union-attr]
            return template, first
    for part in parts:
        if part.heading is not None:
            part.title = part.heading.one_line
    return "{title}", 1


def _number_placeholder(heading: Heading) -> str | None:
    text = heading.number_text
    if text.isdigit():
        return "{number}"
    if heading.number is not None and text == roman(heading.number):
        return "{roman}"
    if heading.number is not None and text == number_words(heading.number):
        return "{number_words}"
    return None


def _template_of(heading: Heading) -> str | None:
    if heading.number is None:
        return None
    placeholder = _number_placeholder(heading)
    if placeholder is None:
        return None
    label = f"{heading.label} " if heading.label else ""
    title = "{title}" if heading.title else ""
    return f"{label}{placeholder}{heading.sep}{title}"


def _common_template(headings: list[Heading | None]) -> str | None:
    templates = {_template_of(h) for h in headings if h is not None}
    if len(templates) != 1 or None in templates:
        return None
    return templates.pop()


def _render(template: str, heading: Heading) -> str:
    number = heading.number or 0
    values = {"number": number, "roman": roman(number), "number_words": number_words(number)}
    values["title"] = heading.title
    return render_template(template, values)
