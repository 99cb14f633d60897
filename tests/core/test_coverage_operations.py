"""operations.py, every line: each refusal leaves memory and disk as they were; odd restores."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core import Project, load_project
from studio.core.errors import NodeNotFoundError, ReadOnlyError, StudioError
from studio.core.nodes import ScenePosition

from .helpers import make_project


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project folder (the hidden folder aside) and its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".studio" not in p.parts
    }


def outline(project: Project) -> list[tuple[str, list[str]]]:
    return [(p.title, [s.title for s in p.scenes]) for p in project.parts]


def test_a_read_only_project_refuses_every_change(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    before = snapshot(root)
    project = load_project(root, read_only=True)
    first = next(project.iter_scenes())
    with pytest.raises(ReadOnlyError, match="open read-only"):
        project.add_part("More")
    with pytest.raises(ReadOnlyError):
        project.rename_scene(first.id, "Renamed")
    assert outline(project) == outline(load_project(root))
    assert snapshot(root) == before


def test_a_removed_empty_part_goes_back_where_it_was(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    empty = project.add_part("Interlude", index=1)
    part, index = project.remove_part(empty.id)
    assert index == 1 and [p.title for p in load_project(root).parts] == ["One", "Two"]
    project.insert_part(part, index)
    assert [p.title for p in load_project(root).parts] == ["One", "Interlude", "Two"]


def test_a_part_with_scenes_is_not_removed_for_good(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    before = snapshot(root)
    with pytest.raises(StudioError, match="is not empty; send it to the trash instead"):
        project.remove_part(project.parts[0].id)
    assert outline(load_project(root)) == [("One", ["One 1", "One 2"]), ("Two", ["Two 1"])]
    assert snapshot(root) == before


def test_placing_a_scene_that_is_not_in_the_manuscript_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    before = outline(project)
    first = project.parts[0].scenes[0]
    with pytest.raises(NodeNotFoundError):
        project.place_scenes([ScenePosition("no-such-scene", project.parts[1].id, 0)])
    with pytest.raises(NodeNotFoundError):
        project.place_scenes(
            [ScenePosition(first.id, project.parts[1].id, 0), ScenePosition("gone", project.parts[1].id, 1)]
        )
    assert outline(project) == before == outline(load_project(root))


def _with_a_scene_that_is_not_utf8(root: Path) -> Project:
    """A project of one part whose second scene's file holds bytes that are not UTF-8."""
    make_project(root, {"One": ["alpha beta", "gamma delta"]})
    project = load_project(root)
    bad = project.parts[0].scenes[1]
    (root / "scenes" / bad.file).write_bytes(b"caf\xe9 au lait")
    return load_project(root)


def test_a_read_only_scene_is_neither_split_nor_merged(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = _with_a_scene_that_is_not_utf8(root)
    good, bad = project.parts[0].scenes
    assert bad.read_only
    before = snapshot(root)
    with pytest.raises(ReadOnlyError, match="is read-only"):
        project.split_scene(bad.id, 4)
    with pytest.raises(ReadOnlyError, match="cannot be merged"):
        project.merge_scenes(good.id, bad.id)
    assert snapshot(root) == before
    assert [s.id for s in load_project(root).parts[0].scenes] == [good.id, bad.id]


def test_recovering_when_nothing_is_unlisted_adds_no_part(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    assert project.recovered == []
    assert project.recover_files() is None
    assert [p.title for p in load_project(root).parts] == ["One", "Two"]


def test_a_character_needs_a_name_and_known_fields(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    with pytest.raises(StudioError, match="needs a name"):
        project.add_character("   ")
    jess = project.add_character("Jess")
    with pytest.raises(StudioError, match="unknown character field 'age'"):
        project.update_character(jess.id, age="16", role="lead")
    again = load_project(root)
    assert [(c.name, c.role) for c in again.characters] == [("Jess", "")]


def test_notes_of_a_character_whose_file_is_gone_are_empty_and_can_be_written(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    load_project(root).add_character("Jess")
    project = load_project(root)  # a fresh load has read no notes yet
    jess = project.characters[0]
    notes = root / "characters" / jess.file
    notes.unlink()
    assert project.character_notes(jess.id) == ""
    project.set_character_notes(jess.id, "Slays.\n")
    assert notes.read_text("utf-8") == "Slays.\n"

    fresh = load_project(root)  # writing without reading first: what is on disk is learnt, then replaced
    fresh.set_character_notes(jess.id, "Slays vampires.\n")
    assert notes.read_text("utf-8") == "Slays vampires.\n"


def test_a_scene_whose_part_is_gone_is_restored_into_the_last_part(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root, {"One": ["alpha"], "Two": ["beta"], "Three": ["gamma"]})
    one = project.parts[0]
    scene = one.scenes[0]
    project.delete_scenes([scene.id])
    project.delete_part(one.id)
    project.restore([scene.id])
    again = load_project(root)
    assert outline(again) == [("Two", ["Two 1"]), ("Three", ["One 1", "Three 1"])]
    assert again.scene_text(scene.id) == "alpha"


def test_a_scene_restored_when_no_part_is_left_gets_a_new_part(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root, {"Only": ["alpha beta"]})
    only = project.parts[0]
    scene = only.scenes[0]
    project.delete_scenes([scene.id])
    project.delete_part(only.id)
    assert project.parts == []
    project.restore([scene.id])
    again = load_project(root)
    assert outline(again) == [("Restored scenes", ["Only 1"])]
    assert again.scene_text(scene.id) == "alpha beta"


def test_emptying_the_trash_deletes_a_trashed_characters_notes(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    jess = project.add_character("Jess")
    project.set_character_notes(jess.id, "Slays.\n")
    notes = root / "characters" / jess.file
    project.delete_character(jess.id)
    assert notes.exists()  # the trash keeps the notes
    assert project.empty_trash() == 1
    assert not notes.exists()
    assert load_project(root).trash == []
