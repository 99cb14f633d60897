"""DOCX and EPUB exporters, read back with python-docx, ebooklib and a strict XML parser."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
from ebooklib import epub

from studio.core.publishing.documents import docx_bytes, epub_bytes
from studio.core.publishing.exporting import ExportScope, gather
from studio.core.publishing.options import ExportOptions
from studio.core.storage import create_project

XHTML = "{http://www.w3.org/1999/xhtml}"


def manuscript(tmp_path: Path):  # noqa: ANN201
    project = create_project(tmp_path / "p", "Title & <Co>", "A. Writer")
    first = project.parts[0]
    project.set_scene_text(first.scenes[0].id, "She *said* <b> & 😀 שלום.\n\n**Bold** end.\n")
    project.add_scene(first.id, text="Next scene.\n")
    second = project.add_part("Second")
    project.add_scene(second.id, text="Two.\n")
    options = ExportOptions(part_notes="include")
    project.set_part_notes(second.id, "End *note*.")
    return gather(project, ExportScope(), options), options


def test_docx_reads_back(tmp_path: Path) -> None:
    document, options = manuscript(tmp_path)
    out = docx.Document(io.BytesIO(docx_bytes(document, options)))
    assert out.core_properties.title == "Title & <Co>" and out.core_properties.author == "A. Writer"
    texts = [p.text for p in out.paragraphs]
    assert texts[:2] == ["Title & <Co>", "By A. Writer"]
    assert "Part One: Part One" in texts and "Part Two: Second" in texts
    said = next(p for p in out.paragraphs if p.text.startswith("She said"))
    assert [(r.text, r.italic) for r in said.runs][:2] == [("She ", None), ("said", True)]
    bold = next(p for p in out.paragraphs if p.text == "Bold end.")
    assert bold.runs[0].bold is True
    separator = next(p for p in out.paragraphs if p.text == "* * *")
    assert separator.alignment == 1  # centred
    assert any('w:type="page"' in p._p.xml for p in out.paragraphs)
    assert texts[-1] == "End note."


def test_docx_rule_breaks_for_fanfiction_net(tmp_path: Path) -> None:
    document, options = manuscript(tmp_path)
    out = docx.Document(io.BytesIO(docx_bytes(document, options, rule_breaks=True)))
    assert "* * *" not in [p.text for p in out.paragraphs]
    assert any("w:pBdr" in p._p.xml for p in out.paragraphs)


def test_epub_reads_back_with_strict_xhtml(tmp_path: Path) -> None:
    document, options = manuscript(tmp_path)
    data = epub_bytes(document, options, "en")
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "title")[0][0] == "Title & <Co>"
    assert book.get_metadata("DC", "creator")[0][0] == "A. Writer"
    assert [item.title for item in book.toc] == ["Part One: Part One", "Part Two: Second"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chapters = sorted(n for n in archive.namelist() if n.startswith("EPUB/part-"))
        assert len(chapters) == 2
        root = ET.fromstring(archive.read(chapters[0]))
        body = root.find(f"{XHTML}body")
        assert body is not None
        paragraphs = ["".join(p.itertext()) for p in body.iter(f"{XHTML}p")]
        assert paragraphs == ["She said <b> & 😀 שלום.", "Bold end.", "* * *", "Next scene."]
        assert body.find(f".//{XHTML}em") is not None and body.find(f".//{XHTML}strong") is not None
        second = ET.fromstring(archive.read(chapters[1]))
        assert "End note." in "".join(second.itertext())
        ET.fromstring(archive.read("EPUB/nav.xhtml"))
