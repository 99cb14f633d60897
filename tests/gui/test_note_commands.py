"""Places, things and notes: commands undo and redo byte for byte; the spellchecker knows their names."""

from __future__ import annotations

import pytest

from studio.app.changes import NoteChange, NoteChangeKind
from studio.app.commands.notes import AddNoteCommand, DeleteNoteCommand, SetNoteFieldsCommand
from studio.core import load_project
from studio.core.errors import StudioError
from studio.core.spelling.checker import character_words
from tests.gui.outline_helpers import make_session, manifest


def test_add_edit_delete_undo_redo_restore_story_json_and_the_notes_file(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p")
    project, stack = session.project, session.undo_stack
    snapshots = [manifest(project.root)]
    add = AddNoteCommand(session, "  Harrow   Point ", "place", aliases=["the Point"])
    with qtbot.waitSignal(session.notes_changed) as blocker:
        session.run(add)
    assert add.text() == "New Place “Harrow Point”"
    assert blocker.args == [NoteChange(NoteChangeKind.ADDED, (add.note_id,))]
    project.set_note_text(add.note_id, "Rocks, a lamp, wind.\n")
    path = project.notes_dir / project.note(add.note_id).file
    snapshots.append(manifest(project.root))
    edit = SetNoteFieldsCommand(session, add.note_id, kind="thing", description="the old light")
    session.run(edit)
    assert edit.text() == "Change Kind, Description of “Harrow Point”"
    snapshots.append(manifest(project.root))
    delete = DeleteNoteCommand(session, add.note_id)
    session.run(delete)
    assert delete.text() == "Delete Thing “Harrow Point”"
    assert not path.exists() and project.notes == []
    snapshots.append(manifest(project.root))
    stack.undo()
    assert path.read_text("utf-8") == "Rocks, a lamp, wind.\n"  # the delete's undo brings the notes back
    stack.redo()
    for expected in reversed(snapshots[:-1]):
        stack.undo()
        assert manifest(project.root) == expected
    assert not path.exists()
    for expected in snapshots[1:]:
        stack.redo()
        assert manifest(project.root) == expected
    stack.undo()
    assert path.read_text("utf-8") == "Rocks, a lamp, wind.\n"
    reloaded = load_project(project.root)
    note = reloaded.note(add.note_id)
    assert (note.name, note.kind, note.aliases, note.description) == (
        "Harrow Point",
        "thing",
        ["the Point"],
        "the old light",
    )
    assert reloaded.note_text(note.id) == "Rocks, a lamp, wind.\n"


def test_refused_fields_land_nowhere(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p")
    add = AddNoteCommand(session, "Harbour", "place")
    session.run(add)
    before = manifest(session.project.root)
    with pytest.raises(StudioError, match="'planet' is not a kind"):
        session.run(SetNoteFieldsCommand(session, add.note_id, kind="planet"))
    with pytest.raises(StudioError, match="needs a name"):
        session.run(SetNoteFieldsCommand(session, add.note_id, name="  "))
    assert manifest(session.project.root) == before and session.undo_stack.count() == 1


def test_the_spellchecker_knows_places_and_things(tmp_path):  # noqa: ANN001
    session_project = make_session(tmp_path / "p").project
    session_project.add_note("Kestrelholm", "place", aliases=["Holm"])
    assert {"Kestrelholm", "Holm"} <= set(character_words(session_project))
