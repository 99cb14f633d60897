"""Publishing: turn the manuscript, one part or some scenes into plain text, Markdown or HTML.

``gather`` collects what to publish (never the trash) into an ``ExportDocument``;
an exporter (``PlainTextExporter``, ``MarkdownExporter``, ``HtmlExporter``) renders it
with an ``ExportOptions``. A scene's paragraphs are its non-blank lines. Emphasis in scene
text (``*italic*``, ``**bold**``; see ``studio/core/emphasis.py``) becomes ``<em>``/``<strong>``
in HTML, ``*``/``**`` in Markdown, and in plain text what the ``emphasis`` option says.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from studio.core.atomic import atomic_write
from studio.core.emphasis import STYLES, around_markers, html_of, rewrite
from studio.core.errors import StudioError
from studio.core.naming import slugify
from studio.core.publishing.options import FORMATS, ExportOptions
from studio.core.text_transforms import (
    convert_dashes,
    curly_quotes,
    number_words,
    render_template,
    roman,
    straight_quotes,
    wrap_paragraph,
)

if TYPE_CHECKING:
    from studio.core.project import Project

Progress = Callable[[int, int], None]
ScopeKind = Literal["manuscript", "part", "scenes"]


class ExportCancelledError(StudioError):
    """Raised from a progress callback to stop an export."""


@dataclass(frozen=True)
class ExportScope:
    """What to publish: the whole manuscript, one part (by id), or some scenes (by id)."""

    kind: ScopeKind = "manuscript"
    part_id: str = ""
    scene_ids: tuple[str, ...] = ()


@dataclass
class ExportPart:
    """One part to publish: its number and title, its scenes' texts, notes and the part after it."""

    number: int
    title: str
    scenes: list[str] = field(default_factory=list)
    notes: str = ""
    next_number: int | None = None
    next_title: str = ""
    group: str = ""  # the book or volume this part opens: a heading above the part's own


@dataclass
class ExportDocument:
    """Everything an exporter needs, already read from the project."""

    title: str
    author: str
    parts: list[ExportPart] = field(default_factory=list)

    @property
    def scene_count(self) -> int:
        """How many scenes the document holds."""
        return sum(len(part.scenes) for part in self.parts)


def gather(
    project: Project, scope: ExportScope, options: ExportOptions, progress: Progress | None = None
) -> ExportDocument:
    """Read the scenes in ``scope`` (in manuscript order, never the trash) into a document."""
    chosen = [project.part(scope.part_id)] if scope.kind == "part" else list(project.parts)
    wanted = set(scope.scene_ids) if scope.kind == "scenes" else None
    if wanted is not None:
        for scene_id in wanted:
            project.locate(scene_id)  # raises NodeNotFoundError for a trashed or unknown scene
    total = sum(len(p.scenes) for p in chosen)
    done = 0
    document = ExportDocument(project.title, project.author)
    for part in chosen:
        index = project.parts.index(part)
        texts = []
        for scene in part.scenes:
            done += 1
            if wanted is None or scene.id in wanted:
                texts.append(project.scene_text(scene.id))
            if progress is not None and (done % 16 == 0 or done == total):
                progress(done, total * 2)
        if wanted is not None and not texts:
            continue
        following = project.parts[index + 1] if index + 1 < len(project.parts) else None
        document.parts.append(
            ExportPart(
                number=options.start_number + index,
                title=part.title,
                scenes=texts,
                notes=part.notes,
                next_number=options.start_number + index + 1 if following else None,
                next_title=following.title if following else "",
                group=part.group,
            )
        )
    return document


def paragraphs_of(text: str) -> list[str]:
    """Return a scene's paragraphs: its non-blank lines, trimmed."""
    return [line.strip() for line in text.split("\n") if line and not line.isspace()]


