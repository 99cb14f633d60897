"""Attacks on story.json and scenes/ changed outside mid-session, then undo, then saves."""

from __future__ import annotations

import os
import shutil

from studio.app import commands
from studio.app.changes import OutlineChangeKind
from studio.core import load_project
from tests.gui.window_helpers import make_story, open_test_window


def rows(model) -> list[list[str]]:  # noqa: ANN001
    out = []
    for r in range(model.rowCount()):
        part = model.index(r, 0)
        out.append(
            [str(part.data())] + [str(model.index(i, 0, part).data()) for i in range(model.rowCount(part))]
        )
    return out


def memory(project) -> list[list[str]]:  # noqa: ANN001
    return [[p.title] + [s.title for s in p.scenes] for p in project.parts]


def test_story_json_rewritten_with_the_same_bytes_keeps_the_undo_history(qtbot, tmp_path):
    """Promise: the app's own saves are recognised by content; a changed story.json reloads.

    Steps: move a scene; another program rewrites story.json with the very same bytes (a sync tool,
    `git checkout` of the same content); wait for the watcher. Expected: nothing changed, so the
    undo history is kept and Undo still works.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session = window.session
    first = session.project.parts[0].scenes[0].id
    session.push(commands.MoveScenesCommand(session, [first], session.project.parts[1].id, 0))
    path = project.root / "story.json"
    data = path.read_bytes()
    with qtbot.waitSignal(window.guard.outside_changes, timeout=5000):
        aside = project.root / "story.json.tmp"
        aside.write_bytes(data)
        os.replace(aside, path)
    assert session.undo_stack.canUndo()
    session.undo_stack.undo()
    assert memory(session.project) == memory(load_project(project.root)) == rows(window.outline_view.model())


def test_story_json_edited_outside_then_undo_keeps_memory_disk_and_rows_equal(qtbot, tmp_path):
    """Promise: a changed story.json reloads the outline; the undo stack and the disk never drift.

    Steps: move a scene; another program reorders the parts in story.json; at once (before the
    watcher) Undo; then wait for the reload; Undo and Redo again.
    Expected: the outside order wins (undo refused as an outside change, then the history is
    cleared by the reload); memory == disk == rows at every point.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session, model = window.session, window.outline_view.model()
    first = session.project.parts[0].scenes[0].id
    session.push(commands.MoveScenesCommand(session, [first], session.project.parts[1].id, 0))
    import json

    path = project.root / "story.json"
    data = json.loads(path.read_text("utf-8"))
    data["parts"].reverse()
    reloaded = []
    session.outline_changed.connect(
        lambda c: reloaded.append(c) if c.kind == OutlineChangeKind.RELOADED else None
    )
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    session.undo_stack.undo()
    assert memory(session.project) == rows(model)
    qtbot.waitUntil(lambda: bool(reloaded), timeout=5000)
    disk = memory(load_project(project.root))
    assert memory(session.project) == disk == rows(model)
    assert disk[0][0] == "Two"
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert memory(session.project) == memory(load_project(project.root)) == rows(model)


def test_scenes_folder_swapped_for_a_link_outside_is_never_written(qtbot, tmp_path):
    """Promise: nothing is written outside the project folder, whatever is a link.

    Steps: open the window; move scenes/ aside to a folder outside the project and put a link to
    it in its place; type and save. Expected: the save is refused, the outside folder unchanged.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    outside = tmp_path / "outside-scenes"
    shutil.move(str(project.root / "scenes"), str(outside))
    (project.root / "scenes").symlink_to(outside, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " typed")
    assert not window.save_all()
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    window.close_without_saving()
