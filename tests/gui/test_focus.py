"""Focus: full screen, focus mode (Esc leaves), zoom with real keys, typewriter, dimming, the scene title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from studio.core import load_project
from studio.gui.focus import DIM_LAYER, FocusFeature
from studio.gui.settings import AppSettings
from tests.gui.window_helpers import PARAGRAPH, make_story
from tests.gui.window_helpers import open_test_window as open_window


def open_test_window(qtbot, root: Path):  # noqa: ANN001, ANN201
    """The window, active, with the editor focused (so window shortcuts reach their actions)."""
    window = open_window(qtbot, root)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.editor.setFocus()
    return window


def test_f11_toggles_full_screen(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    feature = FocusFeature.instance(window)
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert window.windowState() & Qt.WindowState.WindowFullScreen and feature.full_screen_action.isChecked()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert not feature.full_screen_action.isChecked()


def test_zoom_keys_enlarge_shrink_and_restore_and_are_remembered(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    editor = window.editor
    base = editor.font_size()
    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert editor.font_size() == base + 2 and window.settings.editor_zoom == 2
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.font_size() == base + 1
    window.close()
    assert AppSettings.load().editor_zoom == 1
    again = open_test_window(qtbot, make_story(tmp_path / "other").root)
    assert again.editor.font_size() == base + 1
    qtbot.keyClick(again.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.editor.font_size() == base and again.settings.editor_zoom == 0
    assert "dimmed" not in again.editor.toPlainText()


def test_focus_mode_hides_panels_menus_status_and_esc_restores(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    feature = FocusFeature.instance(window)
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks and window.left_tabs.isVisible()
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert feature.in_focus_mode()
    hidden = [window.left_tabs, window.menuBar(), window.statusBar(), *docks]
    assert not any(w.isVisible() for w in hidden)
    assert window.editor.isVisible() and window.editor.lineWrapColumnOrWidth() > 0
    qtbot.keyClick(
        window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )  # menu shortcuts still work
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not feature.in_focus_mode() and all(w.isVisible() for w in hidden)
    assert not feature.focus_action.isChecked()


def test_closing_in_focus_mode_stores_the_panels_shown(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    root = make_story(tmp_path / "story").root
    window = open_test_window(qtbot, root)
    FocusFeature.instance(window).set_focus_mode(True)
    window.close()
    again = open_test_window(qtbot, root)
    assert again.statusBar().isVisible() and again.left_tabs.isVisible() and again.menuBar().isVisible()


def test_typewriter_and_dimming_are_toggled_and_remembered(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    long_text = "\n\n".join([PARAGRAPH] * 80)
    window = open_test_window(qtbot, make_story(tmp_path / "story", {"One": [long_text]}).root)
    feature = FocusFeature.instance(window)
    editor = window.editor
    feature.dim_action.setChecked(True)
    layers = editor.__dict__["_selection_layers"]
    assert len(layers[DIM_LAYER]) == 1  # the caret is in the first paragraph: the rest is dimmed
    cursor = editor.textCursor()
    cursor.setPosition(len(PARAGRAPH) * 3)
    editor.setTextCursor(cursor)
    assert len(layers[DIM_LAYER]) == 2
    feature.typewriter_action.setChecked(True)
    editor.moveCursor(cursor.MoveOperation.End)
    qtbot.keyClicks(editor, " and on")
    middle = editor.viewport().height() * 0.4
    assert abs(editor.cursorRect().center().y() - middle) < editor.viewport().height() * 0.5
    window.close()
    settings = AppSettings.load()
    assert settings.typewriter_scrolling and settings.dim_paragraphs
    again = open_test_window(qtbot, make_story(tmp_path / "other").root)
    assert again.editor.typewriter and FocusFeature.instance(again).dimmer.enabled
    FocusFeature.instance(again).dim_action.setChecked(False)
    assert again.editor.__dict__["_selection_layers"][DIM_LAYER] == []


def test_scene_title_above_the_text_renames_undoably(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    scene = project.parts[0].scenes[0]
    window = open_test_window(qtbot, project.root)
    field = FocusFeature.instance(window).title_field
    assert field.isVisible() and field.text() == scene.title
    layout = window.editor_pane.layout()
    assert layout.indexOf(field) < layout.indexOf(window.editor)
    field.selectAll()
    qtbot.keyClicks(field, "The Stairs")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert load_project(project.root).scene(scene.id).title == "The Stairs"
    assert window.inspector.title_edit.text() == "The Stairs" and window.editor.hasFocus()
    window.session.undo_stack.undo()
    assert field.text() == scene.title and load_project(project.root).scene(scene.id).title == scene.title
    field.setText("   ")
    field.editingFinished.emit()
    assert field.text() == scene.title and window.session.undo_stack.count() == 1
    window.show_scene(project.parts[1].scenes[0].id)
    assert field.text() == "Two 1"