class Exporter:
    """Renders an ``ExportDocument`` as text; subclasses decide the markup."""

    extension = "txt"

    def __init__(self, options: ExportOptions) -> None:
        self.options = options

    # -- the parts a subclass can change ------------------------------------------------
    def header_block(self, lines: list[str]) -> str:
        """Render the header's lines."""
        return "\n".join(lines)

    def heading_block(self, text: str) -> str:
        """Render a part heading."""
        return text

    def paragraph_block(self, paragraphs: list[str]) -> str:
        """Render a scene's paragraphs."""
        options = self.options
        if options.wrap:
            paragraphs = [wrap_paragraph(p, options.wrap) for p in paragraphs]
        return ("\n\n" if options.paragraphs == "blank" else "\n").join(paragraphs)

    def scene_joiner(self) -> str:
        """Return what goes between two scenes: the mark, blank lines, or a paragraph gap."""
        options = self.options
        blanks = options.blank_separator_lines()
        if blanks is not None:
            return "\n" * (blanks + 1)
        if options.separator:
            return f"\n\n{options.separator}\n\n"
        return "\n\n" if options.paragraphs == "blank" else "\n"

    def text_block(self, text: str) -> str:
        """Render a closing line, footer or notes."""
        return self.paragraph_block(paragraphs_of(text))

    def escape(self, text: str) -> str:
        """Escape text for the format."""
        return text

    def scene_paragraph(self, text: str) -> str:
        """Render one paragraph of scene text, emphasis included (plain text: as the option says)."""
        return rewrite(text, "markers" if self.options.emphasis not in STYLES else self.options.emphasis)

    def finish(self, text: str) -> str:
        """Apply line endings."""
        text = text.rstrip("\n") + "\n"
        return text.replace("\n", "\r\n") if self.options.line_endings == "crlf" else text

    # -- the whole document ------------------------------------------------------------
    def render(self, document: ExportDocument, progress: Progress | None = None) -> str:
        """Return the document as one text."""
        options = self.options
        blocks: list[str] = []
        header = render_template(options.header, {"title": document.title, "author": document.author})
        if header.strip():
            blocks.append(self.header_block([self.transform(line) for line in header.split("\n")]))
        total, done = document.scene_count, 0
        for part in document.parts:
            heading = render_template(options.part_heading, self.part_values(document, part))
            if part.group.strip() and options.part_heading:
                blocks.append(self.heading_block(self.transform(part.group)))
            if heading.strip():
                blocks.append(self.heading_block(self.transform(heading)))
            scene_blocks = []
            for text in part.scenes:
                paragraphs = paragraphs_of(self.transform(text))
                if paragraphs:
                    scene_blocks.append(self.paragraph_block([self.scene_paragraph(p) for p in paragraphs]))
                done += 1
                if progress is not None and (done % 16 == 0 or done == total):
                    progress(total + done, total * 2)
            if scene_blocks:
                blocks.append(self.scene_joiner().join(scene_blocks))
            if options.part_notes == "include" and part.notes.strip():
                blocks.append(self.text_block(self.transform(part.notes)))
        if document.parts and document.parts[-1].next_number is not None:
            last = document.parts[-1]
            closing = render_template(options.closing, self.part_values(document, last))
            if closing.strip():
                blocks.append(self.text_block(self.transform(closing)))
        footer = (
            render_template(options.footer, self.part_values(document, document.parts[-1]))
            if (document.parts)
            else render_template(options.footer, {"title": document.title, "author": document.author})
        )
        if footer.strip():
            blocks.append(self.text_block(self.transform(footer)))
        return self.finish("\n\n".join(blocks))

    def transform(self, text: str) -> str:
        """Apply the quote and dash options."""
        options = self.options
        if options.dashes != "keep":
            text = convert_dashes(text, options.dashes)
        if options.quotes == "curly":
            text = around_markers(text, curly_quotes)  # ``*"Stop!"*`` opens with “
        elif options.quotes == "straight":
            text = straight_quotes(text)
        return text

    @staticmethod
    def part_values(document: ExportDocument, part: ExportPart) -> dict[str, object]:
        """Return the template values for a part."""
        nxt = part.next_number
        return {
            "title": part.title,
            "author": document.author,
            "story_title": document.title,
            "number": part.number,
            "number_words": number_words(part.number),
            "roman": roman(part.number),
            "next_number": nxt if nxt is not None else "",
            "next_number_words": number_words(nxt) if nxt is not None else "",
            "next_roman": roman(nxt) if nxt is not None else "",
            "next_title": part.next_title,
        }


class PlainTextExporter(Exporter):
    """Plain text, ready to paste into a posting form."""

    extension = "txt"


MARKDOWN_SPECIAL = re.compile(r"^(#|>|[-+*](?=\s)|\d+[.)](?=\s)|=+$|-+$)")


class MarkdownExporter(Exporter):
    """Markdown: ``#`` title, ``##`` part headings, a thematic break or the separator between scenes."""

    extension = "md"

    def header_block(self, lines: list[str]) -> str:
        """The first line is the title heading; the rest are plain lines."""
        first, rest = lines[0], [self.escape(line) for line in lines[1:] if line.strip()]
        return "\n\n".join([f"# {first}", *rest])

    def heading_block(self, text: str) -> str:
        """A level-2 heading (several lines are joined)."""
        return "## " + " ".join(line.strip() for line in text.split("\n") if line.strip())

    def paragraph_block(self, paragraphs: list[str]) -> str:
        """Paragraphs always have a blank line between them (a single newline joins lines in Markdown)."""
        if self.options.wrap:
            paragraphs = [wrap_paragraph(p, self.options.wrap) for p in paragraphs]
        return "\n\n".join(paragraphs)

    def scene_joiner(self) -> str:
        """A thematic break for blank lines (Markdown collapses them); ``#`` escaped."""
        mark = self.options.separator.strip()
        if not mark:
            return "\n\n"
        if self.options.blank_separator_lines() is not None:
            return "\n\n* * *\n\n"
        return f"\n\n{self.escape(mark) if mark.startswith('#') else mark}\n\n"

    def scene_paragraph(self, text: str) -> str:
        """Emphasis written with ``*`` and ``**``; a line start Markdown would read as markup escaped."""
        return self.escape(rewrite(text, "asterisks"))

    def escape(self, text: str) -> str:
        """Backslash a line start that Markdown would read as markup."""
        return MARKDOWN_SPECIAL.sub(r"\\\1", text) if text[:1] in "#>-+*=0123456789" else text


