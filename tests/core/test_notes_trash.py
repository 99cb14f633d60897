"""Places, things and notes go to the Trash as characters do: kept byte for byte, restorable later."""

from __future__ import annotations

from pathlib import Path

from studio.core import load_project
from studio.core.nodes import Note
from tests.core.helpers import make_project

LATIN1 = b"Caf\xe9 by the harbour, in Latin-1.\n"


def test_a_deleted_place_waits_in_the_trash_with_its_file_and_comes_back_after_restart(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    keep = project.add_note("Bell Tower", "place")
    note = project.add_note("Harrow Point", "place", aliases=["the Point"], description="the old light")
    path = project.note_path(note)
    path.write_bytes(LATIN1)
    item = project.delete_note(note.id)
    assert item.kind == "note" and item.index == 1 and [n.id for n in project.notes] == [keep.id]
    assert path.read_bytes() == LATIN1
    reopened = load_project(project.root)
    [trashed] = reopened.trash
    assert isinstance(trashed.node, Note)
    assert (trashed.node.name, trashed.node.kind, trashed.node.aliases, trashed.node.description) == (
        "Harrow Point",
        "place",
        ["the Point"],
        "the old light",
    )
    again = reopened.add_note("Harrow Point", "place")  # a new entry never takes the trashed one's file
    assert again.file != note.file and path.read_bytes() == LATIN1
    reopened.restore([note.id])
    assert [n.id for n in reopened.notes] == [keep.id, note.id, again.id] and reopened.trash == []
    assert load_project(project.root).note(note.id).file == note.file
    assert path.read_bytes() == LATIN1


def test_emptying_the_trash_deletes_the_notes_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    note = project.add_note("Harrow Point", "place", text="Rocks.\n")
    path = project.note_path(note)
    project.delete_note(note.id)
    assert project.empty_trash() == 1
    assert not path.exists() and load_project(project.root).trash == []


def test_removing_a_new_place_then_putting_it_back_keeps_its_bytes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    note = project.add_note("Harrow Point", "place")
    path = project.note_path(note)
    path.write_bytes(LATIN1)
    removed = project.remove_note(note.id)  # the undo of "New Place"
    assert removed[2] == LATIN1 and path.read_bytes() == LATIN1  # written outside: never deleted
    project.insert_note(*removed)
    assert path.read_bytes() == LATIN1 and [n.id for n in project.notes] == [note.id]
