"""Importing an existing story from plain text or Markdown files.

An importer reads a file into an ``ImportPlan`` (title, author, parts of scenes, part
notes) that can be previewed and adjusted, then ``apply_plan`` creates a project from
it or appends it to one. No word is dropped or changed: every word of the file lands
in a scene, a part title, the title and author, or a part's notes, in order.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.importing.decoding import decode_bytes
from studio.core.importing.front import FrontMatter, read_title_page, strip_contents, strip_gutenberg
from studio.core.importing.headings import CHAPTER_LEVEL, GROUP_LEVEL
from studio.core.importing.language import detect_language
from studio.core.importing.layout import NO_BREAKS, Layout, detect_layout
from studio.core.importing.parsing import (
    DECORATION,
    INDENTS,
    MD_HEADING,
    Heading,
    is_separator,
    looks_hard_wrapped,
    parse_heading,
    read_byline,
    split_trailer,
)
from studio.core.importing.plan import (
    ImportedPart,
    ImportedScene,
    ImportPlan,
    SourceFile,
    choose_heading_template,
    renumber_scenes,
)

SEP = object()  # a scene-break line in the token stream
# The backslash ``MarkdownExporter.escape`` puts before a line start Markdown would read as markup
# (``#``, ``>``, a list mark, a setext underline); ``\*``, ``\_`` and ``\\`` are scene text.
MD_ESCAPE = re.compile(r"^\\(?=#|>|[-+*]\s|\d+[.)]\s|=+$|-+$)")
SENTENCE_END = ("!", "?", "”", '"', "’", "…", ",", ";")
Progress = Callable[[int, int], None]


@dataclass
class ImportOptions:
    """How files are read: encoding (None: detect, never guess), title override, trailers as notes."""

    encoding: str | None = None
    title: str = ""
    markdown: bool | None = None  # None: by file name (.md, .markdown)
    max_wrap_width: int = 100
    trailers_as_notes: bool = True
    scene_break_rule: str = ""  # "": detect; or one of layout.SCENE_BREAK_RULES


class TextImporter:
    """Reads a plain-text story: title and byline, headings, scene breaks, wrapping, trailers."""

    markdown = False

    def __init__(self, options: ImportOptions | None = None) -> None:
        self.options = options or ImportOptions()
        self.separator_text = ""
        self.blank_breaks: list[int] = []

    def read(self, path: str | os.PathLike[str]) -> ImportPlan:
        """Read one file into a plan."""
        file = Path(path)
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise StudioError(f"{file}: no such file") from None
        except IsADirectoryError:
            raise StudioError(f"{file}: is a folder, not a text file") from None
        except OSError as error:
            raise StudioError(f"{file}: cannot read: {error.strerror or error}") from None
        text, encoding = decode_bytes(data, file.name, self.options.encoding)
        plan = self.parse(text, file.stem)
        plan.sources, plan.encodings = [str(file)], [encoding]
        plan.files = [SourceFile(file.name, len(data), hashlib.sha256(data).hexdigest())]
        for part in plan.parts:
            part.source = str(file)
        return plan

    def parse(self, text: str, name: str = "story") -> ImportPlan:
        """Turn a story's text into a plan; ``name`` titles it when the text has no title."""
        front = FrontMatter()
        lines = strip_contents(strip_gutenberg(self._lines(text), front), front)
        title, author, by_prefix, start = self._title_and_author(lines)
        if not (title or author):
            title, author, start = read_title_page(lines, front)
            by_prefix = front.by_prefix
        title, author = front.title or title, front.author or author
        title_prefix = ""
        if title[:6].lower() == "title:":
            title_prefix, title = title[:6] + " ", title[6:].strip()
        if front.licence is not None:
            front.left_out.append(front.licence)
        body = lines[start:]
        tokens, headings = self._tokens(body)
        layout = self._layout(tokens)
        parts = self._parts(tokens, headings, layout)
        plan = ImportPlan(title=self.options.title or title, author=author)
        plan.scene_break_rule = layout.rule
        plan.left_out = [what for what, _ in front.left_out]
        plan.left_out_text = [text for _, text in front.left_out]
        plan.language = front.language or detect_language("\n".join(t for t in tokens if isinstance(t, str)))
        if not any(part.heading for part in parts) and parts:
            parts[0].title = title or name
        plan.parts = parts
        template, start_number = choose_heading_template(parts)
        plan.export_settings = self._export_settings(tokens, layout, template, start_number)
        header = f"{title_prefix}{{title}}" if title else ""
        if author:
            header += f"\n{by_prefix} {{author}}"
        plan.export_settings["header"] = header
        if not plan.title:
            plan.title = name.replace("_", " ").replace("-", " ").strip().title() or "Imported story"
        return plan

    # -- lines ---------------------------------------------------------------------------
    def _lines(self, text: str) -> list[str]:
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n")
        return [line.rstrip() for line in text.split("\n")]

    def _title_and_author(self, lines: list[str]) -> tuple[str, str, str, int]:
        """Return title, author, the byline's word (``By``) and the index where the story starts."""
        filled = [i for i, line in enumerate(lines) if line.strip()][:4]
        for position, index in enumerate(filled):
            byline = read_byline(lines[index])
            if byline is None:
                continue
            if position > 1:
                break
            title = _clean_title(lines[filled[0]]) if position == 1 else ""
            return title, byline[1], byline[0], index + 1
        if not filled:
            return "", "", "By", 0
        first = lines[filled[0]]
        following = lines[filled[1]] if len(filled) > 1 else ""
        is_heading = parse_heading(first, True, self.markdown)
        later_heading = following.startswith("#") or self._heading_at(lines, 1)
        if first.startswith("# ") and len(filled) > 1 and later_heading:
            return _clean_title(first), "", "By", filled[0] + 1
        if (
            is_heading is None
            and len(filled) > 1
            and filled[1] > filled[0] + 1
            and len(first.strip()) <= 80
            and not first.rstrip().endswith((".", *SENTENCE_END))
            and parse_heading(following, True, self.markdown) is not None
            and not is_separator(first)
        ):
            return _clean_title(first), "", "By", filled[0] + 1
        return "", "", "By", 0

    def _heading_at(self, lines: list[str], nth: int) -> bool:
        filled = [line for line in lines if line.strip()]
        return len(filled) > nth and parse_heading(filled[nth], True, self.markdown) is not None

    def _tokens(self, lines: list[str]) -> tuple[list[object], dict[int, Heading]]:
        """Classify lines: "" blank, SEP a break, str text; headings by token index."""
        tokens: list[object] = []
        headings: dict[int, Heading] = {}
        count = len(lines)
        index = 0
        while index < count:
            line = lines[index]
            if not line.strip():
                tokens.append("")
                index += 1
                continue
            block_start = index == 0 or not lines[index - 1].strip() or is_separator(lines[index - 1])
            if self.markdown and line[:1] == "\\" and MD_ESCAPE.match(line):
                plain = MD_ESCAPE.sub("", line) if block_start else line
                if block_start and plain[:1] == "#" and is_separator(plain):  # an escaped ``#`` break
                    self.separator_text = self.separator_text or line.strip()
                    tokens.append(SEP)
                else:
                    tokens.append(plain)
                index += 1
                continue
            if is_separator(line) and not MD_HEADING.match(line.strip()):
                self.separator_text = self.separator_text or line.strip()
                tokens.append(SEP)
                index += 1
                continue
            alone = block_start and (index + 1 >= count or not lines[index + 1].strip())
            heading = None
            if block_start or line.lstrip().startswith("#"):
                heading = parse_heading(line, alone, self.markdown)
            if heading is not None and not heading.markdown_level:
                taken = self._take_title_line(heading, lines, index)
                if not alone and not taken and len(line.split()) > 6:
                    heading = None  # the first line of a paragraph, not a heading
                index += taken
            if heading is not None:
                headings[len(tokens)] = heading
                tokens.append(heading)
                index += 1
                continue
            tokens.append(line)
            index += 1
        return tokens, headings

    @staticmethod
    def _take_title_line(heading: Heading, lines: list[str], index: int) -> int:
        """Take a title on the line under a titleless heading (``CHAPTER I.`` / ``The Title``)."""
        if heading.title or heading.markdown_level or not (heading.label or heading.number is not None):
            return 0
        numbered = heading.level == GROUP_LEVEL or heading.number is not None
        if numbered and index + 3 < len(lines) and not lines[index + 1].strip():
            below = lines[index + 2].strip()  # ``BOOK I.``, a blank line, ``THE HARBOUR``
            letters = sum(1 for char in below if char.isalpha())
            lone = below.isupper() and letters >= 3 and len(below) <= 60 and not lines[index + 3].strip()
            if lone and parse_heading(below, True, False) is None and not is_separator(below):
                heading.title, heading.line = below, f"{heading.line}\n{below}"
                return 2
        if index + 1 >= len(lines) or not lines[index + 1].strip():
            return 0
        candidate = lines[index + 1].strip()
        after_blank = index + 2 >= len(lines) or not lines[index + 2].strip()
        words = candidate.split()
        capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        titled = capitals >= 0.6 * len(words) or (
            len(words) <= 8 and candidate[:1].isupper() and candidate[-1:] not in '.!?…"”»'
        )
        if not after_blank or len(candidate) > 70 or is_separator(candidate) or not titled:
            return 0
        heading.title = candidate
        heading.sep = heading.sep.rstrip(" ") + "\n"
        heading.line = f"{heading.line}\n{candidate}"
        return 1

    def _layout(self, tokens: list[object]) -> Layout:
        marks = any(t is SEP for t in tokens)
        options = self.options
        return detect_layout(tokens, self.markdown, options.max_wrap_width, options.scene_break_rule, marks)

    # -- parts and scenes ----------------------------------------------------------------
    def _parts(
        self, tokens: list[object], headings: dict[int, Heading], layout: Layout
    ) -> list[ImportedPart]:
        parts: list[ImportedPart] = []
        chapter_level = max((h.level for h in headings.values()), default=CHAPTER_LEVEL)
        group = ""
        bounds = [*sorted({0, *headings}), len(tokens)]
        for begin, end in zip(bounds, bounds[1:], strict=False):
            heading = headings.get(begin)
            body = tokens[begin + 1 if heading else begin : end]
            scenes = self._scenes(body, layout)
            if heading is None and not scenes:
                continue
            if heading is not None and heading.level < chapter_level:
                if group:  # a book with no chapter: its heading still goes somewhere
                    parts.append(ImportedPart("", group=group))
                group = heading.one_line
                if not scenes:
                    continue
                heading = None
            part = ImportedPart(heading.title or heading.one_line if heading else group, heading=heading)
            part.group, group = group, ""
            if scenes and self.options.trailers_as_notes:
                story, notes = split_trailer(scenes[-1])
                if notes:
                    part.notes = "\n".join(notes)
                    scenes[-1] = story
                    if not story:
                        scenes.pop()
            part.scenes = [ImportedScene("", paragraphs) for paragraphs in scenes]
            renumber_scenes(part)
            parts.append(part)
        if group:
            parts.append(ImportedPart("", group=group))
        return parts

    def _scenes(self, body: Sequence[object], layout: Layout) -> list[list[str]]:
        blank_breaks = self.blank_breaks
        scenes: list[list[str]] = []
        paragraphs: list[str] = []
        current: list[str] = []
        blanks = 0

        def end_paragraph() -> None:
            if current:
                paragraphs.append(" ".join(x.strip() for x in current))
                current.clear()

        def end_scene() -> None:
            nonlocal paragraphs
            end_paragraph()
            if paragraphs:
                scenes.append(paragraphs)
                paragraphs = []

        for token in body:
            if token is SEP:
                if layout.rule != NO_BREAKS:
                    end_scene()
                blanks = 0
            elif token == "":
                blanks += 1
                end_paragraph()
            elif isinstance(token, str):
                if blanks >= layout.break_blanks:
                    if paragraphs or current:
                        blank_breaks.append(blanks)
                    end_scene()
                blanks = 0
                if not layout.wrapped:
                    paragraphs.append(token.strip())
                    continue
                if layout.indent_paragraphs and token[:1] in INDENTS:
                    end_paragraph()
                current.append(token)
        end_scene()
        return scenes

    def _export_settings(
        self, tokens: list[object], layout: Layout, template: str, start: int
    ) -> dict[str, object]:
        marks = [t for t in tokens if t is SEP]
        settings: dict[str, object] = {
            "part_heading": template,
            "start_number": start,
            "paragraphs": "newline" if layout.newline_paragraphs else "blank",
            "format": "md" if self.markdown else "txt",
        }
        if marks:
            settings["separator"] = self.separator_text
        elif self.blank_breaks:
            settings["separator"] = str(max(set(self.blank_breaks), key=self.blank_breaks.count))
        else:
            settings["separator"] = str(layout.break_blanks)
        text_lines = [t if isinstance(t, str) else "" for t in tokens]
        if looks_hard_wrapped(text_lines, self.options.max_wrap_width):
            settings["wrap"] = max(len(t) for t in text_lines)
        return settings