class HtmlExporter(Exporter):
    """HTML to paste into a site's editor: ``<p>`` paragraphs, ``<h2>`` headings, ``<hr>`` breaks."""

    extension = "html"

    def header_block(self, lines: list[str]) -> str:
        """``<h1>`` title, then ``<p>`` lines."""
        first = f"<h1>{self.escape(lines[0])}</h1>"
        return "\n".join([first, *(f"<p>{self.escape(line)}</p>" for line in lines[1:] if line.strip())])

    def heading_block(self, text: str) -> str:
        """An ``<h2>``, with ``<br>`` between lines."""
        return "<h2>" + "<br>".join(self.escape(x) for x in text.split("\n") if x.strip()) + "</h2>"

    def paragraph_block(self, paragraphs: list[str]) -> str:
        """One ``<p>`` per paragraph (never wrapped)."""
        return "\n".join(f"<p>{p}</p>" for p in paragraphs)

    def scene_joiner(self) -> str:
        """``<hr>`` for blank lines, else the mark centred."""
        mark = self.options.separator.strip()
        if not mark:
            return "\n"
        if self.options.blank_separator_lines() is not None:
            return "\n<hr>\n"
        return f'\n<p style="text-align: center">{self.escape(mark)}</p>\n'

    def text_block(self, text: str) -> str:
        """Paragraphs of a closing line, footer or notes."""
        return self.paragraph_block([self.escape(p) for p in paragraphs_of(text)])

    def scene_paragraph(self, text: str) -> str:
        """``<em>`` and ``<strong>`` for emphasis, everything else escaped."""
        return html_of(text)

    def escape(self, text: str) -> str:
        """Escape ``&``, ``<`` and ``>``."""
        return html.escape(text, quote=False)

    def finish(self, text: str) -> str:
        """HTML blocks one per line; line endings as chosen."""
        return super().finish(text.replace("\n\n", "\n"))


EXPORTERS: dict[str, type[Exporter]] = {
    "txt": PlainTextExporter,
    "md": MarkdownExporter,
    "html": HtmlExporter,
}


def exporter_for(options: ExportOptions, fmt: str | None = None) -> Exporter:
    """Return the exporter for a format (default: the options' own)."""
    fmt = fmt or options.format
    if fmt not in EXPORTERS:
        raise StudioError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return EXPORTERS[fmt](options)


def export_text(
    project: Project,
    options: ExportOptions | None = None,
    scope: ExportScope | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> str:
    """Return the published text of ``scope`` (default: the whole manuscript)."""
    options = options or ExportOptions.from_settings(project.settings.get("export"))
    exporter = exporter_for(options, fmt)
    document = gather(project, scope or ExportScope(), options, progress)
    return exporter.render(document, progress)


def export_parts_to_files(
    project: Project,
    folder: str | Path,
    options: ExportOptions | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write one file per part into ``folder`` (``01-title.txt``...); return the paths."""
    options = options or ExportOptions.from_settings(project.settings.get("export"))
    exporter = exporter_for(options, fmt)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for index, part in enumerate(project.parts):
        text = export_text(project, options, ExportScope("part", part.id), fmt)
        name = f"{index + 1:02d}-{slugify(part.title, 'part')}.{exporter.extension}"
        atomic_write(target / name, text.encode("utf-8"))
        written.append(target / name)
        if progress is not None:
            progress(index + 1, len(project.parts))
    return written


def find_part(project: Project, wanted: str) -> str:
    """Return the id of a part given by number (from 1, manuscript order), id or title."""
    text = wanted.strip()
    if text.isascii() and text.isdigit():
        number = int(text)
        if not 1 <= number <= len(project.parts):
            raise StudioError(f"no part {number}: the manuscript has {len(project.parts)} parts")
        return project.parts[number - 1].id
    for part in project.parts:
        if part.id == text or part.title == text:
            return part.id
    folded = [p for p in project.parts if p.title.casefold() == text.casefold()]
    if len(folded) == 1:
        return folded[0].id
    raise StudioError(f"no part titled {wanted!r}")


def scene_ids_in_order(project: Project, ids: Sequence[str]) -> tuple[str, ...]:
    """Return the given scene ids that are in the manuscript, in manuscript order."""
    wanted = set(ids)
    return tuple(s.id for s in project.iter_scenes() if s.id in wanted)
