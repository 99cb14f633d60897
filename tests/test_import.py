"""Importing real-looking posted chapters and novels: titles, headings, breaks, wrapping, encodings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core import load_project
from studio.core.counting import words_of
from studio.core.errors import StudioError
from studio.core.importing.apply import apply_plan
from studio.core.importing.decoding import EncodingUnknownError
from studio.core.importing.reader import ImportOptions, MarkdownImporter, TextImporter, plan_import
from studio.core.publishing.exporting import export_text
from studio.core.publishing.options import ExportOptions
from studio.core.text_transforms import render_template, roman

POSTED_PART = """The Long Road Home
By Jane Q. Writer

Part Five: The Last Night of the World

"Don't go," she said. 'Tis the season, after all.

He didn't answer. The rain fell -- and it kept falling.

* * *

Morning came grey and cold.

They walked in silence to the harbour, where the boats waited.

* * *

Continued in Part Six: The Morning After
A/N: Thanks for reading! Reviews are love.
"""

PARAGRAPH = (
    "It was late in the evening when the carriage stopped at the gate, and the old house stood dark "
    "against a sky that had not decided between rain and snow. Nobody came out to meet them."
)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def all_words(plan) -> list[str]:  # noqa: ANN001
    header = plan.export_settings.get("header", "")
    out = words_of(render_template(header, {"title": plan.title, "author": plan.author}))
    for part in plan.parts:
        out += words_of(part.group)  # the book or volume heading above the part's own
        out += words_of(part.heading.line if part.heading else "")
        for scene in part.scenes:
            out += words_of(scene.text)
        out += words_of(part.notes)
    return out


def test_posted_part_title_byline_heading_breaks_and_trailer(tmp_path: Path) -> None:
    plan = plan_import([write(tmp_path, "part5.txt", POSTED_PART)])
    assert (plan.title, plan.author) == ("The Long Road Home", "Jane Q. Writer")
    [part] = plan.parts
    assert part.title == "The Last Night of the World"
    assert [len(s.paragraphs) for s in part.scenes] == [2, 2]
    assert part.notes.splitlines() == [
        "Continued in Part Six: The Morning After",
        "A/N: Thanks for reading! Reviews are love.",
    ]
    assert plan.export_settings["part_heading"] == "Part {number_words}: {title}"
    assert plan.export_settings["start_number"] == 5
    assert plan.export_settings["separator"] == "* * *"
    assert all_words(plan) == words_of(POSTED_PART)


def test_posted_part_imports_edits_and_publishes_back(tmp_path: Path) -> None:
    plan = plan_import([write(tmp_path, "part5.txt", POSTED_PART)])
    project, created = apply_plan(tmp_path / "story", plan)
    assert created
    reopened = load_project(tmp_path / "story")
    assert reopened.parts[0].notes.startswith("Continued in Part Six")
    text = export_text(reopened)
    assert text.startswith("The Long Road Home\nBy Jane Q. Writer\n\nPart Five: The Last Night of")
    assert words_of(text) == words_of(POSTED_PART)
    scene = reopened.parts[0].scenes[1]
    reopened.set_scene_text(scene.id, reopened.scene_text(scene.id) + "A gull cried.\n")
    assert "They walked in silence to the harbour, where the boats waited.\n\nA gull cried." in export_text(
        reopened
    )


def novel(chapters: int, titled: bool = True) -> str:
    out = ["PRIDE OF THE VALLEY", "", "by Anne Example", "", ""]
    for number in range(1, chapters + 1):
        out.append(f"CHAPTER {roman(number)}." + (f" The {number}th Evening" if titled else ""))
        out.append("")
        for scene in range(2):
            if scene:
                out += ["", ""]
            for _ in range(3):
                out += [PARAGRAPH, ""]
        out.append("")
    return "\n".join(out)


def test_long_novel_with_chapter_headings(tmp_path: Path) -> None:
    text = novel(40)
    plan = plan_import([write(tmp_path, "novel.txt", text)])
    assert plan.title == "PRIDE OF THE VALLEY" and plan.author == "Anne Example"
    assert len(plan.parts) == 40
    assert plan.parts[2].title == "The 3th Evening"
    assert all(len(p.scenes) == 2 for p in plan.parts)
    assert plan.export_settings["part_heading"] == "CHAPTER {roman}. {title}"
    assert all_words(plan) == words_of(text)


def test_chapter_heading_with_title_on_the_next_line(tmp_path: Path) -> None:
    text = "CHAPTER I.\nA Start in Life\n\nThe first words.\n\nCHAPTER II.\nThe Road North\n\nMore words.\n"
    plan = TextImporter().parse(text, "book")
    assert [p.title for p in plan.parts] == ["A Start in Life", "The Road North"]
    assert plan.export_settings["part_heading"] == "CHAPTER {roman}.\n{title}"


def test_heading_kinds(tmp_path: Path) -> None:
    text = "Chapter 3\n\nOne.\n\nIV\n\nTwo.\n\n## Part Nine: Ends\n\nThree.\n\nPrologue\n\nFour.\n"
    plan = TextImporter().parse(text, "mixed")
    assert [p.title for p in plan.parts] == ["Chapter 3", "IV", "Part Nine: Ends", "Prologue"]
    assert plan.export_settings["part_heading"] == "{title}"


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    paragraphs = [PARAGRAPH + f" Line {n} of the tale, and more." for n in range(6)]
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in paragraphs)
    plan = plan_import([write(tmp_path, "wrapped.txt", wrapped + "\n")])
    [part] = plan.parts
    assert part.scenes[0].paragraphs == paragraphs
    assert plan.export_settings["wrap"] == max(len(line) for line in wrapped.splitlines())


def test_indented_wrapped_paragraphs(tmp_path: Path) -> None:
    paragraphs = [PARAGRAPH + f" Paragraph {n}." for n in range(5)]
    body = "\n".join(textwrap.fill(p, 66, initial_indent="    ") for p in paragraphs)
    plan = TextImporter().parse(body + "\n", "indented")
    assert plan.parts[0].scenes[0].paragraphs == paragraphs


def test_dialogue_on_single_lines_is_not_joined(tmp_path: Path) -> None:
    text = '"Where?" he asked.\n"There."\n"Oh."\nShe pointed at the hill.\n\nLater.\nMuch later.\n'
    plan = TextImporter().parse(text, "talk")
    scenes = plan.parts[0].scenes
    assert scenes[0].paragraphs == ['"Where?" he asked.', '"There."', '"Oh."', scenes[0].paragraphs[3]]
    assert scenes[1].paragraphs == ["Later.", "Much later."]
    assert plan.export_settings["paragraphs"] == "newline"


@pytest.mark.parametrize("mark", ["*", "* * *", "#", "~", "-", "—", "***", "~~~"])
def test_scene_break_marks(mark: str) -> None:
    plan = TextImporter().parse(f"One.\n\nTwo.\n\n{mark}\n\nThree.\n", "s")
    assert [s.paragraphs for s in plan.parts[0].scenes] == [["One.", "Two."], ["Three."]]


def test_two_blank_lines_break_scenes() -> None:
    plan = TextImporter().parse("One.\n\nTwo.\n\n\nThree.\n", "s")
    assert [s.paragraphs for s in plan.parts[0].scenes] == [["One.", "Two."], ["Three."]]


def test_crlf_and_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + POSTED_PART.replace("\n", "\r\n").encode("utf-8")
    plan = plan_import([write(tmp_path, "windows.txt", data)])
    assert plan.title == "The Long Road Home"
    assert plan.encodings == ["utf-8-sig"]
    assert not any("\r" in s.text or "\ufeff" in s.text for s in plan.parts[0].scenes)
    assert all_words(plan) == words_of(POSTED_PART)


def test_utf16_with_bom(tmp_path: Path) -> None:
    plan = plan_import([write(tmp_path, "wide.txt", POSTED_PART.encode("utf-16"))])
    assert plan.author == "Jane Q. Writer"


def test_cp1252_needs_an_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "old.txt", "Caf\u00e9 \u201cnoir\u201d.\n".encode("cp1252"))
    with pytest.raises(EncodingUnknownError, match="old.txt.*--encoding cp1252"):
        plan_import([path])
    plan = plan_import([path], ImportOptions(encoding="cp1252"))
    assert plan.parts[0].scenes[0].paragraphs == ["Caf\u00e9 \u201cnoir\u201d."]
    with pytest.raises(StudioError, match="unknown encoding"):
        plan_import([path], ImportOptions(encoding="klingon"))


def test_markdown_headings_and_joined_lines() -> None:
    text = "# The Story\n\n## Part One: Ice\n\nA line\ncontinued here.\n\n\\# not a heading\n\n***\n\nB.\n"
    plan = MarkdownImporter().parse(text, "md")
    assert plan.title == "The Story"
    [part] = plan.parts
    assert part.title == "Ice"
    assert plan.export_settings["part_heading"] == "Part {number_words}: {title}"
    assert [s.paragraphs for s in part.scenes] == [["A line continued here.", "# not a heading"], ["B."]]


def test_several_files_append_in_order(tmp_path: Path) -> None:
    one = write(tmp_path, "one.txt", "Chapter 1: Ice\n\nCold.\n")
    two = write(tmp_path, "two.txt", "Chapter 2: Fire\n\nHot.\n")
    plan = plan_import([one, two])
    assert [p.title for p in plan.parts] == ["Ice", "Fire"]
    project, _ = apply_plan(tmp_path / "p", plan)
    third = write(tmp_path, "three.txt", "Chapter 3: Ash\n\nGrey.\n")
    again, created = apply_plan(tmp_path / "p", plan_import([third]))
    assert not created
    assert [p.title for p in load_project(tmp_path / "p").parts] == ["Ice", "Fire", "Ash"]


def test_plan_adjustments() -> None:
    plan = TextImporter().parse("Chapter 1\n\nA.\n\n* * *\n\nB.\n\nChapter 2\n\nC.\n", "x")
    plan.merge_parts(0)
    assert [len(p.scenes) for p in plan.parts] == [3]
    plan.merge_scenes(0, 0)
    assert plan.parts[0].scenes[0].paragraphs == ["A.", "B."]
    plan.split_scene(0, 0, 1)
    plan.split_part(0, 1, "Second")
    assert [p.title for p in plan.parts] == ["Chapter 1", "Second"]
    assert [s.title for s in plan.parts[1].scenes] == ["Scene 1", "Scene 2"]
    with pytest.raises(StudioError):
        plan.merge_parts(5)


def test_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="no such file"):
        plan_import([tmp_path / "missing.txt"])
    with pytest.raises(StudioError, match="no text"):
        plan_import([write(tmp_path, "empty.txt", "\n\n   \n")])


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(list("ab ZIV.*#~-—\n\r\t\"'") + ["Chapter 1", "By x", "A/N:", "\n\n", "Part Two: "])
    ).map("".join)
)
def test_importer_fuzz_keeps_every_word_in_order(text: str) -> None:
    plan = TextImporter().parse(text, "fuzz")
    assert all_words(plan) == words_of(text)
    if plan.parts:
        ExportOptions.from_settings(plan.export_settings)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_importer_fuzz_on_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.txt"
    path.write_bytes(data)
    try:
        plan = plan_import([path])
    except StudioError as error:
        assert "\n" not in str(error)
    else:
        assert plan.parts
