"""Attacks on moves of the open scene while the writer types: no model resets, no words lost."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel

from studio.gui.window_menus import redo_structure, undo_structure
from tests.gui.window_helpers import make_story, open_test_window


def _watch_resets(window):  # noqa: ANN001, ANN202
    seen: list[str] = []
    models = set(window.findChildren(QAbstractItemModel))
    models.add(window.outline_view.model())
    for model in models:
        name = f"{type(model).__name__} {model.objectName()}"
        model.modelReset.connect(lambda name=name: seen.append(f"reset {name}"))
    return seen, models


def test_moving_the_open_scene_and_undoing_while_typing_keeps_words_and_never_resets(qtbot, tmp_path):
    """Promise: no model resets on a scene move anywhere in the window; undo/redo keep typed text.

    Steps: type in the open scene; select it in the outline; Ctrl+Down three times (across a part);
    type more; Ctrl+Alt+Z twice, type, Ctrl+Alt+Shift+Z; close. Expected: no model of the window
    reset; every typed word is in the scene file; the editor still shows the same scene.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    seen, models = _watch_resets(window)
    assert len(models) >= 1
    editor, view = window.editor, window.outline_view
    scene = editor.current_scene_id()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " first")
    view.select_ids([scene])
    view.setFocus()
    for _ in range(3):
        view.select_ids([scene])
        view.move_down()  # what Ctrl+Down triggers
    assert window.project.part_of(scene).title == "Two"
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " second")
    undo_structure(window)
    undo_structure(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " third")
    redo_structure(window)
    assert editor.current_scene_id() == scene
    assert window.close()
    text = (project.root / "scenes" / project.scene(scene).file).read_text("utf-8")
    for word in ("first", "second", "third"):
        assert word in text
    assert not seen, seen
