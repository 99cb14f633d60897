"""Posted state, part fields for posting (operation, manifest migration, undo command)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.errors import NodeNotFoundError, ReadOnlyError, StudioError
from studio.core.publishing.posting import copy_path, mark_posted, posted_copy, posted_records, posted_status
from studio.core.storage import create_project


def make(tmp_path: Path):  # noqa: ANN201
    project = create_project(tmp_path / "p", "T", "A")
    part = project.parts[0]
    project.set_scene_text(part.scenes[0].id, "The *first* words.\n")
    return project, part


def test_mark_posted_keeps_a_copy_and_tracks_each_site(tmp_path: Path) -> None:
    project, part = make(tmp_path)
    when = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    record = mark_posted(project, part.id, "ao3", url="https://archive/1", when=when)
    mark_posted(project, part.id, "bbcode")
    assert record.date == "2025-03-01T12:00:00+00:00"
    assert copy_path(project, part.id, "ao3") == project.root / "posted" / part.id / "ao3.json"
    saved = json.loads(copy_path(project, part.id, "ao3").read_text("utf-8"))
    assert saved["render"]["html"] == "<p>The <em>first</em> words.</p>\n"
    assert posted_copy(project, part.id, "ao3") == "The first words.\n"
    reopened = load_project(project.root)
    assert [(r.site, r.url) for r in posted_records(reopened)] == [
        ("ao3", "https://archive/1"),
        ("bbcode", ""),
    ]
    assert [s.changed for s in posted_status(reopened)] == [False, False]
    reopened.set_scene_text(part.scenes[0].id, "The *first* words, changed.\n")
    assert [(s.site, s.changed) for s in posted_status(reopened)] == [("ao3", True), ("bbcode", True)]
    mark_posted(reopened, part.id, "ao3", url="https://archive/2")  # posting again replaces the record
    assert [(s.site, s.url, s.changed) for s in posted_status(reopened)] == [
        ("bbcode", "", True),
        ("ao3", "https://archive/2", False),
    ]


def test_posted_status_skips_trashed_parts_damaged_records_and_copies(tmp_path: Path) -> None:
    project, part = make(tmp_path)
    mark_posted(project, part.id, "ffn")
    project.set_setting("posted", [*project.settings["posted"], {"part_id": 3}, "junk"])
    assert len(posted_status(project)) == 1
    project.delete_part(part.id)
    assert posted_status(project) == []
    with pytest.raises(StudioError, match="no posted copy"):
        posted_copy(project, part.id, "ao3")
    copy_path(project, part.id, "ffn").write_text("{", "utf-8")
    with pytest.raises(StudioError, match="damaged posted copy"):
        posted_copy(project, part.id, "ffn")


def test_read_only_projects_are_not_marked(tmp_path: Path) -> None:
    project, part = make(tmp_path)
    with pytest.raises(ReadOnlyError):
        mark_posted(load_project(project.root, read_only=True), part.id, "ao3")


def test_set_part_fields_and_migration_of_old_notes(tmp_path: Path) -> None:
    project, part = make(tmp_path)
    old = project.set_part_fields(part.id, summary="S", notes_begin="B", notes_end="E", title="New")
    assert old == {"summary": "", "notes_begin": "", "notes_end": "", "title": "Part One"}
    assert part.notes == "E"
    manifest = json.loads((project.root / "story.json").read_text("utf-8"))["parts"][0]
    assert (manifest["summary"], manifest["notes_begin"], manifest["notes_end"]) == ("S", "B", "E")
    assert "notes" not in manifest
    with pytest.raises(StudioError, match="unknown part field 'words'"):
        project.set_part_fields(part.id, words="1")
    with pytest.raises(NodeNotFoundError):
        project.set_part_fields("p-none", summary="x")
    assert part.summary == "S"  # nothing changed by the refused calls
    # an older manifest's "notes" (imported trailers) become the end notes, no word lost
    data = json.loads((project.root / "story.json").read_text("utf-8"))
    data["parts"][0]["notes"] = "Continued in Part Two"
    (project.root / "story.json").write_text(json.dumps(data), "utf-8")
    reopened = load_project(project.root)
    assert reopened.parts[0].notes_end == "Continued in Part Two\n\nE"
    reopened.parts[0].notes_end = "X"
    assert reopened.parts[0].notes == "X"
