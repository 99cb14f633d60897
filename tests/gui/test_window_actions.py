"""Window actions: undo routing, split and merge, opening projects, the close guard, new project."""

from __future__ import annotations

from PySide6.QtGui import QAction, QUndoCommand

from studio.core import load_project
from studio.gui import app as gui_app
from studio.gui import messages
from tests.gui.window_helpers import make_story, open_test_window, scene_file


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


class Flag(QUndoCommand):
    def __init__(self, log: list[str]) -> None:
        super().__init__("flag")
        self.log = log

    def redo(self) -> None:
        self.log.append("redo")

    def undo(self) -> None:
        self.log.append("undo")


def test_undo_acts_on_focused_widget(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    window.activateWindow()
    qtbot.waitActive(window)
    log: list[str] = []
    window.session.push(Flag(log))
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "xyz")
    action(window, "undoAction").trigger()
    assert not window.editor.toPlainText().endswith("xyz")  # typing undone...
    assert log == ["redo"]  # ...the structure untouched
    window.outline_view.setFocus()
    qtbot.waitUntil(window.outline_view.hasFocus)
    action(window, "undoAction").trigger()
    assert log == ["redo", "undo"]
    action(window, "redoAction").trigger()
    assert log == ["redo", "undo", "redo"]
    action(window, "undoStructureAction").trigger()
    assert log[-1] == "undo"
    keys = {k.toString() for k in action(window, "redoAction").shortcuts()}
    assert keys == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert action(window, "undoAction").shortcut().toString() == "Ctrl+Z"
    assert action(window, "saveAction").shortcut().toString() == "Ctrl+S"
    assert action(window, "quitAction").shortcut().toString() == "Ctrl+Q"


def test_split_at_cursor_saves_first(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["first half. second half."]})
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " more")
    cursor = editor.textCursor()
    cursor.setPosition(len("first half. "))
    editor.setTextCursor(cursor)
    action(window, "splitSceneAction").trigger()
    on_disk = load_project(project.root)
    texts = [(on_disk.root / "scenes" / s.file).read_text("utf-8") for s in on_disk.parts[0].scenes]
    assert texts == ["first half.\n", "second half. more\n"]
    assert editor.toPlainText() == "first half.\n"
    action(window, "undoStructureAction").trigger()
    on_disk = load_project(project.root)
    assert len(on_disk.parts[0].scenes) == 1
    assert scene_file(on_disk, 0).read_text("utf-8") == "first half. second half. more"
    assert editor.toPlainText() == "first half. second half. more"
    action(window, "redoStructureAction").trigger()
    assert len(load_project(project.root).parts[0].scenes) == 2


def test_merge_with_next(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["alpha", "beta"], "Two": ["gamma"]})
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " one")
    action(window, "mergeSceneAction").trigger()
    on_disk = load_project(project.root)
    assert [len(p.scenes) for p in on_disk.parts] == [1, 1]
    assert scene_file(on_disk, 0).read_text("utf-8") == "alpha one\n\nbeta\n"
    assert editor.toPlainText() == "alpha one\n\nbeta\n"
    action(window, "undoStructureAction").trigger()
    on_disk = load_project(project.root)
    assert [len(p.scenes) for p in on_disk.parts] == [2, 1]
    assert [scene_file(on_disk, i).read_text("utf-8") for i in (0, 1)] == ["alpha one", "beta"]
    assert editor.toPlainText() == "alpha one"
    action(window, "redoStructureAction").trigger()
    action(window, "mergeSceneAction").trigger()  # the last of its part: nothing to merge
    assert [len(p.scenes) for p in load_project(project.root).parts] == [1, 1]


def test_open_project_replaces_window_and_fills_recent(qtbot, tmp_path):
    make_story(tmp_path / "one")
    other = make_story(tmp_path / "two")
    other.set_info(title="Second Story")
    window = open_test_window(qtbot, tmp_path / "one")
    opened = gui_app.open_project(tmp_path / "two", window)
    qtbot.addWidget(opened)
    assert opened.windowTitle().startswith("Second Story")
    assert not window.isVisible()
    assert opened.settings.recent_projects == [str(tmp_path / "two"), str(tmp_path / "one")]
    recent = [a.text() for a in opened.menus.recent_menu.actions()]
    assert recent == [str(tmp_path / "two"), str(tmp_path / "one")]  # the open one too, ticked


def test_open_project_not_a_project_shows_message(qtbot, tmp_path):
    make_story(tmp_path / "one")
    window = open_test_window(qtbot, tmp_path / "one")
    (tmp_path / "empty").mkdir()
    assert gui_app.open_project(tmp_path / "empty", window) is None
    assert window.isVisible()
    box = messages.open_boxes[-1]
    assert "not a Story Studio project" in box.text()
    box.accept()


def test_close_with_unsaved_text_asks_first(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    scene_file(project, 0).write_text("changed elsewhere", "utf-8")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " mine")
    window.close()
    assert window.isVisible()
    box = messages.open_boxes[-1]
    assert "Close anyway" in box.text()
    box.button(box.StandardButton.Yes).click()
    assert not window.isVisible()
    assert scene_file(project, 0).read_text("utf-8") == "changed elsewhere"


def test_new_project_dialog_creates_and_opens(qtbot, tmp_path):
    from studio.gui.new_project_dialog import NewProjectDialog

    dialog = NewProjectDialog(parent_folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.accept()  # no title: stays open with the reason
    assert "needs a title" in dialog.error_label.text()
    dialog.title_edit.setText("Night Ferry")
    dialog.author_edit.setText("Jo")
    dialog.accept()
    assert dialog.created_path == tmp_path / "night-ferry"
    assert load_project(dialog.created_path).title == "Night Ferry"
