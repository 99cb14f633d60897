"""Exporting: options, templates, quotes, formats, scopes, the trash, files per part."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core import create_project, load_project
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.publishing.exporting import (
    ExportScope,
    export_parts_to_files,
    export_text,
    find_part,
)
from studio.core.publishing.options import ExportOptions
from studio.core.text_transforms import curly_quotes, number_words, roman, straight_quotes, wrap_paragraph


def story(root: Path):  # noqa: ANN201
    project = create_project(root, "Harbour Lights", "Ada Quill")
    with project.batch():
        project.remove_scene(project.parts[0].scenes[0].id)
        project.remove_part(project.parts[0].id)
        one = project.add_part("The Night")
        project.add_scene(one.id, title="a", text='"Don\'t," she said -- softly.\nHe left.\n')
        project.add_scene(one.id, title="b", text="Morning & <rain>.\n")
        two = project.add_part("The Day")
        project.add_scene(two.id, title="c", text="Sun.\n")
    return project


def test_defaults_plain_text(tmp_path: Path) -> None:
    text = export_text(story(tmp_path / "p"))
    assert text == (
        "Harbour Lights\nBy Ada Quill\n\nPart One: The Night\n\n"
        '"Don\'t," she said -- softly.\n\nHe left.\n\n* * *\n\nMorning & <rain>.\n\n'
        "Part Two: The Day\n\nSun.\n"
    )


def test_options_change_the_text(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    options = ExportOptions()
    for key, value in {
        "header": "",
        "part_heading": "CHAPTER {roman}\\n{title}",
        "separator": "~",
        "paragraphs": "newline",
        "quotes": "curly",
        "dashes": "em",
        "line_endings": "crlf",
        "closing": "Continued in Part {next_number_words}: {next_title}",
        "footer": "Thanks for reading {title}!",
    }.items():
        options.apply_override(key, value)
    text = export_text(project, options, ExportScope("part", project.parts[0].id))
    assert text == (
        "CHAPTER I\r\nThe Night\r\n\r\n“Don’t,” she said — softly.\r\nHe left.\r\n\r\n~\r\n\r\n"
        "Morning & <rain>.\r\n\r\nContinued in Part Two: The Day\r\n\r\nThanks for reading The Night!\r\n"
    )
    last = export_text(project, options, ExportScope("part", project.parts[1].id))
    assert "Continued" not in last  # no next part, no closing line


def test_blank_line_separator_and_run_on(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    options = ExportOptions(header="", part_heading="", separator="3")
    expected = '"Don\'t," she said -- softly.\n\nHe left.\n\n\n\nMorning'
    assert export_text(project, options).startswith(expected)
    options.separator = ""
    assert "He left.\n\nMorning" in export_text(project, options)


def test_trash_is_never_exported(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    trashed = project.parts[0].scenes[1].id
    project.delete_scenes([trashed])
    assert "Morning" not in export_text(project)
    with pytest.raises(NodeNotFoundError):
        export_text(project, scope=ExportScope("scenes", scene_ids=(trashed,)))


def test_selected_scenes(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    ids = (project.parts[1].scenes[0].id, project.parts[0].scenes[1].id)
    text = export_text(project, ExportOptions(header=""), ExportScope("scenes", scene_ids=ids))
    assert text == "Part One: The Night\n\nMorning & <rain>.\n\nPart Two: The Day\n\nSun.\n"


def test_markdown_and_html(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    md = export_text(project, ExportOptions(separator="#"), fmt="md")
    assert md.startswith("# Harbour Lights\n\nBy Ada Quill\n\n## Part One: The Night\n\n")
    assert "\n\n\\#\n\n" in md
    html = export_text(project, ExportOptions(separator="2"), fmt="html")
    assert "<h1>Harbour Lights</h1>\n<p>By Ada Quill</p>\n<h2>Part One: The Night</h2>" in html
    assert "<p>Morning &amp; &lt;rain&gt;.</p>" in html
    assert "<hr>" in html


def test_saved_options_and_overrides(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    project.set_setting("export", ExportOptions(separator="#", wrap=40).to_settings())
    reopened = load_project(tmp_path / "p")
    options = ExportOptions.from_settings(reopened.settings["export"])
    assert options.separator == "#" and options.wrap == 40
    assert ExportOptions.from_settings({"quotes": "bogus", "unknown": 1}).quotes == "keep"
    with pytest.raises(StudioError, match="'quotes' must be one of keep, straight, curly"):
        options.apply_override("quotes", "fancy")
    with pytest.raises(StudioError, match="unknown export option 'colour'"):
        options.apply_override("colour", "red")
    with pytest.raises(StudioError, match="'wrap'"):
        options.apply_override("wrap", "wide")
    options.apply_override("header", "")
    assert options.header == ""


def test_one_file_per_part(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    files = export_parts_to_files(project, tmp_path / "out", ExportOptions(header=""))
    assert [f.name for f in files] == ["01-the-night.txt", "02-the-day.txt"]
    assert files[1].read_text("utf-8") == "Part Two: The Day\n\nSun.\n"


def test_find_part(tmp_path: Path) -> None:
    project = story(tmp_path / "p")
    assert find_part(project, "2") == project.parts[1].id
    assert find_part(project, "the night") == project.parts[0].id
    with pytest.raises(StudioError, match="no part 3"):
        find_part(project, "3")


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_text(story(tmp_path / "p"), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)


@pytest.mark.parametrize(
    ("straight", "curly"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        ("Don't. Won't. It's the dog's bone.", "Don’t. Won’t. It’s the dog’s bone."),
        ("'Tis true, 'cause they got 'em in the '70s.", "’Tis true, ’cause they got ’em in the ’70s."),
        ("He said, 'Go away.'", "He said, ‘Go away.’"),
        ("\"She said 'no' to me.\"", "“She said ‘no’ to me.”"),
        ("Rock 'n' roll, goin' home.", "Rock ’n’ roll, goin’ home."),
        ('"What—" "Stop!"', "“What—” “Stop!”"),
        ('("Quiet")', "(“Quiet”)"),
        ('"\n"Next', "”\n“Next"),
    ],
)
def test_curly_quotes(straight: str, curly: str) -> None:
    assert curly_quotes(straight) == curly
    assert straight_quotes(curly) == straight


def test_numbers_and_wrap() -> None:
    assert [number_words(n) for n in (1, 5, 13, 21, 40, 100, 112)] == [
        "One", "Five", "Thirteen", "Twenty-One", "Forty", "One Hundred", "One Hundred Twelve",
    ]  # fmt: skip
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV",
    ]  # fmt: skip
    assert wrap_paragraph("aaa bbb ccc ddd", 7) == "aaa bbb\nccc ddd"
    assert wrap_paragraph("a verylongword b", 4) == "a\nverylongword\nb"


def emphasis_story(root: Path):  # noqa: ANN201
    project = create_project(root, "Harbour Lights", "Ada Quill")
    text = '_Quiet_, she said. *"Stop,"* he said. **Now** & <then>.\n*Rain* fell on the __Marguerite__.\n'
    project.set_scene_text(project.parts[0].scenes[0].id, text)
    return project


def test_emphasis_in_each_format(tmp_path: Path) -> None:
    project = emphasis_story(tmp_path / "p")
    options = ExportOptions(header="", part_heading="", quotes="curly")
    assert export_text(project, options) == (
        "_Quiet_, she said. *“Stop,”* he said. **Now** & <then>.\n\n*Rain* fell on the __Marguerite__.\n"
    )
    assert export_text(project, options, fmt="md") == (
        "*Quiet*, she said. *“Stop,”* he said. **Now** & <then>.\n\n*Rain* fell on the **Marguerite**.\n"
    )
    assert export_text(project, options, fmt="html") == (
        "<p><em>Quiet</em>, she said. <em>“Stop,”</em> he said. "
        "<strong>Now</strong> &amp; &lt;then&gt;.</p>\n"
        "<p><em>Rain</em> fell on the <strong>Marguerite</strong>.</p>\n"
    )
    options.emphasis = "strip"
    assert export_text(project, options) == (
        "Quiet, she said. “Stop,” he said. Now & <then>.\n\nRain fell on the Marguerite.\n"
    )
    options.emphasis = "asterisks"
    assert export_text(project, options).startswith("*Quiet*, she said.")


def test_emphasis_option_is_saved_and_checked() -> None:
    options = ExportOptions()
    assert options.emphasis == "markers"
    options.apply_override("emphasis", "Underscores")
    assert options.to_settings()["emphasis"] == "underscores"
    with pytest.raises(StudioError, match="emphasis"):
        options.apply_override("emphasis", "italic")
    assert ExportOptions.from_settings({"emphasis": "nonsense"}).emphasis == "markers"
