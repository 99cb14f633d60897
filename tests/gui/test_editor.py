"""The scene editor: showing scenes, read-only scenes, reloads, the text column, find, split/merge."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.app.session import ProjectSession
from studio.gui.editor.editor import LINE_HEIGHT_PERCENT, SceneEditor
from tests.gui.window_helpers import make_story, open_test_window, scene_file


def test_show_scene_and_plain_text_round_trip(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["first line\n\nsecond\u00a0para\n"]})
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    scene_id = project.parts[0].scenes[0].id
    editor.show_scene(scene_id)
    assert editor.current_scene_id() == scene_id
    assert editor.scene_text() == "first line\n\nsecond\u00a0para\n"  # no-break space kept
    assert not editor.document().isModified()
    editor.show_scene(None)
    assert editor.current_scene_id() is None
    assert not editor.isEnabled()


def test_typed_paragraphs_and_line_breaks_become_newlines(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.show_scene(project.parts[0].scenes[0].id)
    qtbot.keyClicks(editor, "one")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "two")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "three")
    assert editor.scene_text() == "one\ntwo\nthree"
    assert editor.save_now()
    assert scene_file(project, 0).read_text("utf-8") == "one\ntwo\nthree"


def test_text_column_is_centred_with_generous_line_spacing(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.resize(1400, 600)
    editor.show()
    editor.show_scene(project.parts[0].scenes[0].id)
    margins = editor.viewportMargins()  # the column is centred by the viewport, not the document
    column = editor.lineWrapColumnOrWidth()
    right = editor.viewport().width() - column
    assert margins.left() > 200 and abs(margins.left() - right) <= 1
    wide = margins.left()
    editor.resize(700, 600)
    qtbot.waitUntil(lambda: editor.viewportMargins().left() < wide)
    assert editor.document().firstBlock().blockFormat().lineHeight() == LINE_HEIGHT_PERCENT
    assert not editor.document().isModified()  # a layout change is not an edit


def test_unreadable_scene_opens_read_only_with_warning(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    scene_file(project, 1).write_bytes(b"caf\xe9 au lait")
    window = open_test_window(qtbot, project.root)
    second = window.session.project.parts[0].scenes[1]
    window.show_scene(second.id)
    assert window.editor.isReadOnly()
    assert window.read_only_bar.isVisible()
    assert "not valid UTF-8" in window.read_only_bar.text()
    qtbot.keyClicks(window.editor, "x")
    assert "x" not in window.editor.toPlainText()
    window.show_scene(window.session.project.parts[0].scenes[0].id)
    assert not window.read_only_bar.isVisible()
    assert scene_file(project, 1).read_bytes() == b"caf\xe9 au lait"


def test_replaced_text_reloads_and_keeps_cursor(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    cursor = window.editor.textCursor()
    cursor.setPosition(8)
    window.editor.setTextCursor(cursor)
    scene_id = window.editor.current_scene_id()
    window.session.project.set_scene_text(scene_id, "The wind howled. A new text entirely.")
    window.session.scene_text_replaced.emit(scene_id)
    assert window.editor.toPlainText() == "The wind howled. A new text entirely."
    assert window.editor.textCursor().position() == 8


def test_find_bar_next_previous_and_escape(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["the cat and the dog and the end"]})
    window = open_test_window(qtbot, project.root)
    bar = window.find_bar
    window.activateWindow()
    qtbot.waitActive(window)
    window.findChild(type(window.menus.save_action), "findAction").trigger()
    assert bar.isVisible()
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "the")
    assert window.editor.textCursor().selectionStart() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectionStart() == 12
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectionStart() == 24
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # wraps around
    assert window.editor.textCursor().selectionStart() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectionStart() == 24
    window.findChild(type(window.menus.save_action), "findPreviousAction").trigger()
    assert window.editor.textCursor().selectionStart() == 12
    bar.field.setText("zebra")
    assert bar.status.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_visible_range_covers_what_is_shown(qtbot, tmp_path):
    text = "\n".join(f"line {n}" for n in range(400))
    project = make_story(tmp_path / "story", {"One": [text]})
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.resize(600, 300)
    editor.show()
    editor.show_scene(project.parts[0].scenes[0].id)
    start, end = editor.visible_range()
    assert start == 0
    assert 0 < end < len(text)
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    assert editor.visible_range()[1] == len(text)
