"""Closing is one decision: a cancelled close lets go of nothing; an accepted one frees everything."""

from __future__ import annotations

import os
import threading

from PySide6.QtWidgets import QMessageBox
from watchdog.observers.api import BaseObserver

from studio.core.safety.locking import lock_path, read_lock
from studio.gui import app as gui_app
from studio.gui import messages
from tests.conftest import _leftover_state
from tests.gui.window_helpers import (
    close_test_windows,
    make_story,
    open_test_window,
    scene_file,
    track_window,
)

WAIT = 10_000


def observers_alive() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if isinstance(t, BaseObserver) and t.is_alive()]


def test_a_cancelled_close_keeps_the_lock_and_the_watcher(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    accepted = []
    window.close_accepted.connect(lambda: accepted.append(True))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " mine")
    with qtbot.waitSignal(window.guard.outside_changes, timeout=WAIT):
        scene_file(project, 0).write_text("changed elsewhere", "utf-8")  # the save must not overwrite it
    assert not window.close()  # the save is refused: the writer is asked, the close is cancelled
    box = messages.open_boxes[-1]
    assert box.windowTitle() == "Not saved"
    box.button(QMessageBox.StandardButton.No).click()  # stay
    assert window.isVisible() and not window.closed and accepted == []
    assert read_lock(project.root).pid == os.getpid()
    assert window.guard.watching and observers_alive()
    with qtbot.waitSignal(window.guard.outside_changes, timeout=WAIT) as changes:
        scene_file(project, 1).write_text("also changed elsewhere", "utf-8")
    assert list(project.iter_scenes())[1].id in changes.args[0].scenes_changed
    assert window.editor.toPlainText().endswith(" mine")  # nothing lost either


def test_an_accepted_close_releases_the_lock_stops_the_watcher_and_frees_the_window(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = gui_app.open_project(project.root)
    track_window(window)
    assert window in gui_app.WINDOWS
    assert read_lock(project.root).pid == os.getpid() and observers_alive()
    accepted = []
    window.close_accepted.connect(lambda: accepted.append(True))
    destroyed = []
    window.destroyed.connect(lambda *_: destroyed.append(True))
    assert window.close()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=WAIT)  # the window object is freed
    assert accepted == [True]
    assert not lock_path(project.root).exists()
    assert observers_alive() == []
    assert window not in gui_app.WINDOWS


def test_closing_for_good_after_a_failed_save_is_accepted_once(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    accepted = []
    window.close_accepted.connect(lambda: accepted.append(True))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " lost")
    with qtbot.waitSignal(window.guard.outside_changes, timeout=WAIT):
        scene_file(project, 0).write_text("changed elsewhere", "utf-8")
    assert not window.close()
    destroyed = []
    window.destroyed.connect(lambda *_: destroyed.append(True))
    messages.open_boxes[-1].button(QMessageBox.StandardButton.Yes).click()  # close anyway
    qtbot.waitUntil(lambda: destroyed == [True], timeout=WAIT)
    assert accepted == [True]
    assert not lock_path(project.root).exists() and observers_alive() == []


def test_leftover_state_is_found(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    open_test_window(qtbot, project.root)
    found = _leftover_state()
    assert any(line.startswith("window still open: MainWindow") for line in found)
    assert any(line.startswith("watchdog thread still running") for line in found)
    close_test_windows()
    assert _leftover_state() == []
