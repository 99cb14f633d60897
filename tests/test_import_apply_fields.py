"""Applying a plan writes all it carries: part summaries and notes, synopsis and POV, cast, the work's notes.

Also ``studio import`` saying on stderr what was left out.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from studio.cli import main
from studio.core import create_project, load_project
from studio.core.importing.apply import WORK_KEY, apply_plan
from studio.core.importing.plan import ImportPlan
from studio.core.importing.sources import plan_from_paths
from studio.core.nodes import Character
from studio.core.project import Project
from studio.core.publishing.exporting import export_text

DATA = Path(__file__).parent / "data" / "import_sources"
AO3 = DATA / "ao3_lamp.html"
NOVELWRITER = DATA / "novelwriter_lamp"


def bare(plan: ImportPlan) -> ImportPlan:
    """The plan without what the readers add beyond the text: what imports wrote before."""
    plain = dataclasses.replace(plan, summary="", notes_begin="", notes_end="", characters=[])
    plain.parts = [dataclasses.replace(part, summary="", notes_begin="", group="") for part in plan.parts]
    for part in plain.parts:
        part.scenes = [dataclasses.replace(scene, synopsis="", pov="") for scene in part.scenes]
    return plain


def outline(project: Project) -> list[tuple[str, int, list[str]]]:
    """Each part's title, scene count and paragraphs (its end notes last: a page has no notes markup)."""
    return [
        (
            part.title,
            len(part.scenes),
            "".join(project.scene_text(s.id) for s in part.scenes).splitlines() + part.notes.splitlines(),
        )
        for part in project.parts
    ]


def test_ao3_new_project_has_part_summaries_notes_and_the_work_setting(tmp_path: Path) -> None:
    project, created = apply_plan(tmp_path / "lamp", plan_from_paths([AO3]))
    assert created
    reopened = load_project(tmp_path / "lamp", read_only=True)
    storm, boat = reopened.parts
    assert (storm.summary, storm.notes_begin, storm.notes) == (
        "Jess climbs the tower.",
        "This one is short, sorry!",
        "Next time: the boat.",
    )
    assert (boat.summary, boat.notes_begin, boat.notes) == ("", "", "")
    assert reopened.settings[WORK_KEY] == {
        "summary": "A keeper, a storm, and a light that will *not* go out.",
        "notes_begin": "Written for the autumn prompt exchange. Thanks to my beta!",
        "notes_end": "Thank you for reading! Kudos and comments keep the lamp lit.",
    }
    assert reopened.characters == []


def test_novelwriter_new_project_has_synopsis_pov_and_cast(tmp_path: Path) -> None:
    apply_plan(tmp_path / "nw", plan_from_paths([NOVELWRITER]))
    reopened = load_project(tmp_path / "nw", read_only=True)
    assert [c.name for c in reopened.characters] == ["Jess Summers", "Tom Harrow"]
    assert all(c.aliases == [] for c in reopened.characters)
    storm, boat = reopened.parts
    assert storm.summary == "Jess keeps the lamp lit through the worst storm in years."
    climb = storm.scenes[0]
    assert (climb.title, climb.synopsis, climb.pov) == (
        "The Climb",
        "Jess climbs the tower as the wind rises.",
        "Jess Summers",
    )
    assert [s.pov for s in storm.scenes] == ["Jess Summers"] * 3
    assert (boat.scenes[0].synopsis, boat.scenes[0].pov) == ("Tom finds the boat, and Jess.", "Tom Harrow")
    assert reopened.settings[WORK_KEY] == {
        "summary": "",
        "notes_begin": "A novella of the north coast",
        "notes_end": "",
    }


def test_a_plan_without_work_notes_writes_no_work_setting(tmp_path: Path) -> None:
    apply_plan(tmp_path / "docx", plan_from_paths([DATA / "word_lamp.docx"]))
    assert WORK_KEY not in load_project(tmp_path / "docx", read_only=True).settings


@pytest.mark.parametrize("source", [AO3, NOVELWRITER], ids=["ao3", "novelwriter"])
def test_export_still_round_trips(tmp_path: Path, source: Path) -> None:
    plan = plan_from_paths([source])
    full, _ = apply_plan(tmp_path / "full", plan)
    before, _ = apply_plan(tmp_path / "bare", bare(plan_from_paths([source])))
    text = export_text(full)
    assert text == export_text(before)  # the new fields stay out of the exported text
    for hidden in ("A keeper, a storm", "Jess climbs the tower.", "This one is short", "A novella of"):
        assert hidden not in text
    suffix = ".html" if full.settings["export"]["format"] == "html" else ".txt"
    exported = tmp_path / f"exported{suffix}"
    exported.write_text(text, encoding="utf-8")
    again, _ = apply_plan(tmp_path / "again", plan_from_paths([exported]))
    assert outline(again) == outline(full)
    assert export_text(again) == text


