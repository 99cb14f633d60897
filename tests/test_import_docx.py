"""Word (.docx) import through mammoth: documents built here with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from studio.core.errors import StudioError
from studio.core.importing.docx_reader import is_docx, plan_from_docx
from studio.core.importing.sources import plan_from_paths


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def manuscript() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("The Lamp", level=0)
    document.add_paragraph("By A. Writer")
    document.add_heading("Chapter 1: The Storm", level=1)
    paragraph = document.add_paragraph("She counted ")
    paragraph.add_run("every").italic = True
    paragraph.add_run(" step and ")
    both = paragraph.add_run("all")
    both.bold = both.italic = True
    paragraph.add_run(" of them.")
    loud = document.add_paragraph("It ")
    run = loud.add_run("has")
    run.bold = True
    loud.add_run(" to hold.")
    document.add_comment(run, text="EDITOR COMMENT: cut this", author="Editor", initials="ED")
    document.add_page_break()
    document.add_heading("Chapter 2: The Boat", level=1)
    document.add_paragraph("Morning came.")
    mark = document.add_paragraph("* * *")
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Noon came.")
    return document


def test_headings_emphasis_and_breaks() -> None:
    plan = plan_from_docx(save(manuscript()), "lamp")
    assert (plan.title, plan.author) == ("The Lamp", "A. Writer")
    assert [(p.title, len(p.scenes)) for p in plan.parts] == [("The Storm", 1), ("The Boat", 2)]
    assert plan.parts[0].scenes[0].paragraphs == [
        "She counted *every* step and ***all*** of them.",
        "It **has** to hold.",
    ]
    assert plan.export_settings["part_heading"] == "Chapter {number}: {title}"


def test_comments_are_left_out() -> None:
    plan = plan_from_docx(save(manuscript()))
    every = [text for p in plan.parts for s in p.scenes for text in s.paragraphs]
    assert not any("EDITOR COMMENT" in text for text in every)


def test_page_break_without_heading_is_a_scene_break() -> None:
    document = docx.Document()
    document.add_paragraph("Before the break.")
    document.add_page_break()
    document.add_paragraph("After the break.")
    plan = plan_from_docx(save(document), "untitled-draft")
    assert plan.title == "Untitled Draft"
    assert [s.paragraphs for s in plan.parts[0].scenes] == [["Before the break."], ["After the break."]]


def test_heading_two_titles_scenes_under_heading_one_chapters() -> None:
    document = docx.Document()
    document.add_heading("Chapter 1", level=1)
    document.add_heading("At the Quay", level=2)
    document.add_paragraph("Waiting.")
    document.add_heading("On the Ferry", level=2)
    document.add_paragraph("Crossing.")
    document.add_heading("Chapter 2", level=1)
    document.add_paragraph("Arriving.")
    plan = plan_from_docx(save(document))
    assert [[s.title for s in p.scenes] for p in plan.parts] == [["At the Quay", "On the Ferry"], ["Scene 1"]]


def test_docx_by_content_and_damaged_file(tmp_path: Path) -> None:
    data = save(manuscript())
    assert is_docx(data) and not is_docx(b"PK\x03\x04 not really")
    renamed = tmp_path / "draft.dat"
    renamed.write_bytes(data)
    assert plan_from_paths([renamed]).title == "The Lamp"
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(StudioError, match="damaged.docx") as caught:
        plan_from_paths([damaged])
    assert "\n" not in str(caught.value)
