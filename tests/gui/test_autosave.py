"""Autosave: after a pause, on switch, on focus loss, on quit; failures shown and retried; SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from studio.app.autosave import AutoSaver
from tests.gui.window_helpers import make_story, open_test_window, scene_file

REPO = Path(__file__).resolve().parents[2]


def type_at_end(qtbot, editor, text: str) -> None:
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def test_autosave_after_pause_writes_file_and_emits_signals(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    path = scene_file(project, 0)
    states = []
    window.editor.autosave.state_changed.connect(states.append)
    assert window.editor.autosave.timer.interval() == AutoSaver.DELAY_MS == 2000
    with qtbot.waitSignals([window.editor.autosave.saved, window.session.scene_text_saved], timeout=5000):
        type_at_end(qtbot, window.editor, " More words.")
        assert window.save_label.text() == "Unsaved"
        assert window.isWindowModified()
        assert not path.read_text("utf-8").endswith("More words.")
    assert path.read_text("utf-8").endswith("stairs. More words.")
    assert states[0] == "Unsaved" and states[-1] == "Saved"
    assert window.save_label.text() == "Saved"
    assert not window.isWindowModified()


def test_switching_scenes_saves_at_once(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    type_at_end(qtbot, window.editor, " switched")
    second = list(project.iter_scenes())[1]
    window.show_scene(second.id)
    assert scene_file(project, 0).read_text("utf-8").endswith(" switched")
    assert window.editor.toPlainText() == "alpha beta gamma"


def test_focus_loss_saves(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    type_at_end(qtbot, window.editor, " focus")
    with qtbot.waitSignal(window.editor.autosave.saved, timeout=1000):
        window.inspector.title_edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert scene_file(project, 0).read_text("utf-8").endswith(" focus")


def test_quit_saves(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    type_at_end(qtbot, window.editor, " bye")
    window.close()
    assert scene_file(project, 0).read_text("utf-8").endswith(" bye")


def test_ctrl_s_saves_at_once(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    type_at_end(qtbot, window.editor, " now")
    window.findChild(type(window.menus.save_action), "saveAction").trigger()
    assert scene_file(project, 0).read_text("utf-8").endswith(" now")
    assert window.save_label.text() == "Saved"


def test_failed_save_is_shown_kept_and_retried(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    saver = window.editor.autosave
    saver.retry_timer.setInterval(200)
    scenes, aside = project.root / "scenes", project.root / "scenes-aside"
    scenes.rename(aside)
    scenes.write_text("not a folder")  # every write into scenes/ now fails with an OSError
    type_at_end(qtbot, window.editor, " precious")
    with qtbot.waitSignal(window.session.save_error, timeout=1000) as error:
        assert not window.save_all()
    assert error.args[0]
    assert window.save_label.text().startswith("Not saved:")
    assert window.save_label.property("error") is True
    assert window.editor.toPlainText().endswith(" precious")
    scenes.unlink()
    aside.rename(scenes)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass  # the retry timer writes it
    assert scene_file(project, 0).read_text("utf-8").endswith(" precious")
    assert window.save_label.text() == "Saved"


def test_text_kept_when_save_fails_on_switch(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    path = scene_file(project, 0)
    path.write_text("changed elsewhere", "utf-8")  # the next save must refuse to overwrite it
    type_at_end(qtbot, window.editor, " mine")
    second = list(project.iter_scenes())[1]
    window.show_scene(second.id)
    assert path.read_text("utf-8") == "changed elsewhere"
    assert "changed on disk" in window.save_label.text()
    window.show_scene(project.parts[0].scenes[0].id)
    assert window.editor.toPlainText().endswith(" mine")


CHILD = """
import sys
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from studio.gui import open_window
window = open_window(sys.argv[1])
window.show()
window.editor.autosave.saved.connect(lambda scene_id: print("READY", scene_id, flush=True))
window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
QTest.keyClicks(window.editor, " typed before the crash")
app.exec()
"""


def test_typed_text_survives_sigkill(tmp_path):
    project = make_story(tmp_path / "story")
    path = scene_file(project, 0)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(project.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline()  # blocks until the autosave fired (or the child died)
        assert line.startswith("READY"), child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert path.read_text("utf-8").endswith("stairs. typed before the crash")