def test_append_puts_the_work_notes_into_the_first_part_where_empty(tmp_path: Path) -> None:
    project = create_project(tmp_path / "book", "Book", "Me")
    project.add_character("jess SUMMERS")
    apply_plan(tmp_path / "book", plan_from_paths([NOVELWRITER]))
    reopened = load_project(tmp_path / "book", read_only=True)
    assert WORK_KEY not in reopened.settings
    first = reopened.parts[1]
    assert first.summary == "Jess keeps the lamp lit through the worst storm in years."  # kept, not replaced
    assert first.notes_begin == "A novella of the north coast"  # was empty: the work's notes
    assert [c.name for c in reopened.characters] == ["jess SUMMERS", "Tom Harrow"]
    assert reopened.parts[1].scenes[0].pov == "Jess Summers"

    apply_plan(tmp_path / "book", plan_from_paths([AO3]))
    reopened = load_project(tmp_path / "book", read_only=True)
    storm, boat = reopened.parts[3], reopened.parts[4]
    assert storm.summary == "Jess climbs the tower."  # the chapter's own summary wins
    assert storm.notes_begin == "This one is short, sorry!"
    assert (
        boat.notes == "Thank you for reading! Kudos and comments keep the lamp lit."
    )  # last part's end notes
    assert [c.name for c in reopened.characters] == ["jess SUMMERS", "Tom Harrow"]
    assert WORK_KEY not in reopened.settings


def test_append_fills_empty_first_part_summary_from_the_work(tmp_path: Path) -> None:
    create_project(tmp_path / "book", "Book", "Me")
    plan = plan_from_paths([AO3])
    plan.parts[0].summary = plan.parts[0].notes_begin = ""
    apply_plan(tmp_path / "book", plan)
    storm = load_project(tmp_path / "book", read_only=True).parts[1]
    assert storm.summary == "A keeper, a storm, and a light that will *not* go out."
    assert storm.notes_begin == "Written for the autumn prompt exchange. Thanks to my beta!"


def test_duplicate_names_in_the_plan_make_one_character(tmp_path: Path) -> None:
    plan = plan_from_paths([NOVELWRITER])
    plan.characters += ["TOM HARROW", "  ", " Ada "]
    apply_plan(tmp_path / "nw", plan)
    names = [c.name for c in load_project(tmp_path / "nw", read_only=True).characters]
    assert names == ["Jess Summers", "Tom Harrow", "Ada"]


def test_a_failing_append_leaves_fields_and_cast_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_project(tmp_path / "book", "Book", "Me")
    manifest = (tmp_path / "book" / "story.json").read_bytes()
    calls: list[str] = []
    real = Project.add_character

    def add_then_fail(self: Project, name: str, *args: Any, **kwargs: Any) -> Character:
        calls.append(name)
        if len(calls) > 1:
            raise OSError("disk full")
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Project, "add_character", add_then_fail)
    with pytest.raises(OSError, match="disk full"):
        apply_plan(tmp_path / "book", plan_from_paths([NOVELWRITER]))
    assert calls == ["Jess Summers", "Tom Harrow"]
    assert (tmp_path / "book" / "story.json").read_bytes() == manifest
    reopened = load_project(tmp_path / "book", read_only=True)
    assert len(reopened.parts) == 1 and reopened.characters == []
    assert sorted(p.name for p in (tmp_path / "book" / "scenes").iterdir()) == ["scene-1.txt"]
    assert not any((tmp_path / "book" / "characters").iterdir())


def test_a_failing_new_project_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: Project, name: str, *args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(Project, "add_character", fail)
    with pytest.raises(OSError):
        apply_plan(tmp_path / "nw", plan_from_paths([NOVELWRITER]))
    assert list(tmp_path.iterdir()) == []


def test_cli_import_says_what_was_left_out_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    novel = Path(__file__).parent / "data" / "novels" / "the-lantern-of-harrow.txt"
    assert main(["import", str(novel), "--into", str(tmp_path / "lantern")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Created 'The Lantern of Harrow'") and out.count("\n") == 1
    assert err.splitlines() == [
        "left out: Project Gutenberg header (101 words)",
        "left out: contents (35 words)",
        "left out: Project Gutenberg licence (87 words)",
    ]


def test_cli_import_with_nothing_left_out_writes_no_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(AO3), "--into", str(tmp_path / "lamp")]) == 0
    assert capsys.readouterr().err == ""
