"""Attacks on the window: two windows on one project, links out of the project, failed moves, odd files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData

from studio.app import commands
from studio.core import load_project
from studio.core.safety.locking import read_lock
from tests.conftest import run_cli
from tests.gui.window_helpers import make_story, open_test_window, scene_file


def order(project) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """Part titles with their scene titles, in memory."""
    return [(p.title, [s.title for s in p.scenes]) for p in project.parts]


def model_order(model) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """Part titles with their scene titles, as the outline model shows them."""
    result = []
    for row in range(model.rowCount()):
        part = model.index(row, 0)
        result.append(
            (str(part.data()), [str(model.index(r, 0, part).data()) for r in range(model.rowCount(part))])
        )
    return result


def test_closing_one_of_two_windows_keeps_the_project_locked(qtbot, tmp_path):
    """Promise: an open project is locked (one writer at a time); only an accepted close releases the lock.

    Steps: open_window twice on one project in one process (the second is writable: same pid);
    close the first. Expected: the second window still has the project open, so the lock stays
    and `studio characters add` from another process is refused. Found: the first window's close
    deletes .studio/lock (ProjectGuard._take_lock returns without a lock for the same pid, so the
    second window holds none), and another process writes under the open window.
    """
    project = make_story(tmp_path / "story")
    first = open_test_window(qtbot, project.root)
    second = open_test_window(qtbot, project.root)
    assert not second.session.read_only
    assert first.close()
    assert read_lock(project.root) is not None, "the project is still open in a window, yet unlocked"
    result = run_cli("characters", "add", str(project.root), "Intruder")
    assert result.returncode != 0, "a second writer got in while a window has the project open"


def test_story_json_linked_outside_then_a_move_writes_nothing_outside(qtbot, tmp_path):
    """Promise: nothing is written outside the project folder, whatever is a link.

    Steps: open the window; replace story.json by a symlink to a copy outside the project;
    move a scene (Ctrl+Down in the outline) and wait for any reload. Expected: the outside file is unchanged.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes((project.root / "story.json").read_bytes())
    before = outside.read_bytes()
    link = project.root / "story.json"
    os.replace(link, tmp_path / "aside.json")
    link.symlink_to(outside)
    session = window.session
    first = session.project.parts[0].scenes[0].id
    with qtbot.waitSignal(window.guard.outside_changes, timeout=3000, raising=False):
        session.push(commands.MoveScenesCommand(session, [first], session.project.parts[1].id, 0))
    with qtbot.waitSignal(window.guard.outside_changes, timeout=3000, raising=False):
        session.push(commands.MoveScenesCommand(session, [first], session.project.parts[0].id, 0))
    assert outside.read_bytes() == before
    assert order(session.project) == model_order(window.outline_view.model())


def test_a_move_refused_by_the_disk_leaves_the_window_outline_and_stack_alone(qtbot, tmp_path):
    """Promise: a failed change leaves memory, disk, the outline rows and the undo stack as they were.

    Steps: open the window, story.json swapped for a folder, move a scene (fails), story.json put back.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session = window.session
    model = window.outline_view.model()
    before, rows, count = order(session.project), model_order(model), session.undo_stack.count()
    path = project.root / "story.json"
    os.replace(path, tmp_path / "aside.json")
    path.mkdir()
    errors = []
    session.save_error.connect(errors.append)
    first = session.project.parts[0].scenes[0].id
    session.push(commands.MoveScenesCommand(session, [first], session.project.parts[1].id, 0))
    assert errors and errors[-1]
    assert order(session.project) == before
    assert model_order(model) == rows
    assert session.undo_stack.count() == count
    path.rmdir()
    os.replace(tmp_path / "aside.json", path)
    assert order(load_project(project.root)) == before


def test_deleted_part_with_the_open_scene_unsaved_then_undo_keeps_the_text(qtbot, tmp_path):
    """Promise: text is never lost; delete sends unsaved text to the trash with the scene;
    undo brings it back.

    Steps: type into the open scene (no save), delete its part (DeleteCommand as the outline does),
    undo. Expected: the scene file holds the typed words.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session = window.session
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " unsaved words")
    assert editor.document().isModified()
    part = session.project.parts[0].id
    session.push(commands.DeleteCommand(session, [part]))
    session.undo_stack.undo()
    assert "unsaved words" in scene_file(project, 0).read_text("utf-8")
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert "unsaved words" in scene_file(project, 0).read_text("utf-8")


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "lone \ud800 surrogate", "\r\nCR\rLF\u2028"],
    ids=["nul", "surrogate", "linebreaks"],
)
def test_odd_clipboard_contents_pasted_then_saved_load_back(qtbot, tmp_path, text):
    """Promise: what you see is what is saved, as valid UTF-8; the project always loads.

    Steps: paste a QMimeData with the text (NULs, 2 MB, a lone surrogate, odd line breaks),
    save (Ctrl+S path).
    Expected: saved, no traceback, the file is valid UTF-8 and the project loads.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    mime = QMimeData()
    mime.setText(text)
    editor.insertFromMimeData(mime)
    assert window.save_all()
    raw = scene_file(project, 0).read_bytes()
    raw.decode("utf-8")
    loaded = load_project(project.root)
    assert loaded.scene_text(loaded.parts[0].scenes[0].id) == editor.scene_text()


def _replace_open_scene(path: Path, kind: str) -> None:
    path.unlink()
    if kind == "dir":
        path.mkdir()
    else:
        os.mkfifo(path)


@pytest.mark.parametrize("kind", ["dir", "fifo"])
def test_open_scene_file_replaced_by_a_folder_or_fifo_then_typing(qtbot, tmp_path, kind):
    """Promise: a FIFO or folder is never opened nor overwritten; a failed save shows and keeps the text.

    Steps: the open scene's file becomes a folder / FIFO; type; save. Expected: no hang, the save fails
    with a reason, the typed text stays in the editor, the thing on disk is untouched.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    path = scene_file(project, 0)
    _replace_open_scene(path, kind)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " typed")
    assert not window.editor.save_now()
    assert "typed" in editor.scene_text()
    assert path.is_dir() if kind == "dir" else path.is_fifo()
    assert window.save_label.text() not in ("Saved", "Unsaved", "Saving…")
    window.close_without_saving()
