"""Importing posted parts with italics and bold: markers and escapes kept exactly as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.counting import words_of
from studio.core.emphasis import parse, strip_markers
from studio.core.importing.apply import apply_plan
from studio.core.importing.reader import MarkdownImporter, TextImporter, plan_import
from studio.core.publishing.exporting import MarkdownExporter, export_text
from studio.core.publishing.options import ExportOptions

POSTED_TXT = """The Long Voyage
By Jane Q. Writer

Chapter 12: Salt

*The Marguerite*

She was the last ship out of Harrow Point, and the *Marguerite* had never once been late.

*Not again,* Mara thought. *Not tonight.*

"You'll **stay** here," Tomas said, "and you'll _wait_ for me."

* * *

_Dear Wren,_

__Burn this letter.__ I mean it -- all of it.

A/N: *Thank you* for reading!
"""

POSTED_MD = """# The Long Voyage

By Jane Q. Writer

## Chapter 12: Salt

*The Marguerite*

She was the last ship out of Harrow Point, and the *Marguerite* had never
once been late.

*Not again,* Mara thought. *Not tonight.*

\\*not emphasis\\* was what the sign said, stars and all.

\\\\ marked the place where the page was torn.

\\- so the list began, in his cramped hand.

\\1. Keep the lamp lit.

* * *

_Dear Wren,_

