"""Attack: windows are freed on close, also after two windows shared a project and a dialog was open."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from studio.gui.main_window import MainWindow
from tests.gui.window_helpers import make_story, open_test_window


def live_windows() -> list[MainWindow]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, MainWindow) and shiboken6.isValid(o)]


def test_closed_windows_are_freed(qtbot, tmp_path):
    """Promise: windows are freed on close (nothing holds a closed window alive).

    Steps: open two windows on one project, type in each, open Preferences in one; close both;
    open and close a third. Expected: no live MainWindow remains.
    """
    project = make_story(tmp_path / "story")
    before = len(live_windows())
    first = open_test_window(qtbot, project.root)
    second = open_test_window(qtbot, project.root)
    for window in (first, second):
        window.editor.setFocus()
        qtbot.keyClicks(window.editor, "x")
        window.save_all()
    first.open_preferences()
    assert second.close()
    assert first.close()
    third = open_test_window(qtbot, project.root)
    assert third.close()
    del first, second, third
    assert len(live_windows()) == before
