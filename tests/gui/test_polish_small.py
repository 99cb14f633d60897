"""Window polish: Edit › Undo named after the outline's change, File › Open Recent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from studio.app import commands
from tests.gui.outline_helpers import titles
from tests.gui.window_helpers import make_story, open_test_window


def action(window, name: str) -> QAction:  # noqa: ANN001
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def shown(found: QAction) -> str:
    """The action's text as the menu shows it (without the mnemonic's ampersand)."""
    return found.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def focus(qtbot, widget) -> None:  # noqa: ANN001
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_edit_undo_is_named_after_a_move_in_the_outline(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.activateWindow()
    qtbot.waitActive(window)
    focus(qtbot, window.outline_view)
    undo, redo = action(window, "undoAction"), action(window, "redoAction")
    assert (shown(undo), shown(redo)) == ("Undo", "Redo")  # nothing to undo yet
    session = window.session
    one = session.project.parts[0]
    session.push(commands.MoveScenesCommand(session, [one.scenes[0].id], one.id, 3))
    assert titles(session.project)[0] == ("One", ["One 2", "One 3", "One 1"])
    assert shown(undo) == "Undo Move Scene “One 1”"
    undo.trigger()
    assert titles(session.project)[0] == ("One", ["One 1", "One 2", "One 3"])
    assert (shown(undo), shown(redo)) == ("Undo", "Redo Move Scene “One 1”")
    redo.trigger()
    assert (shown(undo), shown(redo)) == ("Undo Move Scene “One 1”", "Redo")


def test_a_drop_in_the_outline_names_edit_undo(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    model = window.outline_view.model()
    two = window.session.project.parts[1]
    moving = window.session.project.parts[0].scenes[1].id
    data = model.mimeData([model.index_for_id(moving)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_for_id(two.id))
    assert titles(window.session.project)[1] == ("Two", ["One 2", "Two 1"])
    window.menu("edit").aboutToShow.emit()  # as when the menu opens
    assert shown(action(window, "undoAction")) == "Undo Move Scene “One 2”"


def test_in_the_editor_edit_undo_still_undoes_typing(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.activateWindow()
    qtbot.waitActive(window)
    session = window.session
    one = session.project.parts[0]
    session.push(commands.MoveScenesCommand(session, [one.scenes[0].id], one.id, 3))
    editor = window.editor
    focus(qtbot, editor)
    undo = action(window, "undoAction")
    assert shown(undo) == "Undo"  # acts on the typing here, not on the move
    before = editor.toPlainText()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "xyz")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before  # Ctrl+Z undid the typing...
    assert titles(session.project)[0] == ("One", ["One 2", "One 3", "One 1"])  # ...not the move
    focus(qtbot, window.outline_view)
    assert shown(undo) == "Undo Move Scene “One 1”"


def test_open_recent_lists_the_current_project_ticked(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.settings.recent_projects = [str(project.root)]  # the only one
    recent = window.menus.recent_menu
    assert recent is not None
    recent.aboutToShow.emit()
    assert recent.isEnabled()  # not greyed out
    [only] = recent.actions()
    assert only.text() == str(project.root) and only.isCheckable() and only.isChecked()
    only.trigger()  # already open: nothing is reopened
    assert window.isVisible() and not window.closed and only.isChecked()
    window.settings.recent_projects = [str(tmp_path / "other"), str(project.root)]
    recent.aboutToShow.emit()
    assert [a.text() for a in recent.actions()] == [str(tmp_path / "other"), str(project.root)]
    assert [a.isChecked() for a in recent.actions()] == [False, True]
    window.settings.recent_projects = []  # e.g. settings forgotten: the open project is still listed
    recent.aboutToShow.emit()
    assert [a.text() for a in recent.actions()] == [str(project.root)] and recent.isEnabled()
