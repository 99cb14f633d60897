"""Rich paste and copy: HTML's emphasis and paragraphs become markers; copy carries both."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCharFormat, QTextCursor

from studio.app.session import ProjectSession
from studio.gui.editor.clipboard import SCENE_MIME
from studio.gui.editor.editor import SceneEditor
from tests.gui.window_helpers import make_story, open_test_window, scene_file

CTRL = Qt.KeyboardModifier.ControlModifier
DATA = Path(__file__).parents[1] / "data" / "paste"


def put_on_clipboard(html: str | None = None, text: str | None = None) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def editor_on(qtbot, tmp_path, text: str) -> SceneEditor:  # noqa: ANN001
    project = make_story(tmp_path / "story", {"One": [text]})
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.show_scene(project.parts[0].scenes[0].id)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    return editor


def italic_at(editor: SceneEditor, position: int) -> bool:
    block = editor.document().findBlock(position)
    column = position - block.position()
    for item in block.layout().formats():
        if item.start <= column < item.start + item.length:
            return QTextCharFormat(item.format).fontItalic()
    return False


def focus_editor(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)


def test_acceptance_paste_html_with_ctrl_v_saves_markers_and_shows_italics(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    window = open_test_window(qtbot, project.root)
    focus_editor(qtbot, window)
    put_on_clipboard(html="<p>She <em>knew</em>.</p>", text="She knew.")
    qtbot.keyClick(window.editor, Qt.Key.Key_V, CTRL)
    assert window.editor.scene_text() == "She *knew*."
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert scene_file(project, 0).read_text("utf-8") == "She *knew*."
    assert italic_at(window.editor, window.editor.toPlainText().index("knew"))
    assert not italic_at(window.editor, 0)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # the paste was one step
    assert window.editor.scene_text() == ""


@pytest.mark.parametrize("path", sorted(DATA.glob("*.html")), ids=lambda p: p.stem)
def test_pasting_real_fragments(qtbot, tmp_path, path):
    editor = editor_on(qtbot, tmp_path, "")
    mime = QMimeData()
    mime.setHtml(path.read_text("utf-8"))
    mime.setText("plain fallback")
    editor.insertFromMimeData(mime)
    assert editor.scene_text() == path.with_suffix(".expected.txt").read_text("utf-8")


def test_paste_as_plain_text_keeps_todays_behaviour(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    window = open_test_window(qtbot, project.root)
    focus_editor(qtbot, window)
    put_on_clipboard(html="<p>She <em>knew</em>.</p>", text="She knew *this*.\r\nNext")
    shift_ctrl = CTRL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.editor, Qt.Key.Key_V, shift_ctrl)
    assert window.editor.scene_text() == "She knew *this*.\nNext"


def test_plain_text_only_pastes_as_it_is(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "a ")
    mime = QMimeData()
    mime.setText("x *y* z")
    editor.insertFromMimeData(mime)
    assert editor.scene_text() == "a x *y* z"


def test_html_with_nothing_in_it_falls_back_to_the_text(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "")
    mime = QMimeData()
    mime.setHtml("<img src='x.png'>")
    mime.setText("caption")
    editor.insertFromMimeData(mime)
    assert editor.scene_text() == "caption"


def test_copy_puts_markers_html_and_our_own_type(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "She *knew* it.\n\nA **bold** <move> & more")
    editor.selectAll()
    mime = editor.createMimeDataFromSelection()
    assert mime.text() == "She *knew* it.\n\nA **bold** <move> & more"
    html = mime.html()
    assert "<p>She <em>knew</em> it.</p>" in html
    assert "<p>A <strong>bold</strong> &lt;move&gt; &amp; more</p>" in html
    assert bytes(mime.data(SCENE_MIME).data()).decode() == mime.text()


def test_copy_and_paste_back_is_exact(qtbot, tmp_path):
    text = "Snake\\_case *it* and _under_ \\*star\\*"
    editor = editor_on(qtbot, tmp_path, text)
    editor.selectAll()
    editor.copy()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.paste()
    assert editor.scene_text() == text + text


def test_copy_in_the_window_with_ctrl_c(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["She *knew* it"]})
    window = open_test_window(qtbot, project.root)
    focus_editor(qtbot, window)
    window.editor.selectAll()
    qtbot.keyClick(window.editor, Qt.Key.Key_C, CTRL)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "She *knew* it"
    assert "<em>knew</em>" in mime.html()
