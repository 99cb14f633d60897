"""Attacks on the editor: pastes that change the layout must still count as unsaved text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt

from tests.gui.window_helpers import make_story, open_test_window, scene_file


def test_a_long_paste_into_a_short_scene_is_saved_on_close(qtbot, tmp_path):
    """Promise: text is never lost; autosave writes pasted text; quitting saves it.

    Steps: open the window on a scene of one paragraph; paste (QMimeData, as Ctrl+V) 1,000 words
    (enough for the vertical scrollbar to appear); close the window.
    Expected: the scene file holds the pasted words. Found: the status says "Saved" and the file
    is unchanged: the scrollbar's resize runs SceneEditor._update_margins inside the paste's edit
    block (endEditBlock → layout → resizeEvent), which reads isModified() as False there and
    calls document().setModified(False), so autosave and close see nothing to save.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    mime = QMimeData()
    mime.setText("pasted " * 1000)
    editor.insertFromMimeData(mime)
    assert window.close()
    assert "pasted pasted" in scene_file(project, 0).read_text("utf-8")


def test_typing_lines_until_the_scrollbar_appears_is_saved_on_close(qtbot, tmp_path):
    """Promise: typed text is saved on close, also when the typing brings the scrollbar."""
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    bar = editor.verticalScrollBar()
    for _ in range(200):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "line")
        if bar.maximum() > 0:
            break
    assert bar.maximum() > 0
    assert editor.document().isModified() or editor.autosave.state == "Saved"
    assert window.close()
    assert scene_file(project, 0).read_text("utf-8").rstrip().endswith("line")


LONG = "\n\n".join(f"Paragraph {i} of the long scene." for i in range(200)) + "\n"


def test_deleting_all_of_a_long_scene_is_saved_on_close(qtbot, tmp_path):
    """Promise: what you see is what is saved; autosave and quit write the editor's text.

    Steps: open a 200-paragraph scene (scrollbar shown); Select All, Backspace; close the window.
    Expected: the scene file is empty, as the editor shows. Found: the status says "Saved" and the
    file keeps all 200 paragraphs: the scrollbar's disappearance resizes the viewport inside the
    edit, SceneEditor._update_margins sets the modified flag back to the stale False.
    """
    project = make_story(tmp_path / "story", {"One": [LONG, "short"]})
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.setFocus()
    assert editor.verticalScrollBar().maximum() > 0
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.scene_text() == ""
    assert window.close()
    assert scene_file(project, 0).read_text("utf-8") == ""


def test_one_undo_brings_back_a_deleted_long_text(qtbot, tmp_path):
    """Promise: Undo in the editor undoes typing there (one Ctrl+Z per edit); nothing invisible in between.

    Steps: open a 200-paragraph scene; Select All, Backspace; Ctrl+Z once.
    Expected: the text is back. Found: the first Ctrl+Z undoes the root frame's margin change that
    _update_margins made (root.setFrameFormat is recorded on the document's undo stack); the text
    stays deleted and is marked modified, so autosave then writes the empty scene to disk.
    """
    project = make_story(tmp_path / "story", {"One": [LONG, "short"]})
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    editor.undo()
    assert editor.scene_text() == LONG