__Burn this letter.__ I mean it.
"""


def paragraphs(plan) -> list[str]:  # noqa: ANN001
    return [p for part in plan.parts for scene in part.scenes for p in scene.paragraphs]


def test_plain_text_part_keeps_italics_and_bold_as_written(tmp_path: Path) -> None:
    source = tmp_path / "chapter-12.txt"
    source.write_text(POSTED_TXT, encoding="utf-8")
    plan = plan_import([source])
    assert (plan.title, plan.author) == ("The Long Voyage", "Jane Q. Writer")
    [part] = plan.parts
    assert part.title == "Salt"
    assert [s.paragraphs for s in part.scenes] == [
        [
            "*The Marguerite*",
            "She was the last ship out of Harrow Point, and the *Marguerite* had never once been late.",
            "*Not again,* Mara thought. *Not tonight.*",
            '"You\'ll **stay** here," Tomas said, "and you\'ll _wait_ for me."',
        ],
        ["_Dear Wren,_", "__Burn this letter.__ I mean it -- all of it."],
    ]
    assert part.notes == "A/N: *Thank you* for reading!"
    apply_plan(tmp_path / "story", plan)
    reopened = load_project(tmp_path / "story")
    first = reopened.parts[0].scenes[0]
    assert reopened.scene_text(first.id).startswith("*The Marguerite*\nShe was the last ship")
    options = ExportOptions.from_settings(reopened.settings["export"])
    assert export_text(reopened, options) == POSTED_TXT


def test_markdown_part_keeps_emphasis_and_the_writers_escapes(tmp_path: Path) -> None:
    source = tmp_path / "chapter-12.md"
    source.write_text(POSTED_MD, encoding="utf-8")
    plan = plan_import([source])
    assert (plan.title, plan.author) == ("The Long Voyage", "Jane Q. Writer")
    assert paragraphs(plan) == [
        "*The Marguerite*",
        "She was the last ship out of Harrow Point, and the *Marguerite* had never once been late.",
        "*Not again,* Mara thought. *Not tonight.*",
        "\\*not emphasis\\* was what the sign said, stars and all.",  # an escape of the writer's: kept
        "\\\\ marked the place where the page was torn.",
        "- so the list began, in his cramped hand.",  # the exporter's escape: removed
        "1. Keep the lamp lit.",
        "_Dear Wren,_",
        "__Burn this letter.__ I mean it.",
    ]
    assert [span.kind for span in parse(paragraphs(plan)[3])] == []
    assert strip_markers(paragraphs(plan)[3]).startswith("*not emphasis*")
    apply_plan(tmp_path / "story", plan)
    reopened = load_project(tmp_path / "story")
    again = export_text(reopened, ExportOptions.from_settings(reopened.settings["export"]))
    assert "\\*not emphasis\\* was what" in again and "\n\\\\ marked the place" in again
    assert "\n\\- so the list" in again and "\n\\1. Keep" in again
    assert words_of(again) == words_of(POSTED_MD)


@pytest.mark.parametrize(
    "paragraph",
    [
        "\\*not emphasis\\*",
        "\\*not emphasis\\* she read aloud.",
        "\\_not emphasis\\_ either.",
        "\\\\ one backslash.",
        "\\\\\\* a backslash and a star.",
        "\\*sigh",
        "# not a heading",
        "#hashtag",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "12) not a list",
        "===",
        "---",
        "*The Marguerite*",
        "**Stop.**",
        "_Dear Wren,_",
        "__Burn this.__",
    ],
)
def test_a_markdown_export_gives_back_each_paragraph_as_written(paragraph: str) -> None:
    exporter = MarkdownExporter(ExportOptions())
    posted = "## Chapter 1\n\nFirst.\n\n" + exporter.scene_paragraph(paragraph) + "\n\nLast.\n"
    plan = MarkdownImporter().parse(posted)
    expected = paragraph.replace("_Dear Wren,_", "*Dear Wren,*").replace("__Burn this.__", "**Burn this.**")
    assert paragraphs(plan) == ["First.", expected, "Last."]


def test_the_exporters_escape_is_removed_only_where_a_paragraph_starts() -> None:
    text = "## Chapter 1\n\nThe note said to go\n\\# and nothing more.\n\n\\# a paragraph.\n"
    plan = MarkdownImporter().parse(text)
    assert paragraphs(plan) == ["The note said to go \\# and nothing more.", "# a paragraph."]


def test_an_escaped_hash_mark_alone_is_still_a_scene_break() -> None:
    plan = MarkdownImporter().parse("## Chapter 1\n\nOne.\n\n\\#\n\nTwo.\n")
    assert [s.paragraphs for s in plan.parts[0].scenes] == [["One."], ["Two."]]
    assert plan.export_settings["separator"] == "\\#"


@pytest.mark.parametrize("importer", [TextImporter(), MarkdownImporter()], ids=["txt", "md"])
@pytest.mark.parametrize("line", ["*The Marguerite*", "_The Marguerite_", "**The Marguerite**", "*Prologue*"])
def test_a_short_emphasised_line_in_the_story_stays_a_paragraph(importer: TextImporter, line: str) -> None:
    text = (
        f"Chapter 3\n\n{line}\n\nShe sailed at dawn.\n\n* * *\n\n{line}\n\nThe harbour was empty.\n\n"
        f"Chapter 4\n\n{line}\n"
    )
    plan = importer.parse(text, "voyage")
    assert [p.title for p in plan.parts] == ["Chapter 3", "Chapter 4"]
    assert [s.paragraphs for s in plan.parts[0].scenes] == [
        [line, "She sailed at dawn."],
        [line, "The harbour was empty."],
    ]
    assert plan.parts[1].scenes[0].paragraphs == [line]


def test_an_emphasised_line_in_a_heading_position_is_read_as_before() -> None:
    under = TextImporter().parse("CHAPTER IV.\n*The Marguerite*\n\nShe sailed.\n", "voyage")
    assert under.parts[0].title == "*The Marguerite*"  # the title line under a titleless heading
    assert under.parts[0].scenes[0].paragraphs == ["She sailed."]
    titled = TextImporter().parse("*The Long Voyage*\n\nChapter 1\n\nShe sailed.\n", "voyage")
    assert titled.title == "The Long Voyage"  # the story's title above the first heading


def test_an_emphasised_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "Chapter 4\n\n*By the time the Marguerite docked, she was gone.*\n\nMara ran.\n"
    for importer in (TextImporter(), MarkdownImporter()):
        plan = importer.parse(text, "voyage")
        assert plan.author == ""
        assert plan.parts[0].scenes[0].paragraphs[0] == "*By the time the Marguerite docked, she was gone.*"
    byline = TextImporter().parse("The Voyage\n*By Jane Q. Writer*\n\nChapter 1\n\nGo.\n")
    assert byline.author == "Jane Q. Writer"


def test_hard_wrapped_plain_text_keeps_emphasis_across_the_joined_lines() -> None:
    text = (
        "Chapter 1\n\n"
        "She had read the name a hundred times, painted in white on the\n"
        "bow of the ship: *The Marguerite*. Nobody in the town had ever\n"
        "said it aloud without a little **pride**, and nobody had ever\n"
        "said it the way her father did, soft and _slow_, like a prayer.\n\n"
        "*Not again,* she thought, and she turned her face to the wind and\n"
        "walked down the long stone pier to the water, counting the steps\n"
        "as she went, the way she had as a girl when the boats came home.\n"
    )
    plan = TextImporter().parse(text, "voyage")
    first, second = plan.parts[0].scenes[0].paragraphs
    assert "bow of the ship: *The Marguerite*. Nobody" in first and "**pride**" in first and "_slow_" in first
    assert second.startswith("*Not again,* she thought")
    assert words_of(first + " " + second) == words_of(text.split("\n", 2)[2])
