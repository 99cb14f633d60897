"""Autosave cannot be starved: steady typing still reaches the disk at least every 5 seconds."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from studio.app.autosave import AutoSaver, EditorView
from tests.gui.outline_helpers import make_session
from tests.gui.window_helpers import make_story, open_test_window, scene_file

KEYS = "the quick brown fox jumps over the lazy dog "


def test_steady_typing_reaches_the_disk_every_five_seconds(qtbot, tmp_path):
    """One real key every 100 ms for 20 s, never a pause: all but the last 5 s is on disk."""
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    path = scene_file(project, 0)
    before = path.read_text("utf-8")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    typed: list[tuple[float, str]] = []  # (when, key)
    start = time.monotonic()
    while time.monotonic() - start < 20:
        key = KEYS[len(typed) % len(KEYS)]
        qtbot.keyClick(editor, key)
        typed.append((time.monotonic(), key))
        qtbot.wait(100)  # the next keystroke comes 100 ms later: the writer never pauses for 2 s
    read_at = time.monotonic()
    on_disk = path.read_text("utf-8")  # at once: no pause could have let the 2 s debounce fire
    everything = "".join(key for _when, key in typed)
    assert editor.toPlainText() == before + everything
    assert on_disk.startswith(before)
    saved = on_disk[len(before) :]
    assert everything.startswith(saved), "the file holds what was typed, in order"
    must_be_saved = sum(1 for when, _key in typed if when < read_at - 5.0)
    assert len(saved) >= must_be_saved, f"{len(typed) - len(saved)} keys unsaved, more than 5 s of typing"


def test_deadline_is_not_pushed_back_by_edits(qtbot, tmp_path):
    """The policy with short intervals: the first unsaved edit starts a deadline that edits keep."""
    session = make_session(tmp_path / "p")
    scene_id = session.project.parts[0].scenes[0].id
    document = QTextDocument()
    document.setPlainText(session.project.scene_text(scene_id))
    document.setModified(False)
    view = EditorView(document, lambda: scene_id, document.toPlainText, lambda: False, lambda: False)
    saver = AutoSaver(view, session, delay_ms=200, max_wait_ms=500)
    assert saver.timer.interval() == 200 and saver.deadline.interval() == 500
    saves: list[float] = []
    saver.saved.connect(lambda _sid: saves.append(time.monotonic()))
    edit_timer = QTimer(interval=50)  # an edit every 50 ms: the 200 ms debounce never fires
    edit_timer.timeout.connect(lambda: _append(document, "x"))
    start = time.monotonic()
    edit_timer.start()
    qtbot.waitUntil(lambda: len(saves) >= 3, timeout=5000)
    edit_timer.stop()
    assert saves[0] - start < 0.5 + 0.3
    assert all(b - a < 0.5 + 0.3 for a, b in zip(saves, saves[1:], strict=False))
    assert session.project.scene_text(scene_id).endswith("x")
    saver.save_current()
    assert session.project.scene_text(scene_id) == document.toPlainText()
    assert not saver.deadline.isActive() and not saver.timer.isActive()
    QApplication.processEvents()


def test_a_pause_still_saves_after_the_short_delay(qtbot, tmp_path):
    """Without steady typing the 2 s debounce (here 100 ms) saves first; the deadline is then dropped."""
    session = make_session(tmp_path / "p")
    scene_id = session.project.parts[0].scenes[0].id
    document = QTextDocument()
    document.setPlainText(session.project.scene_text(scene_id))
    document.setModified(False)
    view = EditorView(document, lambda: scene_id, document.toPlainText, lambda: False, lambda: False)
    saver = AutoSaver(view, session, delay_ms=100, max_wait_ms=10_000)
    with qtbot.waitSignal(saver.saved, timeout=2000):
        _append(document, " more")
    assert not saver.deadline.isActive()
    assert session.project.scene_text(scene_id).endswith(" more")


def _append(document: QTextDocument, text: str) -> None:
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)
