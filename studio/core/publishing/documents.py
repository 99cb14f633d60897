"""Word (.docx, with python-docx) and EPUB (with ebooklib) files of the manuscript or a part.

Both take an ``ExportDocument`` (from ``gather``) and its ``ExportOptions`` and return the
file's bytes, so the window can save them and the command line write them atomically:

- ``docx_bytes``: the title and author (from the ``header`` option), one heading per part,
  paragraphs with italics and bold, the scene separator centred (or, with ``rule_breaks``, a
  paragraph with a bottom border: a horizontal rule, for FanFiction.net), a page break
  between parts;
- ``epub_bytes``: one XHTML chapter per part, a table of contents, title, author and language
  metadata; the separator is a centred paragraph.
"""

from __future__ import annotations

import html
import io
import uuid

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from ebooklib import epub  # type: ignore[import-untyped]

from studio.core.emphasis import html_of, plain_spans
from studio.core.publishing.exporting import ExportDocument, Exporter, ExportPart, paragraphs_of
from studio.core.publishing.options import ExportOptions
from studio.core.text_transforms import render_template

EPUB_STYLE = "p.separator { text-align: center; } p { margin: 0 0 0.8em 0; }"


def _header_lines(document: ExportDocument, options: ExportOptions) -> list[str]:
    header = render_template(options.header, {"title": document.title, "author": document.author})
    return [line for line in header.split("\n") if line.strip()]


def _heading(exporter: Exporter, document: ExportDocument, part: ExportPart) -> str:
    text = render_template(exporter.options.part_heading, exporter.part_values(document, part))
    return " ".join(line.strip() for line in exporter.transform(text).split("\n") if line.strip())


def _scene_paragraphs(exporter: Exporter, part: ExportPart) -> list[list[str]]:
    """Each scene's paragraphs (quotes and dashes as the options say), empty scenes left out."""
    scenes = [paragraphs_of(exporter.transform(text)) for text in part.scenes]
    return [s for s in scenes if s]


def _add_runs(paragraph: Paragraph, text: str) -> None:
    """Add a paragraph's text as runs, italic and bold where the emphasis markers say."""
    plain, spans = plain_spans(text)
    cuts = sorted({0, len(plain), *(s.start for s in spans), *(s.end for s in spans)})
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start == end:
            continue
        run = paragraph.add_run(plain[start:end])
        kinds = {s.kind for s in spans if s.start <= start and end <= s.end}
        run.italic = "em" in kinds or None
        run.bold = "strong" in kinds or None


def _rule(paragraph: Paragraph) -> None:
    """Give a paragraph a bottom border: Word's horizontal rule."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def docx_bytes(document: ExportDocument, options: ExportOptions, rule_breaks: bool = False) -> bytes:
    """Return a .docx of the document: see the module's docstring."""
    exporter = Exporter(options)
    out = docx.Document()
    out.core_properties.title = document.title
    out.core_properties.author = document.author
    lines = _header_lines(document, options)
    if lines:
        out.add_heading(lines[0], level=0)
        for line in lines[1:]:
            out.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = options.separator.strip()
    for index, part in enumerate(document.parts):
        if index:
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        heading = _heading(exporter, document, part)
        if heading:
            out.add_heading(heading, level=1)
        for number, scene in enumerate(_scene_paragraphs(exporter, part)):
            if number and mark:
                blank = options.blank_separator_lines() is not None
                separator = out.add_paragraph("" if rule_breaks or blank else mark)
                separator.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if rule_breaks or blank:
                    _rule(separator)
            for text in scene:
                _add_runs(out.add_paragraph(), text)
        if options.part_notes == "include":
            for text in paragraphs_of(exporter.transform(part.notes)):
                _add_runs(out.add_paragraph(), text)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _xhtml_chapter(exporter: Exporter, document: ExportDocument, part: ExportPart) -> tuple[str, str]:
    """A part's title and its XHTML body (well-formed XML: everything escaped)."""
    title = _heading(exporter, document, part) or part.title or f"Part {part.number}"
    blocks = [f"<h2>{html.escape(title, quote=False)}</h2>"]
    mark = exporter.options.separator.strip()
    for number, scene in enumerate(_scene_paragraphs(exporter, part)):
        if number and mark:
            blank = exporter.options.blank_separator_lines() is not None
            shown = "* * *" if blank else html.escape(mark, quote=False)
            blocks.append(f'<p class="separator">{shown}</p>')
        blocks += [f"<p>{html_of(text)}</p>" for text in scene]
    if exporter.options.part_notes == "include":
        blocks += [f"<p>{html_of(text)}</p>" for text in paragraphs_of(exporter.transform(part.notes))]
    return title, "\n".join(blocks)


def epub_bytes(document: ExportDocument, options: ExportOptions, language: str = "en") -> bytes:
    """Return an EPUB of the document: one chapter per part, a table of contents, metadata."""
    exporter = Exporter(options)
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, document.title + document.author)}")
    book.set_title(document.title)
    book.set_language(language or "en")
    if document.author:
        book.add_author(document.author)
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=EPUB_STYLE)
    book.add_item(style)
    chapters = []
    for index, part in enumerate(document.parts, 1):
        title, body = _xhtml_chapter(exporter, document, part)
        chapter = epub.EpubHtml(title=title, file_name=f"part-{index:03d}.xhtml", lang=language or "en")
        chapter.content = f"<html><head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()