class MarkdownImporter(TextImporter):
    """Reads Markdown: ``#`` headings, lines of a paragraph joined, thematic breaks as scene breaks."""

    markdown = True


def _clean_title(line: str) -> str:
    text = line.strip()
    if text.startswith("#"):
        text = text.lstrip("#").strip()
    return text.strip(DECORATION) or text


def importer_for(path: str | os.PathLike[str], options: ImportOptions | None = None) -> TextImporter:
    """Return the importer for a file: Markdown for ``.md``/``.markdown``, plain text otherwise."""
    options = options or ImportOptions()
    markdown = options.markdown
    if markdown is None:
        markdown = Path(path).suffix.lower() in (".md", ".markdown", ".mdown")
    return MarkdownImporter(options) if markdown else TextImporter(options)


def plan_import(paths: Sequence[str | os.PathLike[str]], options: ImportOptions | None = None) -> ImportPlan:
    """Read every file, in order, into one plan (title and author from the first that has them)."""
    if not paths:
        raise StudioError("no file to import")
    options = options or ImportOptions()
    plans = [importer_for(path, options).read(path) for path in paths]
    plan = plans[0]
    for other in plans[1:]:
        plan.author = plan.author or other.author
        plan.parts.extend(other.parts)
        plan.sources += other.sources
        plan.encodings += other.encodings
        plan.files += other.files
    if len(plans) > 1:
        for part in plan.parts:
            if not part.title and part.heading is None:
                part.title = Path(part.source).stem
        template, start = choose_heading_template(plan.parts)
        plan.export_settings.update(part_heading=template, start_number=start)
    if not plan.parts:
        raise StudioError(f"{Path(paths[0]).name}: no text to import")
    return plan
