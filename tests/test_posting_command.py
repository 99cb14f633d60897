"""The undo command for a part's posting fields."""

from __future__ import annotations

from pathlib import Path

from studio.app.changes import OutlineChangeKind
from studio.app.commands.structure import SetPartFieldsCommand
from studio.app.session import ProjectSession
from studio.core.storage import create_project


def test_set_part_fields_command_undoes_and_announces(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    session = ProjectSession(create_project(tmp_path / "p", "T"))
    part = session.project.parts[0]
    changes = []
    session.outline_changed.connect(changes.append)
    session.run(SetPartFieldsCommand(session, part.id, summary="S", notes_end="E"))
    assert (part.summary, part.notes_end) == ("S", "E")
    session.undo_stack.undo()
    assert (part.summary, part.notes_end) == ("", "")
    session.undo_stack.redo()
    assert part.summary == "S"
    assert {c.kind for c in changes} == {OutlineChangeKind.RENAMED} and changes[0].ids == (part.id,)
    session.run(SetPartFieldsCommand(session, part.id, summary="S"))  # no change: obsolete
    assert session.undo_stack.count() == 1
