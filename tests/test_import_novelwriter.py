"""novelWriter project import: the sample project beside the truths, and an old-format one built here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studio.core.errors import StudioError
from studio.core.importing.novelwriter_reader import is_novelwriter_project, plan_from_novelwriter

PROJECT = Path(__file__).parent / "data" / "import_sources" / "novelwriter_lamp"


def all_text(plan) -> str:  # noqa: ANN001
    return "\n".join(s.text for p in plan.parts for s in p.scenes)


def test_title_page_gives_title_author_and_front_matter() -> None:
    plan = plan_from_novelwriter(PROJECT)
    assert is_novelwriter_project(PROJECT)
    assert (plan.title, plan.author) == ("The Lamp at Harrow Point", "A. Writer")
    assert plan.notes_begin == "A novella of the north coast"
    assert "newpage" not in all_text(plan)


def test_novel_tree_in_order_chapters_scenes_sections() -> None:
    plan = plan_from_novelwriter(PROJECT)
    # The project file lists "The Boat" before "The Storm"; its order attributes put the Storm first.
    assert [(p.title, [s.title for s in p.scenes]) for p in plan.parts] == [
        ("The Storm", ["The Climb", "Midnight", "Scene 3"]),
        ("The Boat", ["On the Shingle"]),
    ]
    assert plan.export_settings["part_heading"] == "Chapter {number}: {title}"


def test_notes_inactive_archived_and_character_files_stay_out() -> None:
    text = all_text(plan_from_novelwriter(PROJECT))
    for absent in (
        "father",
        "must not be imported",
        "keeper of the Harrow",
        "fisherman",
        "Remember",
        "ignored",
    ):
        assert absent not in text


def test_synopsis_pov_and_characters() -> None:
    plan = plan_from_novelwriter(PROJECT)
    storm, boat = plan.parts
    climb = storm.scenes[0]
    assert storm.summary == "Jess keeps the lamp lit through the worst storm in years."
    assert climb.synopsis == "Jess climbs the tower as the wind rises."
    assert (climb.pov, climb.characters) == ("Jess Summers", ["Jess Summers", "Tom Harrow"])
    assert storm.scenes[1].pov == "Jess Summers"  # a section keeps its scene's POV
    assert (boat.scenes[0].pov, boat.scenes[0].synopsis) == ("Tom Harrow", "Tom finds the boat, and Jess.")
    assert plan.characters == ["Jess Summers", "Tom Harrow"]


def test_emphasis_becomes_markers_and_strike_stays() -> None:
    climb = plan_from_novelwriter(PROJECT).parts[0].scenes[0]
    assert "*one hundred and twelve*" in climb.paragraphs[0]
    assert (
        climb.paragraphs[1]
        == "“It will hold,” she said. “It **has** to hold.” The old log said otherwise, and she knew it."
    )
    assert "~~boat~~" in climb.paragraphs[2]


def test_old_format_project_with_child_elements(tmp_path: Path) -> None:
    (tmp_path / "data_1").mkdir()
    (tmp_path / "data_2").mkdir()
    (tmp_path / "nwProject.nwx").write_text(
        """<?xml version='1.0' encoding='utf-8'?>
<novelWriterXML appVersion="1.6" fileVersion="1.3">
  <project><name>Old</name><title>The Old Book</title><author>One</author><author>Two</author></project>
  <content count="3">
    <item handle="1000000000000" order="0" parent="None">
      <name>Novel</name><type>ROOT</type><class>NOVEL</class><exported>True</exported>
    </item>
    <item handle="2000000000000" order="0" parent="1000000000000">
      <name>Opening</name><type>FILE</type><class>NOVEL</class><layout>DOCUMENT</layout><exported>True</exported>
    </item>
    <item handle="1000000000001" order="1" parent="1000000000000">
      <name>Skipped</name><type>FILE</type><class>NOVEL</class><layout>DOCUMENT</layout><exported>False</exported>
    </item>
  </content>
</novelWriterXML>
""",
        encoding="utf-8",
    )
    (tmp_path / "data_2" / "000000000000_main.nwd").write_text(
        "Text before any heading, with _italics_.\n", encoding="utf-8"
    )
    (tmp_path / "data_1" / "000000000001_main.nwd").write_text("Not exported.\n", encoding="utf-8")
    plan = plan_from_novelwriter(tmp_path)
    assert (plan.title, plan.author) == ("The Old Book", "One, Two")
    assert [(p.title, s.paragraphs) for p in plan.parts for s in p.scenes] == [
        ("Opening", ["Text before any heading, with *italics*."])
    ]


def test_missing_documents_are_empty_and_broken_project_file_is_one_line(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(PROJECT, copy)
    (copy / "content" / "a000000000006.nwd").unlink()
    assert [p.title for p in plan_from_novelwriter(copy).parts] == ["The Storm"]  # The Boat has no text left
    (copy / "nwProject.nwx").write_text("<novelWriterXML><content>", encoding="utf-8")
    with pytest.raises(StudioError, match="nwProject.nwx: not a readable") as caught:
        plan_from_novelwriter(copy)
    assert "\n" not in str(caught.value)
    (copy / "nwProject.nwx").write_text("<other/>", encoding="utf-8")
    with pytest.raises(StudioError, match="not a novelWriter project file"):
        plan_from_novelwriter(copy)


def test_handles_that_are_not_hex_never_name_a_path(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "secret.nwd").write_text("## Leaked\n\nSecret.\n", encoding="utf-8")
    (tmp_path / "nwProject.nwx").write_text(
        '<novelWriterXML fileVersion="1.5"><project><name>P</name></project><content>'
        '<item handle="a000000000001" parent="None" order="0" type="ROOT" class="NOVEL"><name>N</name></item>'
        '<item handle="../secret" parent="a000000000001" order="0" type="FILE" class="NOVEL" '
        'layout="DOCUMENT">'
        "<name>x</name></item></content></novelWriterXML>",
        encoding="utf-8",
    )
    with pytest.raises(StudioError, match="no novel text"):
        plan_from_novelwriter(tmp_path)
