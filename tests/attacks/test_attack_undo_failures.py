"""Attacks on the one undo protocol: a step that fails (story.json unwritable) must not tear the history.

Failure is injected for real: ``story.json`` is swapped for a folder (the manifest write is refused),
then put back. No mocks of the core.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from studio.app import commands
from studio.core import load_project
from tests.gui.outline_helpers import make_session, manifest, part_id, scene_id, titles


@contextmanager
def manifest_unwritable(root: Path):
    """While inside, story.json is a folder: every manifest write fails; afterwards it is put back."""
    path = root / "story.json"
    aside = root / "story.json.aside"
    os.replace(path, aside)
    path.mkdir()
    try:
        yield
    finally:
        path.rmdir()
        os.replace(aside, path)


def _two_moves(session):  # noqa: ANN001, ANN202
    project = session.project
    session.push(
        commands.MoveScenesCommand(session, [scene_id(project, "One 1")], part_id(project, "Two"), 0)
    )
    session.push(
        commands.MoveScenesCommand(session, [scene_id(project, "Two 2")], part_id(project, "Three"), 0)
    )


def test_a_failed_undo_keeps_the_change_undoable(qtbot, tmp_path):
    """Promise: every change can be undone; undo restores story.json byte for byte;
    stack and disk never drift.

    Steps: move "One 1" to Two, move "Two 2" to Three; make story.json unwritable; Undo (fails, reported);
    make story.json writable again; Undo, Undo. Expected: story.json is back to its first bytes.
    Found: QUndoStack deletes a command made obsolete in undo() (base.ProjectCommand._run sets obsolete
    on any failure), so the second move vanishes from the history while it stays applied: the
    project can never get back to the first state by undo.
    """
    session = make_session(tmp_path / "p")
    root = session.project.root
    first = manifest(root)
    _two_moves(session)
    errors = []
    session.save_error.connect(errors.append)
    with manifest_unwritable(root):
        session.undo_stack.undo()
    assert errors, "the failed undo is reported"
    assert titles(session.project) == titles(load_project(root)), "memory == disk after the failure"
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert manifest(root) == first


def test_a_failed_redo_keeps_the_history_whole(qtbot, tmp_path):
    """Promise: the undo stack and the disk never drift; redo gives back each step byte for byte.

    Steps: two moves, undo both; make story.json unwritable; Redo (fails); put it back; Redo, Redo.
    Expected: story.json equals the bytes after the two moves.
    Found: the failed redo deletes the first move from the stack (obsolete after redo), so the
    second redo lands on a state the command was never recorded against.
    """
    session = make_session(tmp_path / "p")
    root = session.project.root
    _two_moves(session)
    after = manifest(root)
    session.undo_stack.undo()
    session.undo_stack.undo()
    with manifest_unwritable(root):
        session.undo_stack.redo()
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    assert manifest(root) == after


def test_a_failed_push_changes_nothing(qtbot, tmp_path):
    """Promise: a core operation that fails leaves memory and disk as they were, and nothing on the stack."""
    session = make_session(tmp_path / "p")
    root = session.project.root
    before, count = titles(session.project), session.undo_stack.count()
    with manifest_unwritable(root):
        session.push(
            commands.MoveScenesCommand(
                session, [scene_id(session.project, "One 1")], part_id(session.project, "Two"), 0
            )
        )
    assert titles(session.project) == before == titles(load_project(root))
    assert session.undo_stack.count() == count
