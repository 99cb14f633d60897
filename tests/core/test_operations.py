"""Unit tests of every core operation, checked against the files on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.errors import NodeNotFoundError, StudioError

from .helpers import make_project, manuscript_texts


def titles(project) -> list[list[str]]:
    return [[s.title for s in p.scenes] for p in project.parts]


def on_disk(root: Path) -> dict:
    return json.loads((root / "story.json").read_text("utf-8"))


def test_new_project_has_one_part_with_one_empty_scene(tmp_path: Path) -> None:
    from studio.core import create_project

    project = create_project(tmp_path / "p", "Title", "Me")
    reloaded = load_project(tmp_path / "p")
    assert [p.title for p in reloaded.parts] == ["Part One"]
    assert [s.title for s in reloaded.parts[0].scenes] == ["Scene 1"]
    assert reloaded.scene_text(reloaded.parts[0].scenes[0].id) == ""
    assert (project.root / ".studio" / ".gitignore").read_text() == "*\n"
    assert (project.root / "words.txt").exists()


def test_create_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    from studio.core import create_project

    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    with pytest.raises(StudioError, match="not an empty folder"):
        create_project(tmp_path / "x", "T")
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_add_rename_and_fields_are_saved(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    scene = project.parts[0].scenes[0]
    old_file = scene.file
    assert project.rename_scene(scene.id, "Renamed") == "One 1"
    project.set_scene_fields(scene.id, status="revised", pov="Jess", synopsis="Things happen.")
    project.rename_part(project.parts[1].id, "Second")
    reloaded = load_project(project.root)
    again = reloaded.scene(scene.id)
    assert (again.title, again.status, again.pov, again.synopsis) == (
        "Renamed",
        "revised",
        "Jess",
        "Things happen.",
    )
    assert again.file == old_file, "a rename keeps the file name"
    assert reloaded.parts[1].title == "Second"
    with pytest.raises(StudioError, match="unknown scene field"):
        project.set_scene_fields(scene.id, colour="red")


def test_move_scenes_within_and_across_parts_keeps_order(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["a1", "a2", "a3"], "B": ["b1"], "C": []})
    a1, a2, a3 = (s.id for s in project.parts[0].scenes)
    b1 = project.parts[1].scenes[0].id
    old = project.move_scenes([b1, a3, a1], project.parts[2].id, 0)
    assert titles(project) == [["A 2"], [], ["A 1", "A 3", "B 1"]]
    assert titles(load_project(project.root)) == titles(project)
    project.place_scenes(old)
    assert titles(project) == [["A 1", "A 2", "A 3"], ["B 1"], []]
    # within a part: drop index counts rows before the move, like a drop between rows
    project.move_scenes([a1], project.parts[0].id, 3)
    assert titles(project)[0] == ["A 2", "A 3", "A 1"]
    project.move_scenes([a1], project.parts[0].id, 0)
    assert titles(project)[0] == ["A 1", "A 2", "A 3"]
    project.move_scenes([a2], project.parts[0].id, 2)
    assert titles(project)[0] == ["A 1", "A 2", "A 3"]
    with pytest.raises(StudioError, match="twice"):
        project.move_scenes([a1, a1], project.parts[1].id, 0)


def test_move_part(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": [], "B": [], "C": []})
    c = project.parts[2].id
    assert project.move_part(c, 0) == 2
    assert [p.title for p in load_project(project.root).parts] == ["C", "A", "B"]


def test_delete_to_trash_and_restore_keeps_text_and_place(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["one", "two", "three"]})
    two = project.parts[0].scenes[1]
    items = project.delete_scenes([two.id])
    assert titles(project) == [["A 1", "A 3"]]
    assert (project.root / "scenes" / two.file).read_text() == "two", "trash keeps the text"
    reloaded = load_project(project.root)
    assert [t.node.id for t in reloaded.trash] == [two.id]
    assert reloaded.problems == []
    entries = project.restore([two.id])
    assert titles(project) == [["A 1", "A 2", "A 3"]]
    project.return_to_trash(entries)
    assert [t.node.id for t in project.trash] == [items[0].node.id]
    with pytest.raises(NodeNotFoundError):
        project.restore(["s-nothere"])


def test_delete_part_and_restore(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["a"], "B": ["b"]})
    part = project.parts[0]
    project.delete_part(part.id)
    assert [p.title for p in project.parts] == ["B"]
    assert project.words == 1
    project.restore([part.id])
    assert [p.title for p in project.parts] == ["A", "B"]
    assert manuscript_texts(project) == [["a"], ["b"]]


def test_empty_trash_removes_files(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["a", "b"]})
    gone = project.parts[0].scenes[0]
    project.delete_scenes([gone.id])
    assert project.empty_trash() == 1
    assert not (project.root / "scenes" / gone.file).exists()
    assert load_project(project.root).problems == []


def test_split_and_merge_keep_every_word(tmp_path: Path) -> None:
    text = "First paragraph here.\n\nSecond paragraph there.\n"
    project = make_project(tmp_path / "p", {"A": [text, "tail"]})
    first = project.parts[0].scenes[0]
    new = project.split_scene(first.id, text.index("Second"))
    assert manuscript_texts(project) == [["First paragraph here.\n", "Second paragraph there.\n", "tail"]]
    assert new.title == "A 1 (cont.)"
    removed, position, old_first, second_text = project.merge_scenes(first.id, new.id)
    assert manuscript_texts(project) == [["First paragraph here.\n\nSecond paragraph there.\n", "tail"]]
    assert not (project.root / "scenes" / removed.file).exists()
    assert (position.index, old_first, second_text) == (
        1,
        "First paragraph here.\n",
        "Second paragraph there.\n",
    )
    with pytest.raises(StudioError, match="right after"):
        project.merge_scenes(project.parts[0].scenes[1].id, first.id)
    with pytest.raises(StudioError, match="outside the scene"):
        project.split_scene(first.id, 10_000)


def test_remove_and_insert_scene_are_inverse(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["x", "y"]})
    before = (project.root / "story.json").read_bytes()
    scene, position, text = project.remove_scene(project.parts[0].scenes[0].id)
    project.insert_scene(scene, position, text)
    assert (project.root / "story.json").read_bytes() == before
    assert manuscript_texts(project) == [["x", "y"]]


def test_characters_add_update_delete(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    jess = project.add_character(
        "Jess Summers", notes="Likes tea.", aliases=["Jess", "the Major"], role="protagonist"
    )
    old = project.update_character(jess.id, description="A retired major.")
    assert old == {"description": ""}
    reloaded = load_project(project.root)
    again = reloaded.character(jess.id)
    assert (again.aliases, again.role, again.description) == (
        ["Jess", "the Major"],
        "protagonist",
        "A retired major.",
    )
    assert reloaded.character_notes(jess.id) == "Likes tea."
    assert jess.file == "jess-summers.txt"
    project.delete_character(jess.id)
    assert project.characters == []
    project.restore([jess.id])
    assert [c.name for c in project.characters] == ["Jess Summers"]


def test_batch_writes_the_manifest_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": []})
    writes = []
    original = project.store.write_manifest
    project.store.write_manifest = lambda data, force=False: writes.append(1) or original(data, force)
    with project.batch():
        for number in range(5):
            project.add_scene(project.parts[0].id, title=f"S{number}")
    assert len(writes) == 1
    assert len(load_project(project.root).parts[0].scenes) == 5


def test_word_list_is_sorted_one_per_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.word_list = ["zebra", "Aardvark", "mid", "zebra", " "]
    project.save_word_list()
    assert (project.root / "words.txt").read_text() == "Aardvark\nmid\nzebra\n"
    assert load_project(project.root).word_list == ["Aardvark", "mid", "zebra"]


def test_file_names_are_recognisable_and_unique(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": []})
    a = project.add_scene(project.parts[0].id, title="The Storm!")
    b = project.add_scene(project.parts[0].id, title="The Storm")
    c = project.add_scene(project.parts[0].id, title="Ça va — ¿sí?")
    assert (a.file, b.file, c.file) == ("the-storm.txt", "the-storm-2.txt", "ca-va-si.txt")


def test_split_inside_a_word_moves_to_the_word_start(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"A": ["lighthouse keeper\n"]})
    scene = project.parts[0].scenes[0]
    project.split_scene(scene.id, len("lighthouse kee"))
    assert manuscript_texts(project) == [["lighthouse\n", "keeper\n"]]


def test_character_notes_changed_outside_are_not_overwritten(tmp_path: Path) -> None:
    from studio.core.errors import ExternalChangeError

    project = make_project(tmp_path / "p")
    jess = project.add_character("Jess", notes="first")
    assert project.character_notes(jess.id) == "first"
    notes_file = project.root / "characters" / jess.file
    notes_file.write_text("edited in another app", "utf-8")
    with pytest.raises(ExternalChangeError):
        project.set_character_notes(jess.id, "mine")
    assert notes_file.read_text() == "edited in another app"


def test_word_list_merges_outside_additions_and_never_overwrites_bad_bytes(tmp_path: Path) -> None:
    from studio.core.errors import ReadOnlyError

    project = make_project(tmp_path / "p")
    project.word_list = ["Harrow"]
    project.save_word_list()
    (project.root / "words.txt").write_text("Harrow\nZorblat\n", "utf-8")  # another app adds a word
    project.word_list.append("Quaystreet")
    project.save_word_list()
    assert (project.root / "words.txt").read_text() == "Harrow\nQuaystreet\nZorblat\n"
    (project.root / "words.txt").write_bytes(b"caf\xe9\n")
    reloaded = load_project(project.root)
    assert any("words.txt is not valid UTF-8" in p for p in reloaded.problems)
    reloaded.word_list.append("new")
    with pytest.raises(ReadOnlyError, match="not overwritten"):
        reloaded.save_word_list()
    assert (project.root / "words.txt").read_bytes() == b"caf\xe9\n"
